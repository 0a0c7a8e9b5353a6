/**
 * Measures cover text through the font registry (src/fonts) on the same font files the renderer
 * draws with, so a line that measures as fitting also renders as fitting: shaped by HarfBuzz, as
 * resvg (rustybuzz, a port of HarfBuzz) shapes it, with each glyph's ink from fontkit's outline.
 * Characters the serif lacks are measured in the fallback face that has them, as resvg draws them.
 */
import { faceRuns, openFont, type FontId } from '../../fonts/registry.js';
import { shape } from '../../fonts/shape.js';
import { coverStack, type CoverStyle } from './cover-fonts.js';

/** How the cover layout learns sizes of text; tests may substitute a fixed-width measure. */
export interface TextMeasure {
  /**
   * Width in points that `text` set at `sizePt` (kerned, `trackingPt` after every glyph) covers,
   * from the leftmost of its pen origin and its ink to the rightmost of its last advance (trailing
   * tracking excluded: it is invisible) and its ink. Ink counts because glyphs overhang their
   * advance — an italic A reaches left of its origin, an italic f right of its advance — and an
   * overhang at the margin would put ink outside the safe area.
   */
  width(text: string, style: CoverStyle, sizePt: number, trackingPt?: number): number;
  /** How far the ink of `text` reaches left of the pen origin, in points (0 when it does not). */
  overhang(text: string, style: CoverStyle, sizePt: number): number;
  /** Ascender and descender (positive, below the baseline) as fractions of the size. */
  extent(style: CoverStyle): { ascent: number; descent: number };
}

/** Horizontal extent of a laid-out string, in font units. */
interface Extent {
  /** Ink left of the origin (≤ 0). */
  left: number;
  /** Sum of advances. */
  advance: number;
  /** Rightmost ink. */
  inkRight: number;
  glyphs: number;
}

/** Tracking is applied per glyph, so the extent keeps each glyph's pen position. */
function extentOf(font: FontId, text: string, trackingUnits: number): Extent {
  const run = shape(font, text);
  const f = openFont(font);
  let x = 0;
  let left = 0;
  let inkRight = 0;
  run.glyphs.forEach((g, i) => {
    const box = f.getGlyph(g.id).bbox;
    // Empty glyphs (spaces) have an all-zero or infinite box: they have no ink.
    if (Number.isFinite(box.minX) && Number.isFinite(box.maxX) && box.maxX > box.minX) {
      left = Math.min(left, x + g.xOffset + box.minX);
      inkRight = Math.max(inkRight, x + g.xOffset + box.maxX);
    }
    x += g.xAdvance + (i < run.glyphs.length - 1 ? trackingUnits : 0);
  });
  return { left, advance: x, inkRight, glyphs: run.glyphs.length };
}

/**
 * Extent of `text` in a style, in units of the em (font units over unitsPerEm), run by run in the
 * face that draws each character.
 */
function extentIn(style: CoverStyle, text: string, trackingEm: number): Extent {
  let left = 0;
  let advance = 0;
  let inkRight = 0;
  let glyphs = 0;
  const runs = faceRuns(text, coverStack(style));
  runs.forEach((run, k) => {
    const f = openFont(run.font);
    const e = extentOf(run.font, run.text, trackingEm * f.unitsPerEm);
    const u = f.unitsPerEm;
    left = Math.min(left, advance + e.left / u);
    inkRight = Math.max(inkRight, advance + e.inkRight / u);
    advance += e.advance / u + (k < runs.length - 1 && e.glyphs > 0 ? trackingEm : 0);
    glyphs += e.glyphs;
  });
  return { left, advance, inkRight, glyphs };
}

/** Measures with the bundled fonts. Fonts are opened once per process and shared. */
export function coverMeasure(): TextMeasure {
  const extents = new Map<string, Extent>();
  const extent = (text: string, style: CoverStyle, sizePt: number, trackingPt: number): Extent => {
    const trackingEm = trackingPt / sizePt;
    const key = `${style}\u0000${trackingEm}\u0000${text}`;
    let e = extents.get(key);
    if (!e) extents.set(key, (e = extentIn(style, text, trackingEm)));
    return e;
  };
  return {
    width(text, style, sizePt, trackingPt = 0) {
      const e = extent(text, style, sizePt, trackingPt);
      return (Math.max(e.advance, e.inkRight) - e.left) * sizePt;
    },
    overhang(text, style, sizePt) {
      return -extent(text, style, sizePt, 0).left * sizePt;
    },
    extent(style) {
      const f = openFont(coverStack(style)[0]!);
      return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
    },
  };
}
