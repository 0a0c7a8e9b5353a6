/**
 * From styled text runs to the Knuth–Plass item stream of one paragraph.
 *
 * Why here and not in the breaker: every typographic decision about *where* a line may end
 * (spaces, no-break spaces, explicit breaks, hyphenation, URL and emergency breaks) is made
 * once, as items with costs, so that the breaker stays a pure optimisation over numbers.
 * Word shapes (pieces, widths, break kinds) are cached per measurer, style and language,
 * because the same words recur all through a book.
 */
import { isUnspaced, scriptBreaks } from '../../../text/script-breaks.js';
import { hyphenate, isUrlLike } from './hyphenate.js';
import {
  FORBIDDEN_BREAK,
  box,
  forcedBreak,
  glue,
  isLegalBreak,
  penalty,
  type Box,
  type Item,
} from './items.js';
import type { Measurer, StyleKey } from './measure.js';

/**
 * A stretch of text in one style. `ref` is an opaque tag the caller uses to map placed text
 * back to its model (a link, a language span); it is carried through unchanged.
 *
 * Whitespace is collapsed as in HTML, except that `\n` (or `\r\n`, U+2028, U+2029) is an
 * explicit line break (the model's `break` node): callers must fold source soft line breaks
 * into spaces before building runs.
 */
export interface Run {
  readonly text: string;
  readonly style: StyleKey;
  readonly ref?: unknown;
  /** BCP 47 language of this run, for hyphenation, when it differs from the paragraph's. */
  readonly lang?: string;
}

/** Costs of the non-space break opportunities (in the units of TeX penalties). */
export interface BreakPenalties {
  /** After a hyphenation point, where a hyphen is inserted (TeX's `\hyphenpenalty`). */
  readonly hyphen: number;
  /** After a hyphen or dash already in the text (TeX's `\exhyphenpenalty`). */
  readonly explicitHyphen: number;
  /** After `/ . - _ ? & =` inside a URL. */
  readonly url: number;
  /** Between any two characters of something too wide for the line. */
  readonly emergency: number;
}

export const DEFAULT_PENALTIES: BreakPenalties = Object.freeze({
  hyphen: 50,
  explicitHyphen: 50,
  url: 150,
  emergency: 5000,
});

export interface ItemOptions {
  /** BCP 47 language of the paragraph, for hyphenation. */
  readonly lang: string;
  readonly measurer: Measurer;
  /**
   * True: spaces stretch by 1/2 and shrink by 1/3 of their width (TeX's defaults) for
   * justification. False: spaces are rigid, for ragged setting (pair with `raggedStretch`).
   */
  readonly justify: boolean;
  /** Use hyphenation patterns (default true); soft hyphens are honoured either way. */
  readonly hyphenate?: boolean;
  /**
   * Narrowest line width the items will be set in. Anything that could not fit on such a
   * line gets emergency breaks between characters, so no line can ever be overfull.
   */
  readonly maxWidth?: number;
  readonly penalties?: Partial<BreakPenalties>;
}

/** `script`: between characters of a script written without spaces (CJK, Thai), no hyphen. */
type BreakKind = 'hyphen' | 'explicit' | 'url' | 'script';

/** One unbreakable piece of a word and the break opportunity after it. */
interface Piece {
  readonly text: string;
  readonly width: number;
  /** Source offsets relative to the word (soft hyphens count). */
  readonly start: number;
  readonly end: number;
  readonly after: BreakKind | null;
}

/** A word cut at its break opportunities, in one style. */
type WordShape = readonly Piece[];

/** A piece of a word in one run. */
interface Segment {
  readonly text: string;
  readonly style: StyleKey;
  readonly ref: unknown;
  readonly offset: number;
  /** Hyphenation language ('' for none). */
  readonly lang: string;
}

const SHAPE_CACHE_LIMIT = 100_000;
/** Per measurer, per language and style, the shapes of the words met so far. */
const shapeCaches = new WeakMap<Measurer, Map<string, Map<string, WordShape>>>();

function shapeCache(measurer: Measurer, lang: string, style: StyleKey): Map<string, WordShape> {
  let byStyle = shapeCaches.get(measurer);
  if (byStyle === undefined) shapeCaches.set(measurer, (byStyle = new Map()));
  const key = `${lang}\u0000${style}`;
  let cache = byStyle.get(key);
  if (cache === undefined) byStyle.set(key, (cache = new Map()));
  return cache;
}

const WORD = 0;
const NEWLINE = 1;
const SPACE = 2;
const NBSP = 3;
const ZWSP = 4;

/**
 * What a UTF-16 unit is to the tokenizer. Breaking spaces are the Unicode space separators
 * except the no-break ones (U+00A0 is glue that never breaks; U+2007 and U+202F stay inside
 * words as glyphs, as French typography wants); newlines are explicit line breaks.
 */
function charClass(c: number): number {
  if (c > 0x20 && c < 0x7f) return WORD;
  if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c) return SPACE;
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return NEWLINE;
  if (c === 0xa0) return NBSP;
  if (c === 0x200b) return ZWSP;
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a && c !== 0x2007) || c === 0x205f || c === 0x3000) return SPACE;
  return WORD;
}

const SOFT_HYPHENS_ONLY = /^\u00AD+$/;
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
const URL_BREAK_AFTER = new Set(['/', '.', '-', '_', '?', '&', '=']);
const CLUSTER_CONTINUATION = /^[\p{M}\uDC00-\uDFFF\u200D\uFE0E\uFE0F]/u;

/**
 * The items of a paragraph: boxes for word pieces, glue for spaces, penalties for the other
 * break opportunities, ending with `glue(0, ∞, 0)` and a forced break. Empty when the runs
 * contain no text.
 */
export function paragraphItems(runs: readonly Run[], options: ItemOptions): Item[] {
  const builder = new ItemBuilder(options);
  let offset = 0;
  for (const run of runs) {
    builder.run(run, offset);
    offset += run.text.length;
  }
  const items = builder.finish();
  const maxWidth = options.maxWidth ?? Infinity;
  return Number.isFinite(maxWidth)
    ? ensureBreakable(items, maxWidth, options.measurer, builder.penalties.emergency)
    : items;
}

class ItemBuilder {
  readonly items: Item[] = [];
  readonly penalties: BreakPenalties;
  private readonly measurer: Measurer;
  private readonly lang: string;
  private readonly justify: boolean;
  private readonly hyphenating: boolean;
  private cacheStyle: StyleKey | null = null;
  private cacheLang = '';
  private cache: Map<string, WordShape> = new Map();
  private readonly hyphenWidths = new Map<StyleKey, number>();
  private readonly spaceWidths = new Map<StyleKey, number>();
  private word: Segment[] = [];
  /** Style of the pending interword space, if any (a space's width depends on its style). */
  private spaceStyle: StyleKey | null = null;
  private newlines = 0;
  private newlineOffset = 0;
  private newlineStyle: StyleKey = '';

  constructor(options: ItemOptions) {
    this.measurer = options.measurer;
    this.hyphenating = options.hyphenate !== false;
    this.lang = this.hyphenating ? options.lang : '';
    this.justify = options.justify;
    this.penalties = { ...DEFAULT_PENALTIES, ...options.penalties };
  }

  run(run: Run, base: number): void {
    const text = run.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const kind = charClass(c);
      if (kind === WORD) {
        let j = i + 1;
        while (j < n && charClass(text.charCodeAt(j)) === WORD) j++;
        // Soft hyphens alone are no word: line breaks on either side of them stay one run of breaks
        // (an empty line between them, set as such) rather than a break, nothing, and a break.
        if (this.word.length === 0 && SOFT_HYPHENS_ONLY.test(text.slice(i, j))) {
          i = j;
          continue;
        }
        if (this.word.length === 0) this.flushWhitespace();
        this.word.push({ text: text.slice(i, j), style: run.style, ref: run.ref, offset: base + i, lang: this.hyphenating ? (run.lang ?? this.lang) : '' });
        i = j;
        continue;
      }
      this.flushWord();
      if (kind === NEWLINE) {
        if (this.newlines === 0) {
          this.newlineOffset = base + i;
          this.newlineStyle = run.style;
        }
        this.newlines++;
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      } else if (kind === SPACE) {
        if (this.spaceStyle === null) this.spaceStyle = run.style;
      } else if (kind === NBSP) {
        this.flushWhitespace();
        // A no-break space: glue that is never a breakpoint, because it follows a penalty.
        const w = this.spaceWidth(run.style);
        this.items.push(penalty(0, FORBIDDEN_BREAK), this.spaceGlue(w, '\u00A0'));
      } else {
        this.flushWhitespace();
        // A zero-width space: a break opportunity that takes no room and leaves no trace.
        this.items.push(glue(0, 0, 0, ''));
      }
      i++;
    }
  }

  finish(): Item[] {
    this.flushWord();
    // Trailing spaces and line breaks end nothing: drop them.
    this.spaceStyle = null;
    this.newlines = 0;
    if (!this.items.some((i) => i.type === 'box')) return [];
    this.items.push(glue(0, Infinity, 0, ''), forcedBreak());
    return this.items;
  }

  private spaceWidth(style: StyleKey): number {
    let w = this.spaceWidths.get(style);
    if (w === undefined) this.spaceWidths.set(style, (w = this.measurer.spaceWidth(style)));
    return w;
  }

  private hyphenWidth(style: StyleKey): number {
    let w = this.hyphenWidths.get(style);
    if (w === undefined) this.hyphenWidths.set(style, (w = this.measurer.hyphenWidth(style)));
    return w;
  }

  private spaceGlue(w: number, text: string): Item {
    return this.justify ? glue(w, w / 2, w / 3, text) : glue(w, 0, 0, text);
  }

  /** Emit the pending whitespace, now that something visible follows it. */
  private flushWhitespace(): void {
    if (this.newlines > 0) {
      const empty = box(0, '', this.newlineStyle, this.newlineOffset, this.newlineOffset);
      // At the very start every line break makes an empty line; later, the first one ends
      // the current line and each further one makes an empty line.
      for (let k = 0; k < this.newlines; k++) {
        if (k > 0 || this.items.length === 0) this.items.push(empty);
        this.items.push(glue(0, Infinity, 0, ''), forcedBreak());
      }
    } else if (this.spaceStyle !== null && this.items.length > 0) {
      const last = this.items[this.items.length - 1]!;
      // A space right after a zero-width space replaces it: the space is the break opportunity and
      // it must be seen (and extracted). Any other glue before it already separates the words.
      if (last.type === 'glue' && last.text === '' && last.width === 0 && last.stretch === 0) this.items.pop();
      if (this.items[this.items.length - 1]?.type !== 'glue') this.items.push(this.spaceGlue(this.spaceWidth(this.spaceStyle), ' '));
    }
    this.newlines = 0;
    this.spaceStyle = null;
  }

  private flushWord(): void {
    const segments = this.word;
    if (segments.length === 0) return;
    this.word = [];
    if (segments.length === 1) {
      const seg = segments[0]!;
      if (seg.style !== this.cacheStyle || seg.lang !== this.cacheLang) {
        this.cache = shapeCache(this.measurer, seg.lang, seg.style);
        this.cacheStyle = seg.style;
        this.cacheLang = seg.lang;
      }
      let shape = this.cache.get(seg.text);
      if (shape === undefined) {
        shape = this.shapeOf(seg.text, seg.style, seg.lang);
        if (this.cache.size >= SHAPE_CACHE_LIMIT) this.cache.clear();
        this.cache.set(seg.text, shape);
      }
      for (const piece of shape) {
        this.items.push(
          box(piece.width, piece.text, seg.style, seg.offset + piece.start, seg.offset + piece.end, seg.ref),
        );
        if (piece.after !== null) this.items.push(this.breakItem(piece.after, seg.style));
      }
    } else {
      this.emitMixedWord(segments);
    }
  }

  private breakItem(kind: BreakKind, style: StyleKey): Item {
    switch (kind) {
      case 'hyphen':
        return penalty(this.hyphenWidth(style), this.penalties.hyphen, true);
      case 'explicit':
        return penalty(0, this.penalties.explicitHyphen, true);
      case 'url':
        return penalty(0, this.penalties.url, false);
      case 'script': {
        // Glue, not a penalty: the gaps between CJK characters are where a justified line stretches.
        const w = this.spaceWidth(style);
        return this.justify ? glue(0, w / 2, 0, '') : glue(0, 0, 0, '');
      }
    }
  }

  /** A single-style word cut at its break opportunities; widths by prefix differences. */
  private shapeOf(source: string, style: StyleKey, lang: string): WordShape {
    const a = analyzeWord(source, lang);
    if (a.text === '') return [];
    const cuts = [0, ...a.breaks.map((b) => b.at), a.text.length];
    const pieces: Piece[] = [];
    const ends = cuts.slice(1);
    const widths = ends.length > 1 && this.measurer.prefixWidths ? this.measurer.prefixWidths(a.text, ends, style) : ends.map((end) => this.measurer.width(a.text.slice(0, end), style));
    let prevWidth = 0;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i]!;
      const to = cuts[i + 1]!;
      const w = widths[i]!;
      pieces.push({
        text: a.text.slice(from, to),
        width: w - prevWidth,
        start: a.source(from),
        end: a.source(to - 1) + 1,
        after: i < a.breaks.length ? a.breaks[i]!.kind : null,
      });
      prevWidth = w;
    }
    return pieces;
  }

  /** A word whose style changes inside it: break opportunities come from the whole word. */
  private emitMixedWord(segments: readonly Segment[]): void {
    const source = segments.map((s) => s.text).join('');
    const a = analyzeWord(source, segments[0]!.lang);
    const base = segments[0]!.offset;
    const kindAt = new Map<number, BreakKind>(a.breaks.map((b) => [b.at, b.kind]));
    let srcStart = 0;
    for (const seg of segments) {
      const srcEnd = srcStart + seg.text.length;
      const from = a.clean(srcStart);
      const to = a.clean(srcEnd);
      srcStart = srcEnd;
      if (from === to) continue;
      const cuts = [from, ...a.breaks.map((b) => b.at).filter((at) => at > from && at < to), to];
      let prevWidth = 0;
      for (let i = 0; i + 1 < cuts.length; i++) {
        const p = cuts[i]!;
        const q = cuts[i + 1]!;
        const w = this.measurer.width(a.text.slice(from, q), seg.style);
        this.items.push(
          box(w - prevWidth, a.text.slice(p, q), seg.style, base + a.source(p), base + a.source(q - 1) + 1, seg.ref),
        );
        prevWidth = w;
        const kind = q < a.text.length ? kindAt.get(q) : undefined;
        if (kind !== undefined) this.items.push(this.breakItem(kind, seg.style));
      }
    }
  }
}

interface WordAnalysis {
  /** The word without soft hyphens. */
  readonly text: string;
  readonly breaks: readonly { readonly at: number; readonly kind: BreakKind }[];
  /** Source index of clean index `i` (soft hyphens removed from the source). */
  source(i: number): number;
  /** Clean index of source index `s`. */
  clean(s: number): number;
}

/** Break opportunities inside a word: hyphenation, explicit hyphens and dashes, URL punctuation. */
function analyzeWord(source: string, lang: string): WordAnalysis {
  const unspaced = isUnspaced(source);
  // Scripts written without spaces break between characters or words, never with a hyphen.
  const h = hyphenate(source, unspaced ? '' : lang);
  const text = h.text;
  const kinds = new Map<number, BreakKind>();
  for (const p of h.points) kinds.set(p, 'hyphen');
  if (unspaced) for (const p of scriptBreaks(text)) kinds.set(p, 'script');
  if (isUrlLike(text)) {
    for (const p of urlBreaks(text)) kinds.set(p, 'url');
  } else {
    for (const p of explicitBreaks(text)) kinds.set(p, 'explicit');
  }
  const breaks = [...kinds].sort((x, y) => x[0] - y[0]).map(([at, kind]) => ({ at, kind }));
  if (text.length === source.length) {
    return { text, breaks, source: (i) => i, clean: (s) => s };
  }
  const srcOf: number[] = [];
  const cleanOf: number[] = [];
  for (let s = 0; s < source.length; s++) {
    cleanOf.push(srcOf.length);
    if (source[s] !== '\u00AD') srcOf.push(s);
  }
  srcOf.push(source.length);
  cleanOf.push(text.length);
  return { text, breaks, source: (i) => srcOf[i]!, clean: (s) => cleanOf[s]! };
}

function startsCluster(text: string, i: number): boolean {
  return !CLUSTER_CONTINUATION.test(text.slice(i, i + 1));
}

/** After a hyphen or dash that has something before and after it. */
function explicitBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = 2; i < text.length; i++) {
    if (DASHES.has(text[i - 1]!) && !DASHES.has(text[i]!) && !DASHES.has(text[i - 2]!) && startsCluster(text, i)) {
      out.push(i);
    }
  }
  return out;
}

/** After URL punctuation (after the last of a run of it, so `//` stays together). */
function urlBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (URL_BREAK_AFTER.has(text[i - 1]!) && !URL_BREAK_AFTER.has(text[i]!) && startsCluster(text, i)) {
      out.push(i);
    }
  }
  return out;
}

let graphemeSegmenter: Intl.Segmenter | undefined;

function graphemes(text: string): string[] {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * Guarantee that no line need be overfull: every stretch between two consecutive legal breaks
 * that is wider than `maxWidth` gets emergency breaks between all its characters (grapheme
 * clusters), between adjacent boxes, and at its no-break spaces.
 */
export function ensureBreakable(
  items: readonly Item[],
  maxWidth: number,
  measurer: Measurer,
  emergency: number,
): Item[] {
  const ranges: [number, number][] = [];
  let width = 0;
  let chunkStart = 0;
  let discarding = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (isLegalBreak(items, i)) {
      const total = width + (item.type === 'penalty' ? item.width : 0);
      if (total > maxWidth + 1e-9) ranges.push([chunkStart, i]);
      width = 0;
      discarding = true;
      chunkStart = i + 1;
      continue;
    }
    if (discarding) {
      if (item.type !== 'box') {
        chunkStart = i + 1;
        continue;
      }
      discarding = false;
    }
    if (item.type !== 'penalty') width += item.width;
  }
  if (ranges.length === 0) return items as Item[];

  const out: Item[] = [];
  const widths = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    while (r < ranges.length && ranges[r]![1] <= i) r++;
    const inRange = r < ranges.length && ranges[r]![0] <= i;
    if (!inRange) {
      out.push(item);
    } else if (item.type === 'box') {
      if (out[out.length - 1]?.type === 'box') out.push(penalty(0, emergency));
      splitBox(item, measurer, emergency, widths, out);
    } else if (item.type === 'penalty' && item.penalty >= FORBIDDEN_BREAK) {
      out.push(penalty(0, emergency));
    } else {
      out.push(item);
    }
  }
  return out;
}

/** A box cut between its grapheme clusters; widths share the box width in proportion. */
function splitBox(b: Box, measurer: Measurer, emergency: number, cache: Map<string, number>, out: Item[]): void {
  const parts = graphemes(b.text);
  if (parts.length < 2) {
    out.push(b);
    return;
  }
  const ws = parts.map((g) => {
    const key = `${b.style}\u0000${g}`;
    let w = cache.get(key);
    if (w === undefined) cache.set(key, (w = measurer.width(g, b.style)));
    return w;
  });
  const sum = ws.reduce((s, w) => s + w, 0);
  const contiguous = b.endOffset - b.offset === b.text.length;
  let at = b.offset;
  parts.forEach((g, k) => {
    const w = sum > 0 ? (ws[k]! * b.width) / sum : b.width / parts.length;
    const end = contiguous ? at + g.length : b.endOffset;
    if (k > 0) out.push(penalty(0, emergency));
    out.push(box(w, g, b.style, at, end, b.ref));
    if (contiguous) at = end;
  });
}
