/**
 * The flat sheet of a paperback cover: bleed | back | spine | front | bleed across, bleed above and
 * below, and the zones a print service reserves on it. Pure: points in, points out.
 *
 * A right-to-left book (Arabic, Hebrew…) is bound on its right edge, so its sheet is the mirror
 * image: front | spine | back, and the barcode zone mirrored with the back. The services publish
 * only left-to-right templates; the mirror follows from the binding, not from a published figure.
 *
 * Why its own module: the boxes written into the PDF (TrimBox, BleedBox), where the front art
 * goes, where the spine's folds are and what the back's text must keep clear of all come from the
 * same few numbers; the tests check the sheet against the services' published figures here and in
 * the built file.
 */
import type { Rect } from '../pdf/page-geometry.js';
import { spineWidthIn, type Paper, type PrintService } from './print-services.js';

/** PostScript points per inch. */
export const INCH = 72;

export interface WrapGeometry {
  /** Trim size of one cover (front or back), points. */
  panel: { width: number; height: number };
  /** Spine width, points. */
  spine: number;
  bleed: number;
  /** The whole sheet: back + spine + front + bleed on every side. */
  mediaWidth: number;
  mediaHeight: number;
  direction: 'ltr' | 'rtl';
  /** Panels without bleed, in sheet coordinates (origin top-left, y down). */
  back: Rect;
  spinePanel: Rect;
  front: Rect;
  /** TrimBox and BleedBox in PDF user space (origin bottom-left): [llx, lly, urx, ury]. */
  trimBox: [number, number, number, number];
  bleedBox: [number, number, number, number];
  /** Where text may go on each cover: the trim less the service's safe margin. */
  backSafe: Rect;
  frontSafe: Rect;
  /** Kept clear for the barcode: lower right of the back cover. */
  barcode: Rect;
  /**
   * The band spine text may use (the spine less its margin from each fold, and the safe margin at
   * head and foot), or undefined when the book is too thin for spine text by the service's rule.
   */
  spineText?: Rect;
}

export interface WrapSpec {
  /** Trim size of the book, points. */
  trim: { width: number; height: number };
  /** Interior pages, after padding for binding. */
  pageCount: number;
  paper: Paper;
  service: PrintService;
  /** The publication's direction; `rtl` mirrors the sheet. Default `ltr`. */
  direction?: 'ltr' | 'rtl';
}

/**
 * The sheet for `spec`. Throws when the service publishes no spine figure for the paper (the
 * command line refuses that combination first, with the fix).
 */
export function wrapGeometry(spec: WrapSpec): WrapGeometry {
  const { trim, service } = spec;
  const spineIn = spineWidthIn(service, spec.paper, spec.pageCount);
  if (spineIn === undefined) throw new Error(`${service.name} publishes no spine width for ${spec.paper} paper`);
  const spine = spineIn * INCH;
  const bleed = service.bleedIn * INCH;
  const safe = service.safeMarginIn * INCH;
  const mediaWidth = 2 * trim.width + spine + 2 * bleed;
  const mediaHeight = trim.height + 2 * bleed;
  const rtl = spec.direction === 'rtl';
  const left: Rect = { x: bleed, y: bleed, width: trim.width, height: trim.height };
  const spinePanel: Rect = { x: bleed + trim.width, y: bleed, width: spine, height: trim.height };
  const right: Rect = { x: bleed + trim.width + spine, y: bleed, width: trim.width, height: trim.height };
  const [back, front] = rtl ? [right, left] : [left, right];
  const b = service.barcode;
  const barcode: Rect = {
    // Lower corner of the back next to the spine: left of it, or right of it on a mirrored sheet.
    x: rtl ? spinePanel.x + spine + b.fromSpineIn * INCH : spinePanel.x - (b.fromSpineIn + b.widthIn) * INCH,
    y: back.y + back.height - (b.fromBottomIn + b.heightIn) * INCH,
    width: b.widthIn * INCH,
    height: b.heightIn * INCH,
  };
  const margin = service.spineTextMarginIn * INCH;
  const spineText: Rect | undefined =
    spec.pageCount >= service.spineTextMinPages && spine > 2 * margin
      ? { x: spinePanel.x + margin, y: spinePanel.y + safe, width: spine - 2 * margin, height: trim.height - 2 * safe }
      : undefined;
  return {
    panel: { ...trim },
    spine,
    bleed,
    mediaWidth,
    mediaHeight,
    direction: rtl ? 'rtl' : 'ltr',
    back,
    spinePanel,
    front,
    trimBox: [bleed, bleed, mediaWidth - bleed, mediaHeight - bleed],
    bleedBox: [0, 0, mediaWidth, mediaHeight],
    backSafe: inset(back, safe),
    frontSafe: inset(front, safe),
    barcode,
    ...(spineText ? { spineText } : {}),
  };
}

function inset(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by };
}
