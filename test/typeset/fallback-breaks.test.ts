/**
 * Issue 10: `breakLines` never throws on a real paragraph. Each case below is a shape that made it
 * throw `breakLines: no breaks found` (exit 3) before the first-fit fallback, reduced from real
 * pages: a glyph wider than a narrow table column at the end of a paragraph, a line break next to a
 * "word" of soft hyphens only, an overfull piece before an explicit line break, a measure that is not
 * a number. Each must now be set, every character kept, in order.
 */
import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/write/pdf/typeset/break-lines.js';
import { firstFitBreaks } from '../../src/write/pdf/typeset/fallback-breaks.js';
import { box, forcedBreak, glue, penalty, FORCED_BREAK, type Item } from '../../src/write/pdf/typeset/items.js';
import { layoutLines } from '../../src/write/pdf/typeset/lines.js';
import { paragraphItems, type Run } from '../../src/write/pdf/typeset/paragraph.js';
import { setParagraph as setLayoutParagraph } from '../../src/write/pdf/layout/set-paragraph.js';
import { fontMeasurer } from '../../src/write/pdf/font-metrics.js';
import { styleKey } from '../../src/write/pdf/text-style.js';
import { fixedWidthMeasurer, normalize, recoverText } from './helpers.js';

const mono = fixedWidthMeasurer(1);

/** Breaks `runs` set in `width` (justified, then ragged as the writer does), as text per line. */
function set(runs: readonly Run[], width: number, measurer = mono): { lines: string[]; text: string } {
  const items = paragraphItems(runs, { lang: 'en', measurer, justify: false, maxWidth: width });
  const result = breakLines(items, width, { raggedStretch: width / 3 });
  const lines = layoutLines(items, result.breaks, { lineWidths: width, align: 'left' });
  return { lines: lines.map((l) => l.fragments.map((f) => f.text).join(' ')), text: recoverText(lines) };
}

/** Text of layout/set-paragraph.ts lines (the writer's path), and whether every position is a number. */
function setInLayout(runs: readonly Run[], width: number, align: 'justify' | 'left'): { text: string; finite: boolean } {
  const out = setLayoutParagraph(runs, { width, lang: 'en', measurer: fontMeasurer, align });
  const fragments = out.lines.flatMap((l) => l.fragments);
  return { text: fragments.map((f) => f.text).join(''), finite: fragments.every((f) => Number.isFinite(f.x) && Number.isFinite(f.width)) };
}

const visible = (s: string): string => s.replace(/[\s\u00AD\u200B]/g, '');

describe('issue 10: paragraphs total fit cannot set', () => {
  it('sets a paragraph that ends with a piece wider than the measure (one glyph in a narrow column)', () => {
    const items: Item[] = [box(10, 'W', '', 0, 1), glue(0, Infinity, 0), forcedBreak()];
    const result = breakLines(items, 5);
    expect(result.breaks).toEqual([2]);
    expect(result.feasible).toBe(false);
  });

  it('sets an overfull piece before an explicit line break and after it', () => {
    const items: Item[] = [box(10, 'W', '', 0, 1), glue(0, Infinity, 0), forcedBreak(), box(2, 'ab', '', 2, 4), glue(0, Infinity, 0), forcedBreak()];
    expect(breakLines(items, 5).breaks).toEqual([2, 5]);
  });

  it('sets a line break next to a word of soft hyphens only', () => {
    const { text, lines } = set([{ text: 'Before\n \u00AD\nafter the break', style: '' }], 12);
    expect(text).toBe(normalize('Before after the break'));
    // As a browser shows `Before<br>&shy;<br>after`: the invisible line stays an empty line.
    expect(lines).toEqual(['Before', '', 'after the', 'break']);
  });

  it('sets a paragraph that ends with a zero-width space after a glyph wider than the measure', () => {
    const { lines } = set([{ text: 'W\u200B', style: 'x@9' }], 5);
    expect(lines).toEqual(['W']);
  });

  it('sets every item stream when the measure is not a number', () => {
    const items = paragraphItems([{ text: 'three short words', style: '' }], { lang: 'en', measurer: mono, justify: true });
    const result = breakLines(items, Number.NaN);
    expect(result.breaks[result.breaks.length - 1]).toBe(items.length - 1);
  });

  it('sets real-shaped paragraphs in the writer’s fonts at any measure, down to narrower than a letter', () => {
    const bold = (size: number): string => styleKey({ face: 'bold', size });
    const regular = styleKey({ face: 'regular', size: 9 });
    const code = styleKey({ face: 'mono', size: 8 });
    const cases: Run[][] = [
      // One 300-character token (a hash, a minified line).
      [{ text: 'a1b2c3d4e5'.repeat(30), style: regular }],
      // Inline code without spaces, then a tracking URL.
      [{ text: 'Run ', style: regular }, { text: 'kubectl.get.pods.namespace=production.selector=app.kubernetes.io/name=checkout', style: code }, { text: ' from https://example.com/a/b?utm_source=x&utm_medium=y#frag.', style: regular }],
      // Large bold capitals in a cell narrower than one of them, with a trailing ZWSP.
      [{ text: 'WWW MMM\u200B', style: bold(40) }],
      // Soft hyphens, NBSP chains and zero-width spaces together.
      [{ text: 'in\u00ADter\u00ADna\u00ADtion\u00ADal\u00A0no\u00A0break\u00A0chain zero\u200Bwidth\u200B\u200Bspaces \u00AD\n\u00AD end', style: regular }],
    ];
    for (const runs of cases) {
      for (const width of [1, 6, 14, 30, 80]) {
        for (const align of ['justify', 'left'] as const) {
          const got = setInLayout(runs, width, align);
          expect(visible(got.text), `${JSON.stringify(runs[0]?.text.slice(0, 30))} at ${width} pt`).toBe(visible(runs.map((r) => r.text).join('')));
          expect(got.finite).toBe(true);
        }
      }
    }
  });
});

describe('first-fit fallback', () => {
  it('ends lines at the last break that fits and honours forced breaks', () => {
    const items: Item[] = [
      box(3, 'aaa', '', 0, 3), glue(1, 0, 0, ' '), box(3, 'bbb', '', 4, 7), glue(1, 0, 0, ' '), box(3, 'ccc', '', 8, 11),
      glue(0, Infinity, 0), penalty(0, FORCED_BREAK), box(2, 'dd', '', 12, 14), glue(0, Infinity, 0), forcedBreak(),
    ];
    expect(firstFitBreaks(items, () => 7)).toEqual([3, 6, 9]);
  });

  it('gives a piece wider than the measure a line of its own', () => {
    const items: Item[] = [box(2, 'ab', '', 0, 2), glue(1, 0, 0, ' '), box(9, 'wide', '', 3, 7), glue(1, 0, 0, ' '), box(2, 'cd', '', 8, 10), glue(0, Infinity, 0), forcedBreak()];
    expect(firstFitBreaks(items, () => 5)).toEqual([1, 3, 6]);
  });
});
