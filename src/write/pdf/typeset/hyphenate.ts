/**
 * Where a word may be hyphenated, by language, using the TeX (Liang) patterns of the `hyphen`
 * package (applied by liang.ts).
 *
 * Why patterns rather than a dictionary: they are what TeX uses, cover the languages our
 * articles are written in, and need no network or data download. The package is CommonJS and
 * exposes one module per pattern set; they are loaded lazily with `createRequire`, one per
 * language actually met, and every answer is cached per language.
 */
import { createRequire } from 'node:module';
import { liangMarkers, type PatternSet } from './liang.js';

const require = createRequire(import.meta.url);

/** The soft hyphen: an author's explicit hyphenation point, never drawn unless broken. */
export const SOFT_HYPHEN = '\u00AD';

/** The result of hyphenating one word. */
export interface Hyphenation {
  /** The word without soft hyphens. */
  readonly text: string;
  /**
   * Ascending UTF-16 indexes into `text`: a hyphen may be inserted before `text[i]`.
   * Never 0 nor `text.length`.
   */
  readonly points: readonly number[];
}

export interface HyphenationOptions {
  /** Fewest characters before a pattern hyphen (TeX's `\lefthyphenmin`); default 2. */
  readonly leftMin?: number;
  /** Fewest characters after a pattern hyphen (TeX's `\righthyphenmin`); default 3. */
  readonly rightMin?: number;
}

/** Pattern sets of `hyphen` whose module name is the plain ISO 639 code. */
const SAME_NAME = new Set(
  (
    'af as be bg bn ca cop cs cu cy da es et eu fi fr fur ga gl grc gu hi hr hsb hu hy ia id is ' +
    'it ka kmr kn lt lv mk ml mr nb nl nn no oc or pa pi pl pms pt rm ro ru sa sk sl sq sv ta te ' +
    'th tk tr uk'
  ).split(' '),
);

/** English-speaking regions that follow British rather than American hyphenation. */
const BRITISH = new Set(['gb', 'uk', 'au', 'nz', 'ie', 'za', 'in', 'sg', 'hk', 'mt']);

/**
 * The `hyphen` pattern module for a BCP 47 tag, or undefined when there is none.
 *
 * Choices worth knowing: German without the `1901` variant uses the reformed (1996) patterns,
 * Swiss German included (modern Swiss spelling follows the reform, only without ß); `de-1901`
 * and `de-CH-1901` get the traditional ones. Greek is monotonic unless tagged `polyton`;
 * Serbian is Cyrillic unless tagged `Latn`; `no` is kept apart from `nb` and `nn`.
 */
export function patternModuleFor(tag: string): string | undefined {
  const parts = tag.toLowerCase().replace(/_/g, '-').split('-');
  const lang = parts[0] ?? '';
  const rest = parts.slice(1);
  const script = rest.find((p) => /^[a-z]{4}$/.test(p));
  const region = rest.find((p) => /^(?:[a-z]{2}|\d{3})$/.test(p));
  const has = (variant: string): boolean => rest.includes(variant);
  switch (lang) {
    case 'en':
      return region !== undefined && BRITISH.has(region) ? 'en-gb' : 'en-us';
    case 'de':
    case 'gsw':
      if (has('1901')) return region === 'ch' || lang === 'gsw' ? 'de-ch-1901' : 'de-1901';
      return 'de-1996';
    case 'el':
      return has('polyton') ? 'el-polyton' : 'el-monoton';
    case 'sr':
      return script === 'latn' ? 'sh-latn' : 'sr-cyrl';
    case 'sh':
    case 'bs':
      return script === 'cyrl' ? 'sh-cyrl' : 'sh-latn';
    case 'mn':
      return 'mn-cyrl';
    case 'la':
      if (has('x') && has('classic')) return 'la-x-classic';
      if (has('x') && has('liturgic')) return 'la-x-liturgic';
      return 'la';
    case 'zh':
      return script === 'latn' || has('pinyin') ? 'zh-latn-pinyin' : undefined;
    case 'am':
    case 'ti':
    case 'gez':
      return 'mul-ethi';
    case 'ku':
      return 'kmr';
    default:
      return SAME_NAME.has(lang) ? lang : undefined;
  }
}

interface PatternHyphenator {
  readonly patterns: PatternSet;
  /** Pattern points per letter run (case-sensitive run → indexes). */
  readonly cache: Map<string, readonly number[]>;
}

const CACHE_LIMIT = 100_000;
const byModule = new Map<string, PatternHyphenator | null>();
const byTag = new Map<string, PatternHyphenator | null>();

/** The (lazily loaded, cached) pattern hyphenator for a language tag, or null. */
function hyphenatorFor(lang: string): PatternHyphenator | null {
  const known = byTag.get(lang);
  if (known !== undefined) return known;
  const name = patternModuleFor(lang);
  let found: PatternHyphenator | null = null;
  if (name !== undefined) {
    const loaded = byModule.get(name);
    if (loaded !== undefined) {
      found = loaded;
    } else {
      try {
        found = { patterns: require(`hyphen/patterns/${name}.js`) as PatternSet, cache: new Map() };
      } catch {
        found = null;
      }
      byModule.set(name, found);
    }
  }
  byTag.set(lang, found);
  return found;
}

/** Whether patterns exist for `lang` (unknown languages are still broken, just not hyphenated). */
export function canHyphenate(lang: string): boolean {
  return hyphenatorFor(lang) !== null;
}

const DIGIT = /\p{Nd}/u;
const URL_LIKE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)|^[^\s/@]*[a-z0-9-]\.[a-z]{2,}(?::\d+)?\/|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** Whether a word looks like a URL, a host with a path, or an e-mail address. */
export function isUrlLike(word: string): boolean {
  return URL_LIKE.test(word);
}

/** Letters with their combining marks: the stretches patterns apply to. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const COMPLEX = /[\p{M}\uD800-\uDFFF]/u;
const MARK_OR_LOW_SURROGATE = /^[\p{M}\uDC00-\uDFFF]/u;

/**
 * Hyphenation points of `word` in language `lang`.
 *
 * Soft hyphens in the word are the author's decision: when present they are the only points
 * (as with TeX's `\-`). Otherwise the language's patterns apply to each letter run, keeping
 * `leftMin`/`rightMin` characters on either side; words with digits, URL-like words and
 * all-capital words (acronyms) are not hyphenated; an unknown language gives no points.
 */
export function hyphenate(word: string, lang: string, options: HyphenationOptions = {}): Hyphenation {
  if (word.includes(SOFT_HYPHEN)) return softHyphenation(word);
  if (word.length < 4 || DIGIT.test(word) || isUrlLike(word)) return { text: word, points: [] };
  const hyphenator = hyphenatorFor(lang);
  if (hyphenator === null) return { text: word, points: [] };
  const leftMin = options.leftMin ?? 2;
  const rightMin = options.rightMin ?? 3;
  const points: number[] = [];
  for (const match of word.matchAll(LETTER_RUN)) {
    const run = match[0];
    if (run.length < leftMin + rightMin) continue;
    const start = match.index;
    for (const p of runPoints(hyphenator, run, leftMin, rightMin)) points.push(start + p);
  }
  return { text: word, points };
}

/** The positions of soft hyphens, with the soft hyphens removed. */
function softHyphenation(word: string): Hyphenation {
  let text = '';
  const points: number[] = [];
  for (const ch of word) {
    if (ch === SOFT_HYPHEN) {
      if (text.length > 0 && points[points.length - 1] !== text.length) points.push(text.length);
    } else {
      text += ch;
    }
  }
  if (points[points.length - 1] === text.length) points.pop();
  return { text, points };
}

/** Pattern points of one letter run, cached. */
function runPoints(h: PatternHyphenator, run: string, leftMin: number, rightMin: number): readonly number[] {
  const key = `${leftMin},${rightMin},${run}`;
  const cached = h.cache.get(key);
  if (cached !== undefined) return cached;
  const points = computeRunPoints(h, run, leftMin, rightMin);
  if (h.cache.size >= CACHE_LIMIT) h.cache.clear();
  h.cache.set(key, points);
  return points;
}

function computeRunPoints(h: PatternHyphenator, run: string, leftMin: number, rightMin: number): number[] {
  // Acronyms are not hyphenated.
  if (/\p{Lu}/u.test(run) && !/\p{Ll}/u.test(run)) return [];
  // Patterns are written for precomposed letters: hyphenate the NFC form, map points back.
  const nfc = run.normalize('NFC');
  if (nfc !== run) return decomposedRunPoints(h, run, nfc, leftMin, rightMin);
  // A marker past the end (a pattern reaching beyond the word) means the end, as the package has it.
  const raw = liangMarkers(h.patterns, run).map((m) => Math.min(m, run.length));
  if (raw.length === 0) return [];
  if (!COMPLEX.test(run)) {
    return raw.filter((p) => p >= leftMin && run.length - p >= rightMin);
  }
  // Count characters, not UTF-16 units or combining marks, and never split a cluster.
  const before: number[] = new Array<number>(run.length + 1);
  let count = 0;
  for (let i = 0; i <= run.length; i++) {
    before[i] = count;
    if (i < run.length && !MARK_OR_LOW_SURROGATE.test(run.slice(i, i + 1))) count++;
  }
  return raw.filter(
    (p) =>
      !MARK_OR_LOW_SURROGATE.test(run.slice(p, p + 1)) &&
      (before[p] ?? 0) >= leftMin &&
      count - (before[p] ?? 0) >= rightMin,
  );
}

let segmenter: Intl.Segmenter | undefined;

/** Points of a run not in NFC: those of its NFC form that fall between grapheme clusters. */
function decomposedRunPoints(
  h: PatternHyphenator,
  run: string,
  nfc: string,
  leftMin: number,
  rightMin: number,
): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const toRun = new Map<number, number>();
  let n = 0;
  for (const { segment, index } of segmenter.segment(run)) {
    toRun.set(n, index);
    n += segment.normalize('NFC').length;
  }
  if (n !== nfc.length) return [];
  const out: number[] = [];
  for (const p of computeRunPoints(h, nfc, leftMin, rightMin)) {
    const q = toRun.get(p);
    if (q !== undefined) out.push(q);
  }
  return out;
}
