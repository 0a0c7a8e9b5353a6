/**
 * Counting the words of a subtree, so that what the reader leaves out of a page can be reported in
 * words ("left out 312 words of page furniture") and article candidates compared by their text.
 */
import type { Nodes } from 'hast';
import { DISCARDED_WITH_CONTENT } from './allowlist.js';

const HIDDEN = new Set(DISCARDED_WITH_CONTENT);

/** Scripts written without spaces between words: their words are found by Intl.Segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;
/** Made by the first unspaced token: the first Intl.Segmenter of a process costs ~20 ms (ICU's data). */
let segmenter: Intl.Segmenter | undefined;

/**
 * Words in `text`: whitespace-separated tokens holding a letter or digit (a lone dash or bullet is
 * no word); in scripts written without spaces, the words Intl.Segmenter finds.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) {
    if (!WORDLIKE.test(token)) continue;
    if (UNSPACED.test(token)) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const segment of segmenter.segment(token)) if (segment.isWordLike) n++;
    } else n++;
  }
  return n;
}

const cache = new WeakMap<object, number>();

/**
 * Words a reader would see in a subtree: text, without scripts, styles, templates and
 * `<noscript>` (which the sanitizer drops anyway) and without comments. Cached per node: the
 * article chooser asks about the same subtrees many times.
 */
export function subtreeWords(node: Nodes): number {
  const known = cache.get(node);
  if (known !== undefined) return known;
  let n = 0;
  if (node.type === 'text') n = countWords(node.value);
  else if (node.type === 'element' && HIDDEN.has(node.tagName)) n = 0;
  else if (node.type === 'element' || node.type === 'root') {
    // Words never run across an element boundary here: `<b>a</b>b` counts two. Good enough for a
    // report, and it keeps the count of a parent the sum of its children's.
    for (const child of node.children) n += subtreeWords(child);
  }
  cache.set(node, n);
  return n;
}

/** The text a reader would see in a subtree (no scripts, styles or comments), blocks joined by spaces. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && HIDDEN.has(node.tagName)) return '';
  if (node.type === 'element' || node.type === 'root') return node.children.map(visibleText).join(' ');
  return '';
}
