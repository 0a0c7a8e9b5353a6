import { describe, expect, it } from 'vitest';
import { FORBIDDEN_BREAK, FORCED_BREAK, type Item } from '../../src/write/pdf/typeset/items.js';
import type { Measurer } from '../../src/write/pdf/typeset/measure.js';
import { DEFAULT_PENALTIES, paragraphItems, type Run } from '../../src/write/pdf/typeset/paragraph.js';
import { fixedWidthMeasurer } from './helpers.js';

const mono = fixedWidthMeasurer(1);

function items(runs: Run[] | string, options: Partial<Parameters<typeof paragraphItems>[1]> = {}): Item[] {
  const r = typeof runs === 'string' ? [{ text: runs, style: 's' }] : runs;
  return paragraphItems(r, { lang: 'en-US', measurer: mono, justify: true, ...options });
}

/** A compact picture of an item stream: words, '␣' spaces, '~' no-break spaces, '-' hyphen breaks, '|' other breaks. */
function picture(list: readonly Item[]): string {
  return list
    .map((item) => {
      if (item.type === 'box') return item.text === '' ? '∅' : `[${item.text}]`;
      if (item.type === 'glue') {
        if (item.stretch === Infinity) return '⇥';
        return item.text === ' ' ? '␣' : item.text === '\u00A0' ? '~' : '·';
      }
      if (item.penalty <= FORCED_BREAK) return '⏎';
      if (item.penalty >= FORBIDDEN_BREAK) return '';
      return item.width > 0 ? '-' : '|';
    })
    .join('');
}

describe('paragraphItems', () => {
  it('turns words into boxes and spaces into TeX-like glue, with the paragraph ending', () => {
    const list = items('one  two\tthree');
    expect(picture(list)).toBe('[one]␣[two]␣[three]⇥⏎');
    expect(list[1]).toEqual({ type: 'glue', width: 1, stretch: 1 / 2, shrink: 1 / 3, text: ' ' });
    expect(list.at(-2)).toEqual({ type: 'glue', width: 0, stretch: Infinity, shrink: 0, text: '' });
    expect(list.at(-1)).toMatchObject({ type: 'penalty', penalty: FORCED_BREAK });
  });

  it('uses rigid spaces for ragged setting', () => {
    expect(items('one two', { justify: false })[1]).toEqual({ type: 'glue', width: 1, stretch: 0, shrink: 0, text: ' ' });
  });

  it('drops leading and trailing whitespace; whitespace alone gives no items', () => {
    expect(picture(items('  one two \n '))).toBe('[one]␣[two]⇥⏎');
    expect(items('  \n \t')).toEqual([]);
    expect(items([])).toEqual([]);
  });

  it('makes a no-break space unbreakable glue', () => {
    const list = items('10\u00A0km away');
    expect(picture(list)).toBe('[10]~[km]␣[away]⇥⏎');
    expect(list[1]).toMatchObject({ type: 'penalty', penalty: FORBIDDEN_BREAK });
    expect(list[2]).toMatchObject({ type: 'glue', width: 1, stretch: 1 / 2, text: '\u00A0' });
  });

  it('makes explicit line breaks forced breaks, with empty lines for repeated ones', () => {
    expect(picture(items('one\ntwo'))).toBe('[one]⇥⏎[two]⇥⏎');
    expect(picture(items('one \r\n two'))).toBe('[one]⇥⏎[two]⇥⏎');
    expect(picture(items('one\n\ntwo'))).toBe('[one]⇥⏎∅⇥⏎[two]⇥⏎');
    expect(picture(items('\none\u2028two'))).toBe('∅⇥⏎[one]⇥⏎[two]⇥⏎');
  });

  it('splits words at hyphenation points with flagged penalties as wide as a hyphen', () => {
    const measurer: Measurer = { ...mono, hyphenWidth: () => 0.7 };
    const list = items('hyphenation', { measurer });
    expect(picture(list)).toBe('[hy]-[phen]-[ation]⇥⏎');
    expect(list[1]).toEqual({ type: 'penalty', width: 0.7, penalty: DEFAULT_PENALTIES.hyphen, flagged: true });
    expect(picture(items('hyphenation', { hyphenate: false }))).toBe('[hyphenation]⇥⏎');
    expect(picture(items('hyphenation', { lang: 'tlh' }))).toBe('[hyphenation]⇥⏎');
  });

  it('keeps the widths of a split word equal to the width of the whole word', () => {
    // Widths come from prefix differences, so kerning across a hyphenation point is kept.
    const kerning: Measurer = { width: (t) => t.length * 5 - (t.includes('ph') ? 1 : 0), spaceWidth: () => 2, hyphenWidth: () => 3 };
    const list = items('hyphenation', { measurer: kerning });
    const sum = list.filter((i) => i.type === 'box').reduce((s, b) => s + b.width, 0);
    expect(sum).toBe(kerning.width('hyphenation', 's'));
  });

  it('breaks after explicit hyphens and dashes without inserting a hyphen', () => {
    const list = items('well-known 1990–2000 yes—no');
    expect(picture(list)).toBe('[well-]|[known]␣[1990–]|[2000]␣[yes—]|[no]⇥⏎');
    expect(list[1]).toMatchObject({ width: 0, penalty: DEFAULT_PENALTIES.explicitHyphen, flagged: true });
  });

  it('breaks URLs after / . - _ ? & = and never hyphenates them', () => {
    const list = items('https://example.com/a_path?x=1&y=two');
    expect(picture(list)).toBe('[https://]|[example.]|[com/]|[a_]|[path?]|[x=]|[1&]|[y=]|[two]⇥⏎');
    expect(list[1]).toMatchObject({ width: 0, penalty: DEFAULT_PENALTIES.url, flagged: false });
  });

  it('honours soft hyphens and drops them from the text, keeping source offsets', () => {
    const source = 'Ur\u00ADlaub!';
    const list = items(source, { lang: 'de' });
    expect(picture(list)).toBe('[Ur]-[laub!]⇥⏎');
    const boxes = list.filter((i) => i.type === 'box');
    expect(boxes.map((b) => [b.offset, b.endOffset])).toEqual([[0, 2], [3, 8]]);
    expect(boxes.map((b) => b.text).join('')).not.toContain('\u00AD');
  });

  it('records offsets into the concatenated run text', () => {
    const runs: Run[] = [
      { text: 'Read ', style: 'regular' },
      { text: 'this link', style: 'regular', ref: 'link' },
      { text: ' now.', style: 'regular' },
    ];
    const list = items(runs);
    const source = runs.map((r) => r.text).join('');
    for (const b of list) {
      if (b.type === 'box') expect(source.slice(b.offset, b.endOffset)).toBe(b.text);
    }
    expect(list.filter((i) => i.type === 'box').map((b) => (b.type === 'box' ? b.ref : null))).toEqual([
      undefined, 'link', 'link', undefined,
    ]);
  });

  it('keeps a word whose style changes inside it together, hyphenating it as one word', () => {
    const runs: Run[] = [
      { text: 'hyphen', style: 'bold@2' },
      { text: 'ation and', style: 'regular' },
    ];
    const list = items(runs);
    // The point between "phen" and "ation" falls on the style change and is kept.
    expect(picture(list)).toBe('[hy]-[phen]-[ation]␣[and]⇥⏎');
    const [hy, , phen, , ation] = list;
    expect(hy).toMatchObject({ style: 'bold@2', width: 4, offset: 0, endOffset: 2 });
    expect(phen).toMatchObject({ style: 'bold@2', width: 8, offset: 2, endOffset: 6 });
    expect(ation).toMatchObject({ style: 'regular', width: 5, offset: 6, endOffset: 11 });
    expect(list[1]).toMatchObject({ width: 2 }); // the hyphens are in the bold style
    expect(list[3]).toMatchObject({ width: 2 });
  });

  it('treats a zero-width space as an invisible break opportunity', () => {
    expect(picture(items('foo\u200Bbar'))).toBe('[foo]·[bar]⇥⏎');
  });

  it('adds emergency breaks between characters only to what cannot fit the measure', () => {
    const word = 'x'.repeat(200);
    expect(picture(items(word, { maxWidth: 1000 }))).toBe(`[${word}]⇥⏎`);
    const list = items(`a ${word} b`, { maxWidth: 20 });
    const boxes = list.filter((i) => i.type === 'box');
    expect(boxes).toHaveLength(202);
    expect(list.filter((i) => i.type === 'penalty' && i.penalty === DEFAULT_PENALTIES.emergency)).toHaveLength(199);
    expect(boxes.every((b) => b.width <= 20)).toBe(true);
  });

  it('never splits a grapheme cluster in an emergency', () => {
    const word = 'e\u0301'.repeat(10) + '👩‍👩‍👧'.repeat(5);
    const list = items(word, { maxWidth: 3, hyphenate: false });
    const texts = list.filter((i) => i.type === 'box').map((b) => (b.type === 'box' ? b.text : ''));
    expect(texts).toEqual([...Array(10).fill('e\u0301'), ...Array(5).fill('👩‍👩‍👧')]);
  });

  it('opens unbreakable no-break-space chains in an emergency', () => {
    const list = items('a\u00A0b\u00A0c\u00A0d\u00A0e', { maxWidth: 4 });
    expect(list.some((i) => i.type === 'penalty' && i.penalty >= FORBIDDEN_BREAK)).toBe(false);
  });

  it('measures each word once per style (the shape cache)', () => {
    let calls = 0;
    const counting: Measurer = { ...fixedWidthMeasurer(1), width: (t, s) => (calls++, mono.width(t, s)) };
    items('the cat and the hat and the bat', { measurer: counting, hyphenate: false });
    expect(calls).toBe(5); // the, cat, and, hat, bat: repeats are not measured again
    const before = calls;
    items('the cat and the hat and the bat', { measurer: counting, hyphenate: false });
    expect(calls).toBe(before);
  });
});

describe('a zero-width space next to a space', () => {
  it('keeps the space (regression: "don’t\u200B façade" lost its space)', () => {
    const measurer = { width: (t: string) => t.length * 5, spaceWidth: () => 3, hyphenWidth: () => 3 };
    const items = paragraphItems([{ text: 'don’t\u200B', style: 's' }, { text: ' façade', style: 's' }], { lang: 'en', measurer, justify: true });
    const glues = items.filter((i) => i.type === 'glue' && i.width > 0);
    expect(glues.map((g) => (g as { text: string }).text)).toContain(' ');
  });
});
