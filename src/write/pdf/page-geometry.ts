/**
 * Trim size, bleed and the text block of a printed page.
 *
 * Why one module: the page boxes (MediaBox, BleedBox, TrimBox), the mirrored margins and the place
 * of running heads and folios all derive from the same two numbers; layout and drawing must agree
 * on them to the point.
 */

import { MM, parsePageSize } from './page-size.js';

/** 3 mm, the bleed print services ask for (KDP, Lulu, most offset printers). */
export const BLEED = 3 * MM;

/** A rectangle in points, origin top-left of the MediaBox (pdfkit's convention). */
export interface Rect { x: number; y: number; width: number; height: number }

export interface PageGeometry {
  /** Trim size: the page as the reader holds it. */
  trimWidth: number;
  trimHeight: number;
  /** Bleed added on every side (0 without bleed). */
  bleed: number;
  /** MediaBox size = trim + 2 × bleed. */
  mediaWidth: number;
  mediaHeight: number;
  /** Body text size and leading in points; they scale with the page. */
  fontSize: number;
  leading: number;
  /** Margins of the trimmed page; inside is the binding side. */
  margins: { top: number; bottom: number; inside: number; outside: number };
}

/**
 * The geometry of a trim size. Margins follow the classic proportions of a book page (inside
 * narrower than outside, foot deeper than head) scaled to the page, and the body size grows from
 * 9.5 pt on small pages to 11 pt on A4/Letter so that a line keeps about 60–70 characters.
 */
export function pageGeometry(spec: string, bleed: boolean, bleedPt = BLEED): PageGeometry {
  const [trimWidth, trimHeight] = parsePageSize(spec);
  // The press edition asks for its own bleed (`--bleed-mm`); the reading PDF's is always 3 mm.
  const b = bleed ? bleedPt : 0;
  const fontSize = clamp(trimWidth / 42, 9.5, 11);
  return {
    trimWidth,
    trimHeight,
    bleed: b,
    mediaWidth: trimWidth + 2 * b,
    mediaHeight: trimHeight + 2 * b,
    fontSize,
    leading: Math.round(fontSize * 1.4 * 4) / 4,
    margins: {
      top: round(Math.max(36, trimHeight * 0.085)),
      bottom: round(Math.max(40, trimHeight * 0.1)),
      inside: round(Math.max(36, trimWidth * 0.11)),
      outside: round(Math.max(30, trimWidth * 0.085)),
    },
  };
}

/**
 * Page index 0 (the cover) is a right-hand page, so even indexes are rectos: their inside margin is
 * on the left.
 */
export function isRecto(pageIndex: number): boolean {
  return pageIndex % 2 === 0;
}

/** The text block of a page, in MediaBox coordinates (bleed included). */
export function textArea(g: PageGeometry, pageIndex: number): Rect {
  const left = isRecto(pageIndex) ? g.margins.inside : g.margins.outside;
  const width = g.trimWidth - g.margins.inside - g.margins.outside;
  return { x: g.bleed + left, y: g.bleed + g.margins.top, width, height: g.trimHeight - g.margins.top - g.margins.bottom };
}

/** TrimBox in PDF user space (origin bottom-left): [llx, lly, urx, ury]. */
export function trimBox(g: PageGeometry): [number, number, number, number] {
  return [g.bleed, g.bleed, g.bleed + g.trimWidth, g.bleed + g.trimHeight];
}

/**
 * Where the press edition puts layout's origin (the corner of the full-bleed page) on page `index`:
 * `slug` in from the MediaBox's corner for printer's marks, and, for print-on-demand interiors
 * (`bindingBleed` false, only without marks), no bleed on the binding edge: KDP's interior page is
 * trim + bleed wide (head, foot and outside edge only), so a recto, bound on its left, starts at
 * its trim line. With marks every side keeps its bleed: the printer trims the block itself.
 * Points in the drawing's top-down space; the same shift in PDF user space, whose y axis runs up
 * from a MediaBox as much taller as it is shifted.
 */
export function pressOrigin(g: PageGeometry, index: number, slug: number, bindingBleed: boolean): { x: number; y: number; bindingBleed: boolean } {
  const keep = bindingBleed || slug > 0;
  return { x: slug - (!keep && isRecto(index) ? g.bleed : 0), y: slug, bindingBleed: keep };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
