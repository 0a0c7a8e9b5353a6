/**
 * Shaping: text of one font → positioned glyphs, with HarfBuzz (src/fonts/harfbuzz.ts): Arabic
 * joining and lam-alef, Hebrew points, Indic reordering and conjuncts, Thai marks, kerning and
 * ligatures. Glyphs of a right-to-left run come in visual order, as they are drawn.
 *
 * Used by the PDF writer (measuring and drawing) and the cover (measuring and outlining).
 *
 * Why a cache per (font, text): measuring and drawing share one result, and the same words recur
 * all through a book.
 */
import { harfBuzzFont, harfBuzzShape, type HarfBuzzFont, type HarfBuzzGlyph } from './harfbuzz.js';
import type { FontId } from './registry.js';

export interface ShapedGlyph {
  readonly id: number;
  /** The characters this glyph stands for in this run (none for a mark split off by the shaper). */
  readonly codePoints: readonly number[];
  /** The glyph's own advance, in font units (what the PDF's /W says). */
  readonly advanceWidth: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  /** UTF-16 offset in the run's text of the first character of this glyph's cluster. */
  readonly cluster: number;
  /** Whether the text may not be cut before this glyph's cluster and the parts shaped apart (HarfBuzz). */
  readonly unsafeToBreak: boolean;
}

export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  readonly direction: 'ltr' | 'rtl';
  readonly unitsPerEm: number;
  /** Sum of the advances, in font units. */
  readonly advance: number;
}

const LIMIT = 50_000;
const caches = new Map<FontId, Map<string, ShapedRun>>();

/** The shaped glyphs of `text` in `font` (cached). */
export function shape(font: FontId, text: string): ShapedRun {
  let cache = caches.get(font);
  if (cache === undefined) caches.set(font, (cache = new Map()));
  let run = cache.get(text);
  if (run === undefined) {
    run = shapeRun(harfBuzzFont(font), text);
    // A full cache is dropped whole: cheap, and memory stays flat on long books.
    if (cache.size >= LIMIT) cache.clear();
    cache.set(text, run);
  }
  return run;
}

function shapeRun(f: HarfBuzzFont, text: string): ShapedRun {
  const direction = runDirection(text);
  const hbGlyphs = withReplacement(f, harfBuzzShape(f, text, direction));
  const codePoints = glyphCodePoints(f, text, hbGlyphs, direction === 'rtl');
  let advance = 0;
  const glyphs = hbGlyphs.map((g, i): ShapedGlyph => {
    advance += g.xAdvance;
    return { id: g.id, codePoints: codePoints[i]!, advanceWidth: f.advance(g.id), xAdvance: g.xAdvance, xOffset: g.xOffset, yOffset: g.yOffset, cluster: g.cluster, unsafeToBreak: g.unsafeToBreak };
  });
  return { glyphs, direction, unitsPerEm: f.unitsPerEm, advance };
}

/**
 * A character the font lacks is drawn as its U+FFFD, never as .notdef (PDF/UA-1 §7.21.7 forbids
 * drawing it, and it is often blank): the glyph keeps the character's cluster, so it stands for
 * that character (glyphCodePoints) and the text comes back from the PDF though no font draws it.
 */
function withReplacement(f: HarfBuzzFont, glyphs: HarfBuzzGlyph[]): HarfBuzzGlyph[] {
  if (!glyphs.some((g) => g.id === 0)) return glyphs;
  const replacement = f.nominal(0xfffd);
  if (replacement === 0) return glyphs;
  const width = f.advance(replacement);
  return glyphs.map((g) => (g.id === 0 ? { ...g, id: replacement, xAdvance: width, xOffset: 0, yOffset: 0 } : g));
}

/** A character of a script written right to left. */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Old_South_Arabian}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Mende_Kikakui}]/u;

/** A character of some script (not punctuation, digits or marks shared by all). */
const SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The run's direction from the script of its first character that has one, as HarfBuzz guesses the
 * script (a run of digits or punctuation alone is left to right). The bidi algorithm has already
 * split the paragraph into runs of one direction (text/bidi.ts); this only tells the shaper.
 */
function runDirection(text: string): 'ltr' | 'rtl' {
  // Every right-to-left script starts at U+0590: text below it (nearly all) needs no regex.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x0590) i++;
  if (i === text.length) return 'ltr';
  const m = SCRIPT_CHAR.exec(text);
  return m !== null && RTL_SCRIPT.test(m[0]) ? 'rtl' : 'ltr';
}

/**
 * The characters each glyph stands for, from HarfBuzz's clusters: within a cluster, a glyph that is
 * the font's own glyph for one of the cluster's characters (cmap) stands for that character; the
 * characters left (those of a ligature, a contextual form, a conjunct) go to the first glyph, in
 * logical order, that has none (or to the first glyph, when all have one), and the cluster's other
 * glyphs (a dot or mark the font splits off a letter) stand for none. So a glyph means the same text wherever the font draws it alone, which is
 * what one ToUnicode entry per glyph needs (glyph-book.ts), and the glyphs of a cluster give back
 * exactly its characters (clusters.ts).
 */
function glyphCodePoints(f: HarfBuzzFont, text: string, glyphs: readonly HarfBuzzGlyph[], rtl: boolean): (readonly number[])[] {
  const n = glyphs.length;
  const out: (readonly number[])[] = new Array<readonly number[]>(n);
  const logical = (k: number): number => (rtl ? n - 1 - k : k);
  // HarfBuzz's clusters are monotone in logical order: a cluster runs to the next one's start.
  let k = 0;
  while (k < n) {
    const cluster = glyphs[logical(k)]!.cluster;
    const members: number[] = [];
    while (k < n && glyphs[logical(k)]!.cluster === cluster) members.push(logical(k++));
    const end = k < n ? glyphs[logical(k)]!.cluster : text.length;
    const chars = drawnCodePoints(text, cluster, end);
    if (members.length === 1) {
      out[members[0]!] = chars.length === 1 ? single(chars[0]!) : chars;
      continue;
    }
    // Which member glyph each character goes to (-1: none yet).
    const owner = new Array<number>(chars.length).fill(-1);
    for (const i of members) {
      const j = owner.findIndex((o, c) => o === -1 && f.nominal(chars[c]!) === glyphs[i]!.id);
      if (j >= 0) owner[j] = i;
    }
    if (owner.includes(-1)) {
      const bare = members.find((i) => !owner.includes(i)) ?? members[0]!;
      for (let c = 0; c < owner.length; c++) if (owner[c] === -1) owner[c] = bare;
    }
    for (const i of members) {
      const own = chars.filter((_, c) => owner[c] === i);
      out[i] = own.length === 1 ? single(own[0]!) : own;
    }
  }
  return out;
}

/**
 * One frozen array per character, shared by every glyph that stands for that character alone:
 * nearly all glyphs do, and a book's shape caches hold some 200,000 glyphs in each thread (about
 * 20 MiB of one-element arrays, in a heap snapshot of the bench's anthology).
 */
const SINGLES = new Map<number, readonly number[]>();

function single(codePoint: number): readonly number[] {
  let a = SINGLES.get(codePoint);
  if (a === undefined) SINGLES.set(codePoint, (a = Object.freeze([codePoint])));
  return a;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * The code points of `text` from `start` to `end` (UTF-16 offsets), without the joiners and selectors
 * that draw nothing (harfbuzz.ts removes them): no glyph stands for them, so a letter before a Persian
 * ZWNJ keeps its own text, and clusters.ts gives such a run /ActualText.
 */
function drawnCodePoints(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    // Every default-ignorable character is at U+00AD or above.
    if (c < 0xad || !IGNORABLE.test(String.fromCodePoint(c))) out.push(c);
  }
  return out;
}
