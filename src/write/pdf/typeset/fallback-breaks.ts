/**
 * The line breaker's last resort: greedy first-fit breaks, which exist for every item stream.
 *
 * Why a separate pass: total fit (break-lines.ts) can run out of active breakpoints on streams
 * that real pages produce — a piece wider than the measure at the end of a paragraph (a glyph
 * wider than a narrow table column), an empty line between two forced breaks (a line break next
 * to a "word" of nothing but soft hyphens), a measure that is not a number. No paragraph may stop
 * a build (issue 10), so when total fit finds nothing the paragraph is set by first fit: every
 * forced break is honoured, a line ends at the last legal break that fits, and a piece that fits
 * nowhere gets a line of its own (overfull, but every character is kept, in order).
 */
import { isForced, isLegalBreak, lineStartAfter, type Item } from './items.js';

/** The breaks (item indexes, the last being `items.length - 1`) chosen by first fit. */
export function firstFitBreaks(items: readonly Item[], widthOf: (line: number) => number): number[] {
  const n = items.length;
  const breaks: number[] = [];
  if (n === 0) return breaks;
  /** Ends a line at `at` and returns where the next line starts. */
  const breakAt = (at: number): number => {
    const next = lineStartAfter(items, at);
    // Only discardable glue between the break and a forced break: end the line at the forced
    // break instead, rather than leave an empty line behind it.
    const end = next < n && next > at && isForced(items[next]!) ? next : at;
    breaks.push(end);
    return end === at ? next : lineStartAfter(items, end);
  };
  let start = 0;
  let width = 0;
  let candidate = -1;
  let i = 0;
  while (i < n) {
    const item = items[i]!;
    if (isForced(item) || i === n - 1) {
      breaks.push(i);
      start = lineStartAfter(items, i);
      width = 0;
      candidate = -1;
      i = start;
      continue;
    }
    if (i > start && isLegalBreak(items, i)) {
      const end = width + (item.type === 'penalty' ? item.width : 0);
      if (end <= widthOf(breaks.length) + 1e-9) {
        candidate = i;
      } else {
        // Too wide: end the line at the last break that fitted, or here when none did (the
        // piece since the line start is wider than the measure on its own).
        start = breakAt(candidate >= 0 ? candidate : i);
        width = 0;
        candidate = -1;
        i = start;
        continue;
      }
    }
    if (item.type !== 'penalty') width += item.width;
    i++;
  }
  if (breaks[breaks.length - 1] !== n - 1) breaks.push(n - 1);
  return breaks;
}
