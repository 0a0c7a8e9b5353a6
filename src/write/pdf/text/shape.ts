/**
 * Shaping: text of one font → positioned glyphs, with fontkit's OpenType shaper (Arabic joining and
 * lam-alef, Hebrew points, Indic reordering and conjuncts, Thai marks, kerning and ligatures).
 * fontkit orders the glyphs of a right-to-left run visually, as they are drawn.
 *
 * Why a cache per (font, text): shaping is the costly step of setting type and the same words
 * recur all through a book; measuring and drawing share the one result.
 */
import { openFont, type FontId } from '../../../fonts/registry.js';

export interface ShapedGlyph {
  readonly id: number;
  /** The characters this glyph stands for in this run (none for a mark split off by the shaper). */
  readonly codePoints: readonly number[];
  /** The glyph's own advance, in font units (what the PDF's /W says). */
  readonly advanceWidth: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  readonly direction: 'ltr' | 'rtl';
  readonly unitsPerEm: number;
  /** Sum of the advances, in font units. */
  readonly advance: number;
}

const LIMIT = 50_000;
const caches = new Map<FontId, Map<string, ShapedRun>>();

/** The shaped glyphs of `text` in `font` (cached). */
export function shape(font: FontId, text: string): ShapedRun {
  let cache = caches.get(font);
  if (cache === undefined) caches.set(font, (cache = new Map()));
  let run = cache.get(text);
  if (run === undefined) {
    const f = openFont(font);
    const layout = f.layout(text);
    const glyphs = layout.glyphs.map((g, i) => {
      const p = layout.positions[i]!;
      return { id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
    });
    run = { glyphs, direction: layout.direction === 'rtl' ? 'rtl' : 'ltr', unitsPerEm: f.unitsPerEm, advance: layout.advanceWidth };
    // A full cache is dropped whole: cheap, and memory stays flat on long books.
    if (cache.size >= LIMIT) cache.clear();
    cache.set(text, run);
  }
  return run;
}
