import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/write/pdf/typeset/break-lines.js';
import { box, forcedBreak, glue, penalty, type Item } from '../../src/write/pdf/typeset/items.js';
import { layoutLines, type Line } from '../../src/write/pdf/typeset/lines.js';
import { paragraphItems, type Run } from '../../src/write/pdf/typeset/paragraph.js';
import { fixedWidthMeasurer, lineTexts, normalize, proportionalMeasurer, recoverText, rightEdge } from './helpers.js';

const TEXT =
  'In olden times when wishing still helped one, there lived a king whose daughters were all ' +
  'beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was ' +
  'astonished whenever it shone in her face.';

function set(runs: Run[] | string, width: number, align: 'justify' | 'left' | 'center' | 'right' = 'justify', lang = 'en-US'): Line[] {
  const r = typeof runs === 'string' ? [{ text: runs, style: 's' }] : runs;
  const measurer = proportionalMeasurer();
  const items = paragraphItems(r, { lang, measurer, justify: align === 'justify', maxWidth: width });
  const result = breakLines(items, width, { tolerance: 3, raggedStretch: align === 'justify' ? 0 : 15 });
  return layoutLines(items, result.breaks, { lineWidths: width, align });
}

describe('layoutLines', () => {
  it('fills justified lines exactly, except the last', () => {
    const lines = set(TEXT, 160);
    expect(lines.length).toBeGreaterThan(5);
    lines.slice(0, -1).forEach((line) => {
      expect(line.justified).toBe(true);
      expect(rightEdge(line)).toBeCloseTo(160, 2);
      expect(line.contentWidth).toBeCloseTo(160, 2);
    });
    const last = lines.at(-1)!;
    expect(last.justified).toBe(false);
    expect(last.ending).toBe('paragraph');
    expect(last.ratio).toBe(0);
    expect(rightEdge(last)).toBeLessThan(160);
  });

  it('sets ragged lines at natural width, aligned left, centred or right', () => {
    for (const align of ['left', 'center', 'right'] as const) {
      const lines = set(TEXT, 160, align);
      for (const line of lines) {
        const left = line.fragments[0]!.x;
        const right = rightEdge(line);
        expect(line.ratio).toBe(0);
        expect(right).toBeLessThanOrEqual(160 + 1e-9);
        if (align === 'left') expect(left).toBe(0);
        if (align === 'right') expect(right).toBeCloseTo(160, 9);
        if (align === 'center') expect(left).toBeCloseTo(160 - right, 9);
      }
    }
  });

  it('places natural-width spaces in ragged lines', () => {
    const measurer = fixedWidthMeasurer(1);
    const items = paragraphItems([{ text: 'ab cd ef', style: 's' }], { lang: 'en', measurer, justify: false });
    const [line] = layoutLines(items, [items.length - 1], { lineWidths: 20, align: 'left' });
    expect(line!.fragments.map((f) => [f.text, f.x, f.width])).toEqual([['ab', 0, 2], ['cd', 3, 2], ['ef', 6, 2]]);
  });

  it('records the spaces, so that the text can be recovered', () => {
    const lines = set(TEXT, 120);
    expect(recoverText(lines)).toBe(TEXT);
    const all = lines.flatMap((l) => l.fragments);
    expect(all.filter((f) => f.spaceAfter)).toHaveLength(TEXT.split(' ').length - 1);
  });

  it('marks hyphenated line ends and gives both halves the whole word', () => {
    const lines = set('Typesetting hyphenation demonstrates hyphenation.', 60);
    const hyphenated = lines.filter((l) => l.hyphenated);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const line of hyphenated) {
      const before = line.fragments.at(-1)!;
      const next = lines[lines.indexOf(line) + 1]!.fragments[0]!;
      expect(line.ending).toBe('hyphen');
      expect(before.hyphen).toBe(true);
      expect(before.text.endsWith('-')).toBe(true);
      expect(before.wholeWord).toBeDefined();
      expect(next.wholeWord).toBe(before.wholeWord);
      expect(before.wholeWord!.startsWith(before.text.slice(0, -1))).toBe(true);
      expect(before.wholeWord!.endsWith(next.text.replace(/-$/, ''))).toBe(true);
    }
    expect(recoverText(lines)).toBe('Typesetting hyphenation demonstrates hyphenation.');
  });

  it('gives a URL split without a hyphen its whole text too', () => {
    const url = 'https://example.com/some/long/path';
    const lines = set(`See ${url} now`, 70);
    const split = lines.filter((l) => l.ending === 'word');
    expect(split.length).toBeGreaterThan(0);
    expect(split[0]!.fragments.at(-1)!.wholeWord).toBe(url);
    expect(split[0]!.fragments.at(-1)!.hyphen).toBe(false);
    expect(recoverText(lines)).toBe(`See ${url} now`);
  });

  it('merges adjacent pieces of one style and ref into one fragment', () => {
    const runs: Run[] = [
      { text: 'a ', style: 's' },
      { text: 'linked text', style: 's', ref: 'L' },
      { text: 's and more', style: 's' },
    ];
    const measurer = fixedWidthMeasurer(1);
    const items = paragraphItems(runs, { lang: 'en', measurer, justify: false });
    const [line] = layoutLines(items, [items.length - 1], { lineWidths: 100, align: 'left' });
    expect(line!.fragments.map((f) => [f.text, f.ref, f.spaceAfter])).toEqual([
      ['a', undefined, true],
      ['linked', 'L', true],
      ['text', 'L', false],
      ['s', undefined, true],
      ['and', undefined, true],
      ['more', undefined, false],
    ]);
  });

  it('records source offsets for every fragment and line', () => {
    const runs: Run[] = [
      { text: 'Soft\u00ADhyphen  and ', style: 's' },
      { text: 'styled\nbreak', style: 'i' },
    ];
    const source = runs.map((r) => r.text).join('');
    const measurer = fixedWidthMeasurer(1);
    const items = paragraphItems(runs, { lang: 'en', measurer, justify: true });
    const lines = layoutLines(items, breakLines(items, 12).breaks, { lineWidths: 12, align: 'justify' });
    for (const line of lines) {
      for (const f of line.fragments) {
        const text = f.hyphen ? f.text.slice(0, -1) : f.text;
        expect(source.slice(f.offset, f.endOffset).replace(/\u00AD/g, '')).toBe(text);
      }
      expect(line.offset).toBeLessThanOrEqual(line.endOffset);
    }
    expect(lines.map((l) => l.ending)).toContain('forced');
    expect(lines[0]!.offset).toBe(0);
    expect(lines.at(-1)!.endOffset).toBe(source.length);
  });

  it('uses per-line widths and indents', () => {
    const measurer = fixedWidthMeasurer(1);
    const items = paragraphItems([{ text: TEXT, style: 's' }], { lang: 'en', measurer, justify: true });
    const widths = [30, 36];
    const result = breakLines(items, widths, { tolerance: 3 });
    const lines = layoutLines(items, result.breaks, { lineWidths: widths, indents: [6, 0], align: 'justify' });
    expect(lines[0]!.fragments[0]!.x).toBe(6);
    expect(rightEdge(lines[0]!)).toBeCloseTo(36, 6);
    lines.slice(1, -1).forEach((l) => {
      expect(l.fragments[0]!.x).toBe(0);
      expect(rightEdge(l)).toBeCloseTo(36, 6);
    });
  });

  it('keeps an empty line for repeated line breaks', () => {
    const measurer = fixedWidthMeasurer(1);
    const items = paragraphItems([{ text: 'one\n\ntwo', style: 's' }], { lang: 'en', measurer, justify: true });
    const lines = layoutLines(items, breakLines(items, 20).breaks, { lineWidths: 20, align: 'justify' });
    expect(lineTexts(lines)).toEqual(['one', '', 'two']);
    expect(lines.map((l) => l.ending)).toEqual(['forced', 'forced', 'paragraph']);
  });

  it('shrinks a last line that would otherwise overflow', () => {
    // Hand-made: the last line only fits when its space shrinks.
    const items: Item[] = [
      box(5, 'aaaaa', 's', 0, 5), glue(2, 1, 1, ' '), box(4, 'bbbb', 's', 6, 10),
      glue(0, Infinity, 0), forcedBreak(),
    ];
    const [line] = layoutLines(items, [4], { lineWidths: 10, align: 'justify' });
    expect(line!.ratio).toBe(-1);
    expect(rightEdge(line!)).toBe(10);
  });

  it('keeps the text recoverable through penalties that were not taken', () => {
    const items: Item[] = [
      box(2, 'hy', 's', 0, 2), penalty(1, 50, true), box(4, 'phen', 's', 2, 6), glue(0, Infinity, 0), forcedBreak(),
    ];
    const lines = layoutLines(items, [4], { lineWidths: 10, align: 'left' });
    expect(lines[0]!.fragments).toHaveLength(1);
    expect(normalize(recoverText(lines))).toBe('hyphen');
  });
});
