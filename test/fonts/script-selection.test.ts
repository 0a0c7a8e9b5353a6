/**
 * The fontkit workaround of src/fonts/script-selection.ts answers a repeated script selection from
 * the last call. It must never change what fontkit shapes: every run below, in an order that
 * switches scripts, directions and languages back and forth, comes out of the registry's font
 * (with the memo) exactly as out of a font fontkit opened afresh (without it).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontPath, openFont, type FontId, type FontkitFont } from '../../src/fonts/registry.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): FontkitFont };

type LayoutArgs = [text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'];

/**
 * Glyph ids and positions: what feature selection decides. (Not the glyphs' characters: the
 * registry corrects those fontkit caches per glyph, which a fresh font does not.)
 */
function shaped(font: FontkitFont, args: LayoutArgs): unknown {
  const run = font.layout(...args);
  return { glyphs: run.glyphs.map((g, i) => [g.id, { ...run.positions[i] }]), advance: run.advanceWidth, direction: run.direction };
}

const CASES: Record<string, LayoutArgs[]> = {
  'serif-regular': [
    ['office'], ['transportation'], ['Ελληνικά'], ['office'], ['Кириллица'], ['fi'], ['AVATAR'],
    ['office', undefined, undefined, 'TRK'], ['office'], ['ﬁne'], ['Ελληνικά', undefined, undefined, undefined, 'ltr'], ['ffl'],
    // Languages the font has (Romanian ş ţ with a comma, Catalan l·l, Serbian б): they change the
    // glyphs, and the next run without a language must have the default ones back.
    ['şţ'], ['şţ', undefined, undefined, 'ROM'], ['şţ'], ['l·l', undefined, undefined, 'CAT'], ['l·l'], ['б', undefined, undefined, 'SRB'], ['б'], ['şţ'],
  ],
  'arabic-regular': [['السلام'], ['عليكم'], ['لا'], ['۴۶۷'], ['۴۶۷', undefined, undefined, 'URD'], ['۴۶۷'], ['السلام', undefined, undefined, 'URD'], ['مرحبا'], ['123'], ['السلام']],
  'devanagari-regular': [['हिन्दी'], ['कि'], ['क्षत्रिय'], ['हिन्दी', undefined, undefined, 'MAR'], ['कि'], ['श्री']],
};

describe('script selection memo (fontkit)', () => {
  for (const [id, cases] of Object.entries(CASES)) {
    it(`shapes ${id} exactly as an unpatched fontkit font does`, () => {
      const patched = openFont(id as FontId);
      const plain = fontkit.openSync(fontPath(id as FontId));
      // Twice through, so that repeats after every kind of switch are answered by the memo.
      for (const args of [...cases, ...cases]) expect(shaped(patched, args), String(args)).toEqual(shaped(plain, args));
      // The memo is in place on the registry's font (so the comparison above tested it).
      const engine = (patched as unknown as { _layoutEngine: { engine: { GSUBProcessor: object } } })._layoutEngine.engine;
      expect(Object.hasOwn(engine.GSUBProcessor, 'selectScript')).toBe(true);
    });
  }
});
