/**
 * Printer's marks: crop marks at the corners and centre marks in the middle of each side, drawn
 * outside the bleed on a MediaBox grown for them, so the printer can trim and register the sheet
 * and nothing of the marks is ever inside the area that is printed into (the BleedBox).
 *
 * Pure geometry: points in the grown MediaBox, origin top-left, y down (like layout).
 */
import { MM } from '../page-size.js';

/** Gap between the bleed edge and a mark, so a mark never touches the bleed. */
export const MARK_GAP = 3;
/** Length of a mark (5 mm, as Acrobat's and InDesign's defaults). */
export const MARK_LENGTH = 5 * MM;
/** Mark weight: 0.25 pt, thin enough to trim to, thick enough to print (the preflight's hairline limit). */
export const MARK_WEIGHT = 0.25;

export interface MarkLine { x1: number; y1: number; x2: number; y2: number }
export interface MarkCircle { cx: number; cy: number; r: number }

export interface PrinterMarks {
  /** Margin of the MediaBox around the BleedBox on every side (0 without marks). */
  slug: number;
  lines: MarkLine[];
  circles: MarkCircle[];
}

/**
 * The marks of a page of `trimWidth` × `trimHeight` points with `bleed` points of bleed. `none`
 * gives no marks and no slug: MediaBox = BleedBox, as KDP and IngramSpark want.
 */
export function printerMarks(trimWidth: number, trimHeight: number, bleed: number, kind: 'crop' | 'none'): PrinterMarks {
  if (kind === 'none') return { slug: 0, lines: [], circles: [] };
  const slug = MARK_GAP + MARK_LENGTH + MARK_GAP;
  // The trim box inside the grown MediaBox.
  const left = slug + bleed;
  const top = slug + bleed;
  const right = left + trimWidth;
  const bottom = top + trimHeight;
  // Marks begin past the bleed: their near end is `near` from the trim line, their far end `far`.
  const near = bleed + MARK_GAP;
  const far = near + MARK_LENGTH;
  const lines: MarkLine[] = [];
  for (const x of [left, right]) {
    const out = x === left ? -1 : 1;
    for (const y of [top, bottom]) {
      const up = y === top ? -1 : 1;
      // The horizontal mark continues the trim line y outside the page; the vertical one, x.
      lines.push({ x1: x + out * near, y1: y, x2: x + out * far, y2: y });
      lines.push({ x1: x, y1: y + up * near, x2: x, y2: y + up * far });
    }
  }
  // Centre marks: a cross with a circle on the middle of each side, the long arm on the axis.
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const mid = (near + far) / 2;
  const arm = MARK_LENGTH / 2;
  const r = MARK_LENGTH / 4;
  const centres = [
    { x: cx, y: top - mid, vertical: true },
    { x: cx, y: bottom + mid, vertical: true },
    { x: left - mid, y: cy, vertical: false },
    { x: right + mid, y: cy, vertical: false },
  ];
  const circles: MarkCircle[] = [];
  for (const c of centres) {
    if (c.vertical) {
      lines.push({ x1: c.x, y1: c.y - arm, x2: c.x, y2: c.y + arm });
      lines.push({ x1: c.x - arm / 2, y1: c.y, x2: c.x + arm / 2, y2: c.y });
    } else {
      lines.push({ x1: c.x - arm, y1: c.y, x2: c.x + arm, y2: c.y });
      lines.push({ x1: c.x, y1: c.y - arm / 2, x2: c.x, y2: c.y + arm / 2 });
    }
    circles.push({ cx: c.x, cy: c.y, r });
  }
  return { slug, lines, circles };
}
