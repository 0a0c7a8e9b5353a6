/**
 * Word lists for text-fidelity tests: "does the PDF/EPUB text contain the source's words, in order?"
 */

export interface WordsOptions {
  /**
   * Fold typographic variants that typesetting may introduce: ’ ʼ ‘ → ' and ‐ ‑ → - (default true).
   * Quotes and dashes around words are stripped either way.
   */
  fold?: boolean;
  /** Lower-case every word (default false). */
  lower?: boolean;
}

/** Invisible characters that must never split or change a word: soft hyphen, zero-width (non-)joiner/space, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
/**
 * Directional formatting characters (LRE…RLO, LRI…PDI): pdftotext wraps each right-to-left run in
 * RLE…PDF. They are direction marks, not letters, and stand where a run of one direction meets
 * another: read as a word boundary.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Punctuation or symbols at either end of a token. */
const EDGE = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * Normalizes text into words: NFC, invisible characters removed, split on any Unicode whitespace
 * (including no-break and thin spaces), leading/trailing punctuation and symbols stripped, inner
 * apostrophes and hyphens kept (`don't`, `Israel–Syria`, `e-reader`). Tokens that were only
 * punctuation (`—`, `•`) disappear.
 */
export function words(text: string, options: WordsOptions = {}): string[] {
  const fold = options.fold ?? true;
  let t = text.normalize('NFC').replace(INVISIBLE, '').replace(BIDI_CONTROLS, ' ');
  if (fold) t = t.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u2010\u2011]/g, '-');
  const out: string[] = [];
  for (const token of t.split(/\s+/u)) {
    let w = token.replace(EDGE, '');
    if (!w) continue;
    if (options.lower) w = w.toLowerCase();
    out.push(w);
  }
  return out;
}

export interface MissingWord {
  /** Index of the word in the needle list. */
  index: number;
  word: string;
  /** The needle words matched just before it (up to 8), to find the spot. */
  after: string[];
}

const asWords = (x: string | readonly string[]): readonly string[] => (typeof x === 'string' ? words(x) : x);

/**
 * The first needle word that cannot be found in the haystack in order (as a subsequence: other words
 * such as running heads or folios may come in between), or `undefined` when all are found. Strings are
 * passed through {@link words} first.
 */
export function missingInOrder(
  haystack: string | readonly string[],
  needle: string | readonly string[],
  options: { joinBroken?: boolean } = {},
): MissingWord | undefined {
  const hay = asWords(haystack);
  const need = asWords(needle);
  let at = 0;
  for (let i = 0; i < need.length; i++) {
    const w = need[i] as string;
    let span = 0;
    while (at < hay.length && (span = matchAt(hay, at, w, options.joinBroken ?? false)) === 0) at++;
    if (at >= hay.length) return { index: i, word: w, after: need.slice(Math.max(0, i - 8), i) as string[] };
    at += span;
  }
  return undefined;
}

/**
 * How many haystack words starting at `at` make up `word`: 1 for an exact match; with `joinBroken`,
 * several consecutive words that concatenate to it (a long word or URL broken across lines without a
 * hyphen extracts as pieces); 0 for no match.
 */
function matchAt(hay: readonly string[], at: number, word: string, joinBroken: boolean): number {
  if (hay[at] === word) return 1;
  if (!joinBroken) return 0;
  // Pieces lost the punctuation at their edges ("segment/" → "segment"): compare without it.
  const bare = (t: string): string => t.replace(/[\p{P}\p{S}]/gu, '');
  const target = bare(word);
  let joined = bare(hay[at] as string);
  if (!joined || !target.startsWith(joined) || joined === target) return 0;
  for (let k = at + 1; k < hay.length && joined.length < target.length; k++) {
    joined += bare(hay[k] as string);
    if (joined === target) return k - at + 1;
    if (!target.startsWith(joined)) return 0;
  }
  return 0;
}

/** Throws (with the missing word and where) unless every needle word occurs in the haystack in order. */
export function assertInOrder(haystack: string | readonly string[], needle: string | readonly string[]): void {
  const miss = missingInOrder(haystack, needle);
  if (miss) {
    throw new Error(
      `word ${miss.index + 1} of ${asWords(needle).length}, ${JSON.stringify(miss.word)}, not found in order ` +
        `(after: ${JSON.stringify(miss.after.join(' '))})`,
    );
  }
}
