/**
 * Which glyphs of a shaped run belong to which characters, and where the glyphs alone would give
 * the wrong text back.
 *
 * A PDF maps each glyph to Unicode once per font (ToUnicode), and extractors read glyphs in drawing
 * order. That fails for a glyph shared by several characters (Noto Naskh draws ج and ح with one
 * body and a dot mark), for marks reordered by the shaper (the Devanagari vowel sign ि is drawn
 * before its consonant) and for ligatures that reorder. Such clusters get /ActualText.
 */

/** What this module reads of a shaped run (src/fonts/shape.ts). */
export interface ShapedRun {
  readonly glyphs: readonly { readonly codePoints: readonly number[] }[];
  readonly direction?: 'ltr' | 'rtl';
}

/** Glyphs `from` (inclusive) to `to` (exclusive), in drawing order. */
export interface GlyphCluster {
  from: number;
  to: number;
  /** The cluster's characters in logical order, when its glyphs do not give them back. */
  actualText?: string;
  /**
   * Glyphs of the cluster that are marks drawn off the pen position (Arabic tanwin, Hebrew points,
   * Thai tone marks): their text is in `actualText`, and they are drawn under an empty one, because
   * extractors take a raised or shifted mark for a character of its own, often on a line of its own.
   */
  floating?: readonly number[];
}

/**
 * The clusters of a run in drawing order. `drawn[i]` is what glyph `i` extracts as (its ToUnicode
 * entry, which may come from another character that shares the glyph). Clusters that extract
 * correctly are merged, so a run of plain Latin is one cluster.
 */
export function glyphClusters(logicalText: string, run: ShapedRun, drawn: readonly string[], floats: (glyph: number) => boolean = () => false): GlyphCluster[] {
  const n = run.glyphs.length;
  if (n === 0) return [];
  const rtl = run.direction === 'rtl';
  // The joiners of a right-to-left run (a Persian ZWNJ) draw nothing, so no glyph gives them back,
  // and the run would need an /ActualText of its own — which pdftotext reads back reversed in a
  // right-to-left line. They are left out of its text: its letters come back in order, as drawn.
  const text = rtl ? logicalText.replace(JOINERS, '') : logicalText;
  // The common case (Latin, Greek, Cyrillic, CJK): the glyphs read back as the text, in order.
  if (!rtl && drawn.join('') === text && !run.glyphs.some((_, i) => floats(i))) return [{ from: 0, to: n }];
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const logical = (k: number): number => (rtl ? n - 1 - k : k);

  // Group glyphs (in logical order) until their code points are exactly the next characters.
  const groups: { first: number; last: number; text: string }[] = [];
  let p = 0;
  let start = 0;
  let bag: number[] = [];
  for (let k = 0; k < n; k++) {
    bag.push(...run.glyphs[logical(k)]!.codePoints);
    const next = k + 1 < n ? run.glyphs[logical(k + 1)]!.codePoints : undefined;
    // A glyph without code points (a dot or mark the shaper split off) or of combining marks only
    // (a vowel sign, a point, tanwin) belongs to what precedes it.
    if (next !== undefined && (next.length === 0 || next.every(isMark))) continue;
    const window = cps.slice(p, p + bag.length);
    if (bag.length > 0 && sameBag(bag, window)) {
      groups.push({ first: start, last: k, text: String.fromCodePoint(...window) });
      p += bag.length;
      start = k + 1;
      bag = [];
    }
  }
  if (start !== n || p !== cps.length) {
    // The glyphs do not account for the characters one to one (a default-ignorable character the
    // shaper dropped or replaced): the whole run is one cluster.
    const joined = orderedText(0, n - 1);
    return [{ from: 0, to: n, ...(joined === text ? {} : { actualText: text }) }];
  }

  const out: GlyphCluster[] = [];
  const ordered = rtl ? groups.slice().reverse() : groups;
  for (const g of ordered) {
    const from = rtl ? n - 1 - g.last : g.first;
    const to = (rtl ? n - 1 - g.first : g.last) + 1;
    const floating: number[] = [];
    if (to - from > 1) for (let i = from; i < to; i++) if (floats(i)) floating.push(i);
    const ok = floating.length === 0 && orderedText(g.first, g.last) === g.text;
    const last = out[out.length - 1];
    if (ok && last && last.actualText === undefined && last.to === from) last.to = to;
    else out.push(ok ? { from, to } : { from, to, actualText: g.text, ...(floating.length > 0 ? { floating } : {}) });
  }
  return out;

  /** What glyphs `first..last` (logical positions) extract as, read in logical order. */
  function orderedText(first: number, last: number): string {
    let s = '';
    for (let k = first; k <= last; k++) s += drawn[logical(k)] ?? '';
    return s;
  }
}

function sameBag(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0] === b[0];
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}

const MARK = /^\p{M}$/u;
const JOINERS = /[\u200C\u200D]/g;

function isMark(cp: number): boolean {
  return MARK.test(String.fromCodePoint(cp));
}
