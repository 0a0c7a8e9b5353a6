/**
 * What makes the press edition differ from the reading PDF. The layout is the same; these options
 * only change how it is put on the sheet (boxes, marks, blank pages) and in what colours.
 */
import { MM } from '../page-size.js';

/** Pages per folded sheet group: perfect binding takes 4, sewn or saddle-stitched books 8–32. */
export type Signature = 4 | 8 | 16 | 32;

export const SIGNATURES: readonly Signature[] = [4, 8, 16, 32];

export interface PressOptions {
  /** Bleed on every side, in points. Default 3 mm (`--bleed-mm`). */
  bleed: number;
  /** Crop and centre marks outside the bleed (`crop`), or none for services that refuse them (KDP, IngramSpark). */
  marks: 'crop' | 'none';
  /** The page count is padded with blank pages at the end to a multiple of this. Default 4. */
  signature: Signature;
  /** Everything in DeviceGray, images included, for black-and-white printing. Default false. */
  grayscale: boolean;
  /**
   * Keep the cover art as page 1, as in the reading PDF (default true: a print shop binding the
   * file as it is, saddle-stitched, gets its cover). False leaves page 1 blank, so rectos stay
   * rectos, for print-on-demand, where the cover is a separate wrap and the book block has none.
   */
  coverPage: boolean;
  /**
   * Bleed on the binding edge too (default true). False, with `marks: 'none'`, gives the interior
   * page print-on-demand services ask for: trim + bleed wide, the bleed at head, foot and outside
   * edge only (KDP: "extend them 0.125" beyond the normal trim size from the top, bottom, and outer
   * edges for your manuscript", e.g. a 6.125 × 9.25 in file for 6 × 9). With crop marks it is ignored.
   */
  bindingBleed: boolean;
}

export const DEFAULT_PRESS: PressOptions = { bleed: 3 * MM, marks: 'crop', signature: 4, grayscale: false, coverPage: true, bindingBleed: true };
