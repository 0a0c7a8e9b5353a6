/**
 * Line breaking for cover text: short display text, set ragged, where every line must fit and the
 * lines should look even. Pure: widths come from the caller's `measure`.
 */

import { scriptBreaks } from '../../text/script-breaks.js';

/** Width of a string in the caller's unit. */
export type Measure = (text: string) => number;

/** A piece of text no line may break inside, and whether a space separates it from the one before. */
export interface WrapUnit {
  text: string;
  space: boolean;
}

/**
 * The units lines are made of: words at spaces, and inside words of scripts written without spaces
 * (Chinese, Japanese, Thai) the pieces between their break opportunities (UAX #14 with kinsoku, so
 * a line never starts with 。 or 」).
 */
export function wrapUnits(text: string): WrapUnit[] {
  const out: WrapUnit[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let from = 0;
    for (const at of [...scriptBreaks(word), word.length]) {
      out.push({ text: word.slice(from, at), space: from === 0 && out.length > 0 });
      from = at;
    }
  }
  return out;
}

/**
 * Breaks `text` at spaces (and between CJK characters, see {@link wrapUnits}) into lines no wider than `maxWidth` (greedy, first fit). A word wider than
 * `maxWidth` gets a line of its own and overflows; callers shrink the type or call `splitWord`.
 */
export function wrapGreedy(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of wrapUnits(text)) {
    const candidate = line ? `${line}${unit.space ? ' ' : ''}${unit.text}` : unit.text;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = unit.text;
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
  const longestWord = Math.max(...wrapUnits(text).map((u) => measure(u.text)));
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

/** One segmenter for every word split: the wrap tries many widths, and each Intl.Segmenter costs. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Splits one word that is wider than `maxWidth` into pieces that fit, breaking between characters
 * (grapheme clusters, so accents stay on their letters). The last resort for a single huge word.
 */
export function splitWord(word: string, maxWidth: number, measure: Measure): string[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const clusters = [...graphemes.segment(word)].map((s) => s.segment);
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
  while (measure(`${last}…`) > maxWidth && last.length > 1) {
    // Whole words go first; text without spaces (CJK) loses characters.
    last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : [...last].slice(0, -1).join('');
  }
  kept[kept.length - 1] = `${last.replace(/[\s,;:.–—-]+$/u, '')}…`;
  return kept;
}
