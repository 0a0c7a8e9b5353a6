/**
 * A shaped run of one font encoded for a PDF content stream: the glyphs as CIDs (glyph-book.ts), with the TJ adjustments that put each glyph where the shaper placed it (kerning, marks,
 * right-to-left clusters) and the marked content that makes the run extract as its text.
 *
 * Why encode apart from drawing: the encoding does not depend on where the run is drawn, only on
 * (font, size, text), so the surface caches it per document and a word that recurs a thousand
 * times in a book is shaped, mapped to CIDs and formatted once. Adjustments are in thousandths of
 * an em (TJ units), where they do not depend on the size; only a raised glyph's text rise does.
 */
import type { FontId } from '../../../fonts/registry.js';
import { glyphClusters } from './clusters.js';
import type { FontGlyphs } from './glyph-book.js';
import { shape, type ShapedGlyph } from '../../../fonts/shape.js';

/**
 * One piece of a run: glyphs and adjustments to go inside a TJ array (`tj`), or an operator that
 * must stand outside it (`op`: a text rise, a Span with /ActualText).
 *
 * Glyphs that follow one another without an adjustment share one hex string (`<00030007>`, not
 * `<0003><0007>`: the same glyphs in a third fewer bytes to write and compress). So that the
 * surface can carry that on across runs (a word and its space), `tj` leaves its first hex string
 * unopened when `hexStart` and its last one unclosed when `hexEnd`: `0003000720<0013` stands for
 * `<00030007>20<0013>`.
 */
export type RunPart = { readonly tj: string; readonly hexStart: boolean; readonly hexEnd: boolean } | { readonly op: string };

export interface EncodedRun {
  readonly parts: readonly RunPart[];
  /** Where the PDF's text position ends, from the run's origin, in TJ units (tracking included). */
  readonly end: number;
  /** The run's advance as the typesetter measured it, in TJ units (tracking included). */
  readonly advance: number;
  /**
   * Whether the run is written as any document would write it: every glyph as its own id, with its
   * own text (no copy of a glyph drawn with other characters, glyph-book.ts). Only then may a page
   * drawn with it be kept and used in another build.
   */
  readonly portable: boolean;
  /** The glyphs drawn (id and text, each once), which a kept page adds to its document's fonts. */
  readonly uses: readonly GlyphUse[];
}

/** A glyph of a run and the text it stands for. */
export interface GlyphUse {
  readonly gid: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/**
 * Per font and glyph id, the uses made so far (nearly always one: a glyph with its one text),
 * shared by every run that draws them — a book's runs hold some 180,000 in each thread otherwise.
 */
const USES = new Map<FontId, Map<number, GlyphUse[]>>();

function glyphUse(font: FontId, g: Pick<ShapedGlyph, 'id' | 'codePoints' | 'advanceWidth'>): GlyphUse {
  let byGlyph = USES.get(font);
  if (byGlyph === undefined) USES.set(font, (byGlyph = new Map()));
  let list = byGlyph.get(g.id);
  if (list === undefined) byGlyph.set(g.id, (list = []));
  for (const u of list) if (u.codePoints === g.codePoints || sameCodePoints(u.codePoints, g.codePoints)) return u;
  const use: GlyphUse = { gid: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth };
  list.push(use);
  return use;
}

/**
 * Encodes `text` (one font, as faceRuns split it) at `size` points with `tracking` TJ units after
 * every glyph (the caller sets the same amount, in points, as the character spacing Tc).
 *
 * A cluster whose glyphs do not map back to its characters in logical order (an Indic vowel sign
 * drawn before its consonant; a glyph shared by two letters, as Noto Naskh shares the body of ح
 * and ج and adds the dot as a mark) is wrapped in a Span with /ActualText (ISO 32000-1 §14.9.4),
 * so text extraction and assistive technology read the right letters. Clusters are small (one
 * letter or syllable), so extractors that reorder RTL text by position still get the order right.
 */
export function encodeRun(f: FontGlyphs, font: FontId, text: string, size: number, tracking: number): EncodedRun {
  // Shaped (and cached) with the registry's copy of the font, as the typesetter measured it.
  const layout = shape(font, text);
  const glyphs = layout.glyphs;
  const n = glyphs.length;
  const unit = 1000 / layout.unitsPerEm;
  const cids: number[] = new Array<number>(n);
  const drawn: string[] = new Array<string>(n);
  let portable = true;
  const uses = new Map<number, GlyphUse>();
  for (let i = 0; i < n; i++) {
    const g = glyphs[i]!;
    const cid = f.cid(g);
    cids[i] = cid;
    const text = f.codePointsOf(cid);
    drawn[i] = String.fromCodePoint(...text);
    if (cid !== g.id || !sameCodePoints(text, g.codePoints)) portable = false;
    if (!uses.has(g.id)) uses.set(g.id, glyphUse(font, g));
  }
  // Pen position of every glyph, in drawing (visual) order.
  const at: number[] = new Array<number>(n);
  let pen = 0;
  for (let i = 0; i < n; i++) {
    at[i] = pen;
    pen += glyphs[i]!.xAdvance * unit + tracking;
  }
  const rtl = layout.direction === 'rtl';
  const parts: RunPart[] = [];
  // A glyph that is not where the previous one left the pen (kerning, a mark, a right-to-left
  // cluster written base first) gets an adjustment, a raised one a text rise, so that the baseline
  // extractors see stays the line's.
  let tj = '';
  let hexStart = false;
  /** Whether `tj` ends inside a hex string of glyphs. */
  let inHex = false;
  const flush = (): void => {
    if (tj !== '') parts.push({ tj, hexStart, hexEnd: inHex });
    tj = '';
    hexStart = false;
    inHex = false;
  };
  const op = (value: string): void => {
    flush();
    parts.push({ op: value });
  };
  let cursor = 0;
  let rise = 0;
  // A mark drawn off the pen position floats (clusters.ts): drawn last in its cluster, under an
  // empty /ActualText, its text in the cluster's.
  const floats = (i: number): boolean => {
    const g = glyphs[i]!;
    return (g.xOffset !== 0 || g.yOffset !== 0) && g.codePoints.length > 0 && g.codePoints.every(isMark);
  };
  // poppler 22's structure reader (pdfinfo -struct-text) stops reading a line of an element at
  // the first /ActualText, in either direction; pdftotext, which would otherwise break the word and
  // the line at the raised mark, reads it right. The spec's way is kept.
  let clusters = glyphClusters(text, layout, drawn, floats);
  // Left to right, a run with a cluster that needs text of its own, or with a glyph drawn off the
  // pen or standing for no character (Indic conjunct parts and below-base forms, a Khmer split
  // vowel's second part), is one span with the run's text: extractors place an /ActualText by the
  // box of the glyphs under it, and take the gap or text rise beside such a glyph for a space
  // (বিশ্বে র, દૃષ્ટિ એ, మానవులెల్ల రును); one box per run leaves none inside it. Right to left,
  // clusters stay as they are: pdftotext reads a longer /ActualText there back to front.
  if (!rtl && (clusters.some((c) => c.actualText !== undefined || c.floating !== undefined) || glyphs.some((g) => g.xOffset !== 0 || g.yOffset !== 0 || g.codePoints.length === 0))) {
    clusters = [{ from: 0, to: n, actualText: text }];
  }
  for (const c of clusters) {
    if (c.actualText !== undefined) op(`/Span <</ActualText ${utf16Hex(c.actualText)}>> BDC`);
    const floating = c.floating ?? [];
    let order: number[] | undefined;
    if (rtl || floating.length > 0) {
      order = [];
      for (let k = c.from; k < c.to; k++) order.push(rtl ? c.to - 1 - (k - c.from) : k);
      // Floating marks last, each under an empty ActualText (their text is the cluster's).
      if (floating.length > 0) order.sort((a, b) => Number(floating.includes(a)) - Number(floating.includes(b)));
    }
    let inFloat = false;
    for (let k = c.from; k < c.to; k++) {
      // Right to left, a cluster is written in logical order (base, then its marks), which is how
      // extractors expect combining marks; positions are explicit either way.
      const i = order === undefined ? k : order[k - c.from]!;
      if (!inFloat && floating.includes(i)) {
        if (c.actualText !== undefined) op('EMC');
        op('/Span <</ActualText <FEFF>>> BDC');
        inFloat = true;
      }
      const p = glyphs[i]!;
      const dy = (p.yOffset * size) / layout.unitsPerEm;
      if (Math.abs(dy - rise) > 1e-6) {
        op(`${num(dy)} Ts`);
        rise = dy;
      }
      const target = at[i]! + p.xOffset * unit;
      const adjust = num(cursor - target);
      // `<` and `>` delimit, so glyphs and adjustments need no spaces between them.
      if (adjust !== '0') {
        if (inHex) tj += '>';
        tj += adjust;
        inHex = false;
      }
      if (!inHex) {
        if (tj === '') hexStart = true;
        else tj += '<';
        inHex = true;
      }
      tj += cids[i]!.toString(16).padStart(4, '0');
      cursor = target + f.widthOf(cids[i]!) + tracking;
    }
    if (c.actualText !== undefined || inFloat) op('EMC');
  }
  flush();
  if (rise !== 0) op('0 Ts');
  return { parts, end: cursor, advance: pen, portable, uses: [...uses.values()] };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Whether a code point is a combining mark (general category M). */
function isMark(cp: number): boolean {
  return MARK.test(String.fromCodePoint(cp));
}

const MARK = /^\p{M}$/u;

/** A number for a content stream: at most three decimals, no exponent. */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

/** `<FEFF…>`: a PDF text string in UTF-16BE, safe for any character. */
export function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}
