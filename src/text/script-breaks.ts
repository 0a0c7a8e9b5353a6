/**
 * Line-break opportunities inside a run of text without spaces: between the characters of Chinese,
 * Japanese and Korean by UAX #14 (the `linebreak` package), which also keeps the kinsoku rules — no
 * line starts with 。、」）ー or a small kana, none ends with 「（ — and between the words of Thai,
 * Lao, Khmer and Myanmar, which UAX #14 leaves to a dictionary (ICU's, through Intl.Segmenter).
 *
 * @see https://unicode.org/reports/tr14/
 */
import { createRequire } from 'node:module';

/**
 * linebreak's CommonJS build, the one pdfkit's (document.ts) requires: its ES module build would be
 * a second copy, whose Unicode table is inflated at start-up again.
 */
const LineBreaker = createRequire(import.meta.url)('linebreak') as typeof import('linebreak').default;

/**
 * Characters of scripts written without spaces between words (Han, kana, Thai…, fullwidth forms).
 * Hangul is not among them: Korean is written with spaces and, as Korean books do (CSS
 * `word-break: keep-all`), breaks only there.
 */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
/** Scripts whose words UAX #14 cannot find (class SA): Thai, Lao, Myanmar, Khmer. */
const DICTIONARY = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;

/** Whether a word may hold break opportunities of its own (the fast test for everything else). */
export function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

let words: Intl.Segmenter | undefined;

/**
 * Indexes inside `word` (never 0 or `word.length`) where a line may break without a hyphen. The
 * caller passes a word that has no spaces; breaks next to letters of spaced scripts come from
 * UAX #14 too (`中文English` breaks before `E`).
 */
export function scriptBreaks(word: string): number[] {
  if (!UNSPACED.test(word)) return [];
  const out = new Set<number>();
  const breaker = new LineBreaker(word);
  for (let b = breaker.nextBreak(); b !== null; b = breaker.nextBreak()) {
    if (b.position > 0 && b.position < word.length) out.add(b.position);
  }
  if (DICTIONARY.test(word)) {
    words ??= new Intl.Segmenter('th', { granularity: 'word' });
    for (const s of words.segment(word)) if (s.index > 0) out.add(s.index);
  }
  return [...out].sort((a, b) => a - b);
}
