import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoizeMeasurer, type Measurer } from '../../src/write/pdf/typeset/measure.js';
import { setParagraph } from '../../src/write/pdf/typeset/index.js';
import { HYPHEN } from '../../src/write/pdf/typeset/items.js';
import { recoverText, rightEdge } from './helpers.js';

/** The part of fontkit used here (the package ships no types; `openSync` gives a Font for a .ttf). */
interface FontLike {
  readonly unitsPerEm: number;
  layout(text: string): { readonly advanceWidth: number };
}
const fontkit = (await import('fontkit' as string)) as { openSync(path: string): FontLike };

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

function fontFiles(): string[] {
  try {
    return readdirSync(FONT_DIR).filter((f) => /\.(?:ttf|otf)$/i.test(f));
  } catch {
    return [];
  }
}

describe('memoizeMeasurer', () => {
  it('asks the inner measurer once per (text, style)', () => {
    const calls: string[] = [];
    const inner: Measurer = {
      width: (t, s) => (calls.push(`${s}:${t}`), t.length),
      spaceWidth: (s) => (calls.push(`space:${s}`), 1),
      hyphenWidth: (s) => (calls.push(`hyphen:${s}`), 1),
    };
    const m = memoizeMeasurer(inner);
    for (let i = 0; i < 3; i++) {
      m.width('word', 'a');
      m.width('word', 'b');
      m.spaceWidth('a');
      m.hyphenWidth('a');
    }
    expect(calls).toEqual(['a:word', 'b:word', 'space:a', 'hyphen:a']);
  });

  it('stays bounded', () => {
    let n = 0;
    const m = memoizeMeasurer({ width: () => ++n, spaceWidth: () => 1, hyphenWidth: () => 1 }, 2);
    m.width('a', 's');
    m.width('b', 's');
    m.width('c', 's'); // clears
    expect(m.width('a', 's')).toBe(4);
  });
});

const fonts = fontFiles();

describe.skipIf(fonts.length === 0)('with a real font (fontkit, assets/fonts)', () => {
  /** Measures with fontkit: advance widths with kerning and ligatures, in points. */
  function fontkitMeasurer(): Measurer {
    const file = fonts.find((f) => /serif-regular/i.test(f)) ?? fonts[0]!;
    const font = fontkit.openSync(FONT_DIR + file);
    const size = (style: string): number => Number(style.split('-').pop());
    const width = (text: string, style: string): number => (font.layout(text).advanceWidth * size(style)) / font.unitsPerEm;
    return memoizeMeasurer({ width, spaceWidth: (s) => width(' ', s), hyphenWidth: (s) => width(HYPHEN, s) });
  }

  const TEXT =
    'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; ' +
    'and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever ' +
    'it shone in her face. AVAILABLE kerning, office affinity, and a link to https://example.com/stories/frog-king?lang=en.';

  it('sets a paragraph with real widths: nothing overflows, justified lines fill the measure', () => {
    const measurer = fontkitMeasurer();
    for (const width of [120, 200, 300]) {
      const { lines, ragged } = setParagraph([{ text: TEXT, style: 'serif-regular-10.5' }], {
        width, lang: 'en-US', measurer, align: 'justify', firstLineIndent: 10.5,
      });
      expect(recoverText(lines)).toBe(TEXT);
      for (const line of lines) {
        expect(rightEdge(line)).toBeLessThanOrEqual(width + 1e-6);
        if (!ragged && line.ending !== 'paragraph') expect(Math.abs(rightEdge(line) - width)).toBeLessThan(0.01);
        for (const f of line.fragments) {
          // Fragment widths are prefix differences: within a kern of the real width.
          expect(Math.abs(measurer.width(f.text, f.style) - f.width)).toBeLessThan(0.3);
        }
      }
    }
  });

  it('sets German, Russian and Greek with their hyphenation', () => {
    const measurer = fontkitMeasurer();
    const samples: [string, string][] = [
      ['de', 'Die Donaudampfschifffahrtsgesellschaft beschäftigte Kapitäne, deren Silbentrennung legendär war.'],
      ['ru', 'Электричество и гипотезы о переносах слов в типографике обсуждались очень долго.'],
      ['el', 'Ο υπολογιστής στην Ελλάδα καλημέρα σας, είπε ο τυπογράφος με μεγάλη ευγένεια.'],
    ];
    for (const [lang, text] of samples) {
      const { lines } = setParagraph([{ text, style: 'serif-regular-10' }], { width: 110, lang, measurer, align: 'justify' });
      expect(recoverText(lines)).toBe(text);
      lines.forEach((l) => expect(rightEdge(l)).toBeLessThanOrEqual(110 + 1e-6));
    }
  });
});
