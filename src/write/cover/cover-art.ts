/**
 * The one cover of a build, shared by the EPUB and the PDF: either the user's image or art that
 * broadsheet generates from the metadata. Both renditions come from the same source picture.
 */
import type { SplitImage } from '../pdf/alpha-image.js';

export interface CoverImage {
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /**
   * A PNG with alpha as the PDF embeds it (colour and alpha deflated, write/pdf/alpha-image.ts),
   * when already made: the cover cache keeps it with the art, so a cached build does not decode
   * the 300 dpi PNG again (about 0.1 s).
   */
  split?: SplitImage;
}

export interface CoverArt {
  /** Where the picture came from. */
  origin: 'image' | 'generated';
  /** Text alternative, used for the EPUB cover page and the PDF cover Figure. */
  alt: string;
  /** For print: at least 300 dpi at the trim size (or the original if that is all there is). */
  print: CoverImage;
  /** For reading systems: long side 1600–2560 px where the source allows. */
  screen: CoverImage;
}
