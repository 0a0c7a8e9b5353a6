/**
 * Drawn text as encoded runs, cached for one document: a book draws the same words (and spaces)
 * over and over, and splitting a word into font runs, shaping it and formatting its glyphs costs
 * more than writing it. A run's bytes depend only on (font, size, text) and the CIDs the document
 * has given its glyphs so far (glyph-book.ts), which never change once given.
 */
import type { FontId } from '../../../fonts/registry.js';
import { fontRuns } from '../font-metrics.js';
import type { Face } from '../text-style.js';
import { GlyphBook } from './glyph-book.js';
import { encodeRun, type EncodedRun } from './glyph-run.js';

/** A run of one font of a drawn text, encoded. */
export interface DrawnPiece {
  readonly font: FontId;
  readonly run: EncodedRun;
}

/** Entries kept per face and size; a book's vocabulary in a few sizes fits well within it. */
const LIMIT = 100_000;

export class RunEncoder {
  readonly glyphs = new GlyphBook();
  private readonly words = new Map<Face, Map<number, Map<string, readonly DrawnPiece[]>>>();

  /** `text` in `face` at `size` as encoded runs of one font each, in logical order (cached). */
  pieces(text: string, face: Face, size: number): readonly DrawnPiece[] {
    let bySize = this.words.get(face);
    if (bySize === undefined) this.words.set(face, (bySize = new Map()));
    let cache = bySize.get(size);
    if (cache === undefined) bySize.set(size, (cache = new Map()));
    let pieces = cache.get(text);
    if (pieces === undefined) {
      pieces = fontRuns(text, face).map((r) => ({ font: r.font, run: encodeRun(this.glyphs.font(r.font), r.font, r.text, size, 0) }));
      // Dropped whole when full: memory stays flat on long books, and the bytes do not change.
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, pieces);
    }
    return pieces;
  }

  /** Letter-spaced text (`tracking` in TJ units after every glyph): rare, so not cached. */
  tracked(text: string, face: Face, size: number, tracking: number): DrawnPiece[] {
    return fontRuns(text, face).map((r) => ({ font: r.font, run: encodeRun(this.glyphs.font(r.font), r.font, r.text, size, tracking) }));
  }
}
