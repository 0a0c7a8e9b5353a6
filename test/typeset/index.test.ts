import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setParagraph, type Align, type Line, type Measurer, type Run } from '../../src/write/pdf/typeset/index.js';
import { fixedWidthMeasurer, lineTexts, normalize, proportionalMeasurer, recoverText, rightEdge } from './helpers.js';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäöüßéèñçøåABCXYZабвгдежзийклмнопрстуфхцчшщыэюяαβγδεζηθικλμνξοπρστυφχψω'];
const MARKS = ['\u0301', '\u0308', '\u0327', '\u0323'];
const EMOJI = ['😀', '👍🏽', '👩‍👩‍👧', '🇫🇷', '❤️', '🧑🏿‍🚀'];
const PUNCT = ['0', '7', '.', ',', '-', '—', '/', '’', '«', '»', '(', ')', '?', '&', '='];

const letter = fc.constantFrom(...LETTERS);
const grapheme = fc.oneof(
  { weight: 12, arbitrary: letter },
  { weight: 1, arbitrary: fc.tuple(letter, fc.constantFrom(...MARKS)).map(([l, m]) => l + m) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
);
const graphemes = (min: number, max: number) => fc.array(grapheme, { minLength: min, maxLength: max });
const wordish = fc.oneof(
  { weight: 10, arbitrary: graphemes(1, 14) },
  { weight: 1, arbitrary: fc.array(letter, { minLength: 40, maxLength: 220 }) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => [...u]) },
  {
    weight: 1,
    arbitrary: fc.tuple(graphemes(1, 8), graphemes(1, 8)).map(([a, b]) => [...a, '\u00AD', ...b]),
  },
);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00A0', '\n', '\u200B', ' \n ', '\t', '\n\n');
const style = fc.constantFrom('a', 'b@2');

/** Runs: words with separators, styles changing between and (at cluster boundaries) inside words. */
const runsArb = fc
  .array(fc.tuple(wordish, fc.nat(30), style, style, separator), { minLength: 1, maxLength: 30 })
  .map((parts) => {
    const runs: Run[] = [];
    for (const [clusters, cut, s1, s2, sep] of parts) {
      const at = cut % (clusters.length + 1);
      const head = clusters.slice(0, at).join('');
      const tail = clusters.slice(at).join('') + sep;
      if (head) runs.push({ text: head, style: s1 });
      runs.push({ text: tail, style: s2, ...(s2 === 'b@2' ? { ref: { link: true } } : {}) });
    }
    return runs;
  });

const setup = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), width: fc.integer({ min: 5, max: 60 }) }),
  fc.record({ kind: fc.constant('proportional' as const), width: fc.integer({ min: 40, max: 240 }) }),
);

function measurerFor(kind: 'fixed' | 'proportional'): Measurer {
  return kind === 'fixed' ? fixedWidthMeasurer(1) : proportionalMeasurer();
}

function checkLines(lines: readonly Line[], width: number, indents: [number, number]): void {
  lines.forEach((line, i) => {
    const indent = i === 0 ? indents[0] : indents[1];
    expect(rightEdge(line)).toBeLessThanOrEqual(width + 1e-6);
    for (const f of line.fragments) expect(f.x).toBeGreaterThanOrEqual(indent - 1e-6);
  });
}

describe('setParagraph', () => {
  it('never sets a line wider than the measure, and loses no text (property)', () => {
    fc.assert(
      fc.property(
        runsArb,
        setup,
        fc.constantFrom<Align>('justify', 'justify', 'left', 'center', 'right'),
        fc.constantFrom('en-US', 'de', 'ru', 'el', 'tlh'),
        fc.nat(3),
        fc.nat(3),
        (runs, { kind, width }, align, lang, first, hang) => {
          const measurer = measurerFor(kind);
          const firstLineIndent = first === 0 ? 0 : Math.floor(width / (first + 4));
          const hangingIndent = hang === 0 ? 0 : Math.floor(width / (hang + 4));
          const { lines, ragged } = setParagraph(runs, { width, lang, measurer, align, firstLineIndent, hangingIndent });
          checkLines(lines, width, [firstLineIndent, hangingIndent]);
          expect(recoverText(lines)).toBe(normalize(runs.map((r) => r.text).join('')));
          if (align === 'justify' && !ragged) {
            for (const line of lines) {
              if (line.ending === 'paragraph' || line.ending === 'forced') continue;
              expect(line.justified).toBe(true);
              expect(Math.abs(rightEdge(line) - width)).toBeLessThan(0.01);
            }
          }
          for (const f of lines.flatMap((l) => l.fragments)) expect(f.text).not.toMatch(/[\u00AD\u200B]/);
        },
      ),
      { numRuns: Number(process.env.TYPESET_RUNS ?? 300) },
    );
  });

  it('breaks a 200-character word and a long URL at any narrow measure', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(5).slice(0, 200);
    const url = 'https://www.example.com/articles/2024/typesetting/knuth-plass_line-breaking?lang=en&format=pdf#top';
    const text = `Look: ${word} and ${url} end.`;
    for (let width = 5; width <= 40; width++) {
      for (const align of ['justify', 'left'] as const) {
        const { lines } = setParagraph([{ text, style: 'a' }], { width, lang: 'en-US', measurer: fixedWidthMeasurer(1), align });
        checkLines(lines, width, [0, 0]);
        expect(recoverText(lines)).toBe(text);
      }
    }
  });

  it('breaks URLs at their punctuation when that suffices', () => {
    const url = 'https://example.com/articles/typesetting';
    const { lines } = setParagraph([{ text: `See ${url}`, style: 'a' }], { width: 24, lang: 'en', measurer: fixedWidthMeasurer(1), align: 'left' });
    expect(lineTexts(lines)).toEqual(['See https://example.com/', 'articles/typesetting']);
    expect(lines[0]!.ending).toBe('word');
  });

  it('justifies text that can be justified', () => {
    const text =
      'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; ' +
      'and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face.';
    const { lines, ragged } = setParagraph([{ text, style: 'a' }], { width: 45, lang: 'en-US', measurer: fixedWidthMeasurer(1), align: 'justify' });
    expect(ragged).toBe(false);
    lines.slice(0, -1).forEach((l) => expect(rightEdge(l)).toBeCloseTo(45, 6));
  });

  it('falls back to ragged-right when a paragraph cannot be justified well', () => {
    const text = 'I am extraordinarily uncharacteristically incomprehensible';
    const { lines, ragged } = setParagraph([{ text, style: 'a' }], {
      width: 26, lang: 'tlh', measurer: fixedWidthMeasurer(1), align: 'justify',
    });
    expect(ragged).toBe(true);
    lines.forEach((l) => {
      expect(l.justified).toBe(false);
      expect(l.ratio).toBe(0);
      expect(l.fragments[0]!.x).toBe(0);
    });
    expect(recoverText(lines)).toBe(text);
  });

  it('indents the first line, or all lines but the first', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const m = fixedWidthMeasurer(1);
    const indented = setParagraph([{ text, style: 'a' }], { width: 20, lang: 'en', measurer: m, align: 'left', firstLineIndent: 3 });
    expect(indented.lines[0]!.fragments[0]!.x).toBe(3);
    expect(indented.lines[1]!.fragments[0]!.x).toBe(0);
    const hanging = setParagraph([{ text, style: 'a' }], { width: 20, lang: 'en', measurer: m, align: 'left', hangingIndent: 4 });
    expect(hanging.lines[0]!.fragments[0]!.x).toBe(0);
    hanging.lines.slice(1).forEach((l) => expect(l.fragments[0]!.x).toBe(4));
    checkLines(hanging.lines, 20, [0, 4]);
  });

  it('sets nothing for empty input and rejects impossible measures', () => {
    const m = fixedWidthMeasurer(1);
    expect(setParagraph([], { width: 10, lang: 'en', measurer: m, align: 'justify' })).toEqual({ lines: [], ragged: false });
    expect(setParagraph([{ text: ' \n ', style: 'a' }], { width: 10, lang: 'en', measurer: m, align: 'left' }).lines).toEqual([]);
    expect(() => setParagraph([{ text: 'x', style: 'a' }], { width: 0, lang: 'en', measurer: m, align: 'left' })).toThrow(RangeError);
    expect(() => setParagraph([{ text: 'x', style: 'a' }], { width: 10, lang: 'en', measurer: m, align: 'left', firstLineIndent: 10 })).toThrow(RangeError);
  });
});
