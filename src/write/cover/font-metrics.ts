/**
 * Measures cover text with fontkit on the same font files the renderer draws with, so a line that
 * measures as fitting also renders as fitting. The only file of the cover that imports fontkit.
 */
import { openSync } from 'fontkit';
import { coverFontFile, type CoverStyle } from './cover-fonts.js';

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

/** The few members of a fontkit font this file reads. */
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): {
    glyphs: { bbox: { minX: number; maxX: number } }[];
    positions: { xAdvance: number; xOffset: number }[];
  };
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

function isFontkitFont(value: unknown): value is FontkitFont {
  return typeof value === 'object' && value !== null && 'unitsPerEm' in value && 'layout' in value;
}

/** Tracking is applied per glyph, so the extent keeps each glyph's pen position. */
function extentOf(f: FontkitFont, text: string, trackingUnits: number): Extent {
  const run = f.layout(text);
  let x = 0;
  let left = 0;
  let inkRight = 0;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i];
    const box = g.bbox;
    // Empty glyphs (spaces) have an all-zero or infinite box: they have no ink.
    if (Number.isFinite(box.minX) && Number.isFinite(box.maxX) && box.maxX > box.minX) {
      left = Math.min(left, x + p.xOffset + box.minX);
      inkRight = Math.max(inkRight, x + p.xOffset + box.maxX);
    }
    x += p.xAdvance + (i < run.glyphs.length - 1 ? trackingUnits : 0);
  });
  return { left, advance: x, inkRight, glyphs: run.glyphs.length };
}

const fonts = new Map<CoverStyle, FontkitFont>();

function font(style: CoverStyle): FontkitFont {
  let f = fonts.get(style);
  if (!f) {
    const opened = openSync(coverFontFile(style));
    // A collection (.ttc) would need a PostScript name; the bundled files are single fonts.
    if (!isFontkitFont(opened)) throw new Error(`not a single font: ${coverFontFile(style)}`);
    fonts.set(style, (f = opened));
  }
  return f;
}

/** Measures with the bundled fonts. Fonts are opened once per process and shared. */
export function fontkitMeasure(): TextMeasure {
  const extents = new Map<string, Extent>();
  const extent = (text: string, style: CoverStyle, sizePt: number, trackingPt: number): Extent => {
    const f = font(style);
    const trackingUnits = (trackingPt / sizePt) * f.unitsPerEm;
    const key = `${style}\u0000${trackingUnits}\u0000${text}`;
    let e = extents.get(key);
    if (!e) extents.set(key, (e = extentOf(f, text, trackingUnits)));
    return e;
  };
  return {
    width(text, style, sizePt, trackingPt = 0) {
      const e = extent(text, style, sizePt, trackingPt);
      return ((Math.max(e.advance, e.inkRight) - e.left) / font(style).unitsPerEm) * sizePt;
    },
    overhang(text, style, sizePt) {
      return (-extent(text, style, sizePt, 0).left / font(style).unitsPerEm) * sizePt;
    },
    extent(style) {
      const f = font(style);
      return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
    },
  };
}
