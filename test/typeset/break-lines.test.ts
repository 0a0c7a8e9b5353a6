import { describe, expect, it } from 'vitest';
import {
  adjustmentRatio,
  adjustmentRatios,
  badness,
  breakLines,
  fitnessClass,
  lineDemerits,
  totalDemerits,
} from '../../src/write/pdf/typeset/break-lines.js';
import {
  box,
  forcedBreak,
  glue,
  isLegalBreak,
  isForced,
  lineStartAfter,
  penalty,
  type Item,
} from '../../src/write/pdf/typeset/items.js';

/** The opening of "The Frog King", the running example of Knuth & Plass (1981). */
const FROG_KING =
  'In olden times when wishing still helped one, there lived a king whose daughters were all ' +
  'beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was ' +
  'astonished whenever it shone in her face. Close by the king’s castle lay a great dark forest, ' +
  'and under an old lime-tree in the forest was a well, and when the day was very warm, the ' +
  'king’s child went out into the forest and sat down by the side of the cool fountain; and when ' +
  'she was bored she took a golden ball, and threw it up on high and caught it; and this ball ' +
  'was her favorite plaything.';

/**
 * Monospace items, one unit per character: TeX-like interword glue (stretch 1/2, shrink 1/3),
 * or rigid spaces for ragged setting; hyphens in words are flagged breaks.
 */
function itemsOf(text: string, { rigid = false, stretch = 1 / 2 } = {}): Item[] {
  const items: Item[] = [];
  let offset = 0;
  text.split(' ').forEach((word, i) => {
    if (i > 0) items.push(rigid ? glue(1, 0, 0, ' ') : glue(1, stretch, 1 / 3, ' '));
    word.split(/(?<=-)/).forEach((part, j) => {
      if (j > 0) items.push(penalty(0, 50, true));
      items.push(box(part.length, part, 'mono', offset, offset + part.length));
      offset += part.length;
    });
    offset++;
  });
  items.push(glue(0, Infinity, 0), forcedBreak());
  return items;
}

function lineStrings(items: readonly Item[], breaks: readonly number[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const b of breaks) {
    let s = '';
    for (let k = start; k < b; k++) {
      const item = items[k]!;
      if (item.type === 'box') s += item.text;
      else if (item.type === 'glue' && item.text) s += ' ';
    }
    lines.push(s);
    start = lineStartAfter(items, b);
  }
  return lines;
}

/** First fit: as many items as can be shrunk into each line (what most word processors do). */
function firstFit(items: readonly Item[], width: number): number[] {
  const breaks: number[] = [];
  let start = 0;
  let candidate = -1;
  for (let b = 0; b < items.length; b++) {
    if (!isLegalBreak(items, b)) continue;
    const [r] = adjustmentRatios(items.slice(start, b + 1), [b - start], width);
    if (r! < -1 && candidate >= 0) {
      breaks.push(candidate);
      start = lineStartAfter(items, candidate);
      candidate = -1;
      b = start - 1;
      continue;
    }
    if (isForced(items[b]!)) {
      breaks.push(b);
      start = lineStartAfter(items, b);
      candidate = -1;
      continue;
    }
    candidate = b;
  }
  return breaks;
}

describe('small functions', () => {
  it('classifies fitness as Knuth & Plass do', () => {
    expect([-1, -0.6, -0.5, 0, 0.5, 0.7, 1, 1.1, Infinity].map(fitnessClass)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3]);
  });

  it('computes badness 100|r|³ and keeps infinite badness comparable', () => {
    expect(badness(0)).toBe(0);
    expect(badness(1)).toBe(100);
    expect(badness(-0.5)).toBeCloseTo(12.5);
    expect(Number.isFinite(badness(Infinity))).toBe(true);
  });

  it('computes adjustment ratios with fil glue, no stretch and overfull lines', () => {
    expect(adjustmentRatio(8, 4, 2, 0, 10)).toBe(0.5);
    expect(adjustmentRatio(12, 4, 2, 0, 10)).toBe(-1);
    expect(adjustmentRatio(8, 4, 2, 1, 10)).toBe(0);
    expect(adjustmentRatio(8, 0, 0, 0, 10)).toBe(Infinity);
    expect(adjustmentRatio(12, 4, 0, 0, 10)).toBe(-Infinity);
  });

  it('computes line demerits as (l + b)² ± p²', () => {
    const opts = { linePenalty: 10 };
    expect(lineDemerits(1, 0, opts)).toBe(110 ** 2);
    expect(lineDemerits(1, 50, opts)).toBe(110 ** 2 + 2500);
    expect(lineDemerits(1, -50, opts)).toBe(110 ** 2 - 2500);
    expect(lineDemerits(1, -10000, opts)).toBe(110 ** 2);
  });
});

describe('breakLines', () => {
  it('finds the minimum-raggedness solution that first fit misses ("aaa bb cc ddddd", width 6)', () => {
    // The textbook counter-example to greedy wrapping (e.g. Wikipedia, "Line wrap and word
    // wrap"): first fit gives "aaa bb / cc / ddddd", the optimum "aaa / bb cc / ddddd".
    const items = itemsOf('aaa bb cc ddddd', { rigid: true });
    const result = breakLines(items, 6, { raggedStretch: 3 });
    expect(lineStrings(items, result.breaks)).toEqual(['aaa', 'bb cc', 'ddddd']);
    expect(lineStrings(items, firstFit(items, 6))).toEqual(['aaa bb', 'cc', 'ddddd']);
    expect(result.demerits).toBeLessThan(totalDemerits(items, firstFit(items, 6), 6, { raggedStretch: 3 }));
  });

  it('sets the Frog King with no more demerits than first fit at every measure', () => {
    const items = itemsOf(FROG_KING);
    for (let width = 18; width <= 80; width++) {
      const best = breakLines(items, width, { tolerance: Infinity });
      const greedy = firstFit(items, width);
      expect(best.feasible).toBe(true);
      expect(best.demerits).toBeCloseTo(totalDemerits(items, best.breaks, width), 6);
      expect(best.demerits).toBeLessThanOrEqual(totalDemerits(items, greedy, width) + 1e-6);
    }
  });

  it('keeps every Frog King line within tolerance, where first fit does not', () => {
    let greedyWorse = 0;
    for (let width = 38; width <= 80; width++) {
      const items = itemsOf(FROG_KING);
      const result = breakLines(items, width, { tolerance: 1, retryTolerances: [1.5] });
      expect(result.feasible).toBe(true);
      const ratios = adjustmentRatios(items, result.breaks, width);
      ratios.slice(0, -1).forEach((r) => {
        expect(r).toBeGreaterThanOrEqual(-1);
        expect(r).toBeLessThanOrEqual(result.tolerance);
      });
      expect(ratios).toEqual(result.ratios.map((r) => expect.closeTo(r, 9)));
      const greedyRatios = adjustmentRatios(items, firstFit(items, width), width).slice(0, -1);
      if (Math.max(...greedyRatios) > Math.max(...ratios.slice(0, -1)) + 1e-9) greedyWorse++;
    }
    // Knuth & Plass's point: first fit leaves loose lines that total fit avoids.
    expect(greedyWorse).toBeGreaterThanOrEqual(15); // 19 of the 43 measures today
  });

  it('honours forced breaks', () => {
    const items = itemsOf('one two three four');
    items.splice(3, 1, glue(0, Infinity, 0), forcedBreak()); // "one two" ⏎ "three four"
    const result = breakLines(items, 100);
    expect(lineStrings(items, result.breaks)).toEqual(['one two', 'three four']);
  });

  it('applies looseness: one line more or fewer than the optimum when possible', () => {
    const items = itemsOf(FROG_KING);
    const base = breakLines(items, 65, { tolerance: 3 });
    const looser = breakLines(items, 65, { tolerance: 3, looseness: 1 });
    const tighter = breakLines(items, 65, { tolerance: 3, looseness: -1 });
    const impossible = breakLines(items, 60, { tolerance: 3, looseness: -1 });
    expect(impossible.breaks.length).toBe(breakLines(items, 60, { tolerance: 3 }).breaks.length);
    expect(looser.breaks.length).toBe(base.breaks.length + 1);
    expect(tighter.breaks.length).toBe(base.breaks.length - 1);
    expect(looser.demerits).toBeGreaterThan(base.demerits);
  });

  it('uses one width per line, the last repeating', () => {
    const items = itemsOf(FROG_KING);
    const widths = [40, 50, 60];
    const result = breakLines(items, widths, { tolerance: 2 });
    expect(result.feasible).toBe(true);
    adjustmentRatios(items, result.breaks, widths)
      .slice(0, -1)
      .forEach((r) => expect(r).toBeGreaterThanOrEqual(-1));
    const lines = lineStrings(items, result.breaks);
    expect(lines[0]!.length).toBeLessThanOrEqual(40 * (1 + 1 / 6));
    expect(lines[4]!.length).toBeGreaterThan(45);
  });

  it('avoids consecutive hyphenated lines when flagged demerits are high', () => {
    const items = itemsOf('one two long-word one long-word two long-word', { stretch: 5 });
    const consecutive = (breaks: readonly number[]) =>
      breaks.filter((b, i) => i > 0 && !isForced(items[b]!) && items[b]!.type === 'penalty' && items[breaks[i - 1]!]!.type === 'penalty').length;
    const plain = breakLines(items, 14, { tolerance: 10, flaggedDemerits: 0, finalHyphenDemerits: 0 });
    const careful = breakLines(items, 14, { tolerance: 10, flaggedDemerits: 1e7, finalHyphenDemerits: 0 });
    expect(lineStrings(items, plain.breaks)).toEqual(['one two long-', 'word one long-', 'word two long-', 'word']);
    expect(consecutive(plain.breaks)).toBe(2);
    expect(consecutive(careful.breaks)).toBe(0);
  });

  it('retries with a higher tolerance, then reports that it cannot set the paragraph well', () => {
    const items = itemsOf('a bb ccccccccc');
    const result = breakLines(items, 10, { tolerance: 1, retryTolerances: [2] });
    expect(result.feasible).toBe(false);
    expect(result.tolerance).toBe(Infinity);
    // Still a usable set of breaks with no overfull line.
    adjustmentRatios(items, result.breaks, 10).forEach((r) => expect(r).toBeGreaterThanOrEqual(-1));

    // The only way to set this needs r = 1: the first pass fails, the retry succeeds.
    const tight: Item[] = [
      box(4, 'aaaa', 's', 0, 4), glue(1, 2, 0, ' '), box(3, 'bbb', 's', 5, 8), glue(1, 2, 0, ' '),
      box(4, 'cccc', 's', 9, 13), glue(0, Infinity, 0), forcedBreak(),
    ];
    const retried = breakLines(tight, 10, { tolerance: 0.5, retryTolerances: [0.8, 1, 5] });
    expect(retried).toMatchObject({ feasible: true, tolerance: 1, breaks: [3, 6] });
  });

  it('survives a box wider than the line with an overfull line (last resort)', () => {
    const items: Item[] = [box(5, 'a', 's', 0, 1), glue(5, 10, 10), box(100, 'b', 's', 2, 3), glue(5, 10, 10), box(5, 'c', 's', 4, 5), glue(0, Infinity, 0), forcedBreak()];
    const result = breakLines(items, 50);
    expect(result.feasible).toBe(false);
    expect(result.breaks[result.breaks.length - 1]).toBe(items.length - 1);
    expect(Math.min(...result.ratios)).toBeLessThan(-1);
  });

  it('requires the paragraph ending', () => {
    expect(() => breakLines([box(1, 'a', 's', 0, 1)], 10)).toThrow(RangeError);
  });

  it('is linear: a 20,000-word paragraph breaks in well under a second', () => {
    const words = Array.from({ length: 20000 }, (_, i) => 'x'.repeat(1 + ((i * 7919) % 11))).join(' ');
    const items = itemsOf(words);
    const t0 = performance.now();
    const result = breakLines(items, 65);
    const ms = performance.now() - t0;
    expect(result.feasible).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});
