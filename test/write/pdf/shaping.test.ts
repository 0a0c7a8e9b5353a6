import { describe, expect, it } from 'vitest';
import { prefixWidths, textWidth } from '../../../src/write/pdf/font-metrics.js';
import { shape } from '../../../src/fonts/shape.js';
import type { Face } from '../../../src/write/pdf/text-style.js';

const text = (codePoints: readonly number[]): string => String.fromCodePoint(...codePoints);

describe('shaping with HarfBuzz', () => {
  it('gives a ligature the text of all its letters, and kerns', () => {
    const office = shape('serif-regular', 'office');
    expect(office.glyphs.map((g) => text(g.codePoints))).toEqual(['o', 'ffi', 'c', 'e']);
    const av = shape('serif-regular', 'AV');
    // A kerning pair: the A advances less than its own width.
    expect(av.glyphs[0]!.xAdvance).toBeLessThan(av.glyphs[0]!.advanceWidth);
  });

  it('gives every character of a run to exactly one glyph, in every script', () => {
    const runs: [Parameters<typeof shape>[0], string][] = [
      ['serif-regular', 'Ä e\u0301x ﬁnal'],
      ['arabic-regular', 'مرحبا بالعالم لا'],
      ['devanagari-regular', 'किताब क्षत्रिय'],
      ['hebrew-regular', 'שָׁלוֹם'],
      ['thai-regular', 'ภาษาไทย'],
    ];
    for (const [font, t] of runs) {
      const run = shape(font, t);
      const given = run.glyphs.flatMap((g) => g.codePoints).sort((a, b) => a - b);
      // HarfBuzz composes e + U+0301 into é where the font has it: the glyph then stands for both.
      const chars = Array.from(t, (c) => c.codePointAt(0)!).sort((a, b) => a - b);
      expect(given, `${font}: ${t}`).toEqual(chars);
    }
  });

  it('draws nothing for a Persian ZWNJ and gives no glyph its text', () => {
    const run = shape('arabic-regular', 'می\u200Cخواهم');
    expect(run.direction).toBe('rtl');
    expect(run.glyphs.some((g) => g.codePoints.includes(0x200c))).toBe(false);
    expect(run.glyphs.every((g) => g.id !== 0)).toBe(true);
  });
});

describe('prefixWidths', () => {
  it('gives what measuring each prefix alone gives, whether or not the cut is safe', () => {
    const words = ['AVATAR', 'Tyrannosaurus', 'officeholder', 'affluent', 'Wolkenkratzer', 'paraphernalia', 'T\u00E9l\u00E9vision', 'Voyager', 'flyfishing'];
    const faces: Face[] = ['regular', 'italic', 'bold', 'mono'];
    let safe = 0;
    let cuts = 0;
    for (const face of faces) {
      for (const word of words) {
        const ends = Array.from({ length: word.length }, (_, i) => i + 1);
        const widths = prefixWidths(word, face, 10.5, ends);
        ends.forEach((end, i) => expect(widths[i], `${face} ${word.slice(0, end)}`).toBe(textWidth(word.slice(0, end), face, 10.5)));
        const run = shape(face === 'mono' ? 'mono-regular' : `serif-${face}` as 'serif-regular', word);
        cuts += run.glyphs.length;
        safe += run.glyphs.filter((g) => !g.unsafeToBreak).length;
      }
    }
    // Most cuts are safe (that is the point), and some are not (kerning pairs, ligatures).
    expect(safe).toBeGreaterThan(cuts / 2);
    expect(safe).toBeLessThan(cuts);
  });
});
