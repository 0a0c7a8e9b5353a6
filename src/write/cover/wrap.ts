/**
 * Line breaking for cover text: short display text, set ragged, where every line must fit and the
 * lines should look even. Pure: widths come from the caller's `measure`.
 */

/** Width of a string in the caller's unit. */
export type Measure = (text: string) => number;

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` (greedy, first fit). A word wider than
 * `maxWidth` gets a line of its own and overflows; callers shrink the type or call `splitWord`.
 */
export function wrapGreedy(text: string, maxWidth: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Like `wrapGreedy`, with the lines evened out: the narrowest measure that still gives the same
 * number of lines (what CSS calls `text-wrap: balance`). Why: a display title of "Harbour and the
 * / Sea" looks broken; "Harbour / and the Sea" looks set.
 */
export function wrapBalanced(text: string, maxWidth: number, measure: Measure): string[] {
  const greedy = wrapGreedy(text, maxWidth, measure);
  if (greedy.length < 2) return greedy;
  const longestWord = Math.max(...text.split(/\s+/).filter(Boolean).map(measure));
  let lo = Math.min(longestWord, maxWidth);
  let hi = maxWidth;
  let best = greedy;
  // Twenty halvings narrow the measure to well under a hundredth of a point.
  for (let i = 0; i < 20 && hi - lo > 0.01; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapGreedy(text, mid, measure);
    if (lines.length <= greedy.length && lines.every((l) => measure(l) <= mid + 1e-9)) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/**
 * Splits one word that is wider than `maxWidth` into pieces that fit, breaking between characters
 * (grapheme clusters, so accents stay on their letters). The last resort for a single huge word.
 */
export function splitWord(word: string, maxWidth: number, measure: Measure): string[] {
  const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)].map((s) => s.segment);
  const pieces: string[] = [];
  let piece = '';
  for (const c of clusters) {
    if (piece && measure(piece + c) > maxWidth) {
      pieces.push(piece);
      piece = c;
    } else {
      piece += c;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Keeps the first `maxLines` lines; when lines are dropped, the last kept line ends in an ellipsis
 * and still fits `maxWidth` (words are removed from its end until it does).
 */
export function truncateLines(lines: string[], maxLines: number, maxWidth: number, measure: Measure): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length === 0) return kept;
  let last = kept[kept.length - 1];
  while (measure(`${last}…`) > maxWidth && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  kept[kept.length - 1] = `${last.replace(/[\s,;:.–—-]+$/u, '')}…`;
  return kept;
}
