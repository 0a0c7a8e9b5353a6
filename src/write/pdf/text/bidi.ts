/**
 * The Unicode Bidirectional Algorithm (UAX #9) for the PDF: embedding levels of a paragraph from
 * bidi-js, and the visual order of a set line (rule L2), so that Arabic and Hebrew read right to
 * left, numbers inside them left to right, and an Arabic name inside English stays in place.
 *
 * Lines are broken in logical order (Knuth–Plass does not care about direction); only the placed
 * fragments of each line are reordered, which is what UAX #9 prescribes (§3.4: reordering is done
 * per line, after line breaking).
 *
 * @see https://unicode.org/reports/tr9/
 */
import bidiFactory from 'bidi-js';
import type { Measurer } from '../typeset/measure.js';
import type { SetFragment, SetLine } from '../layout/set-paragraph.js';

const bidi = bidiFactory();

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan… and their presentation forms). */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Languages written right to left (BCP 47 primary subtags). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'ku-arab', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Whether the text has any right-to-left letter (the fast test that keeps Latin text on the plain path). */
export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** Whether a language is written right to left (`ar`, `he-IL`, `fa`, `az-Arab`…). */
export function isRtlLang(lang: string): boolean {
  const parts = lang.toLowerCase().split(/[-_]/);
  if (parts.includes('arab') || parts.includes('hebr') || parts.includes('syrc') || parts.includes('thaa')) return true;
  if (parts.includes('latn') || parts.includes('cyrl')) return false;
  return RTL_LANGS.has(parts[0] ?? '');
}

/**
 * Base direction of a paragraph: its language's, or right to left when a paragraph in a
 * left-to-right language has no left-to-right letter at all but has right-to-left ones (an
 * untagged Arabic quotation).
 */
export function paragraphDirection(lang: string, text: string): 'ltr' | 'rtl' {
  if (isRtlLang(lang)) return 'rtl';
  if (!hasRtl(text)) return 'ltr';
  return /\p{L}/u.test(text.replace(/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu, '')) ? 'ltr' : 'rtl';
}

/** Embedding levels of a paragraph's text (one per UTF-16 unit). */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl'): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/** A fragment with its resolved level. */
export interface BidiFragment extends SetFragment {
  /** Odd: drawn right to left. */
  rtl?: boolean;
}

interface Atom {
  level: number;
  width: number;
  fragment?: BidiFragment;
}

/**
 * A set line with its fragments at their visual positions (kept in logical order). `text` is the paragraph's concatenated run text (the fragments'
 * offsets point into it), `levels` its embedding levels. Fragments that mix levels are split
 * (each piece measured again); the spaces between fragments keep their widths, with the level
 * of the space character. `indent` is the first line's indent, which for a right-to-left
 * paragraph lies on the right.
 */
export function visualLine(line: SetLine, text: string, levels: Uint8Array, base: 'ltr' | 'rtl', measurer: Measurer, indent = 0): SetLine {
  const baseLevel = base === 'rtl' ? 1 : 0;
  const atoms: Atom[] = [];
  const frags = line.fragments;
  frags.forEach((f, k) => {
    for (const piece of splitByLevel(f, text, levels, measurer)) atoms.push({ level: piece.level, width: piece.fragment.width, fragment: piece.fragment });
    const next = frags[k + 1];
    if (next) {
      const gap = next.x - (f.x + f.width);
      const lv = f.endOffset < levels.length ? levels[f.endOffset]! : baseLevel;
      if (Math.abs(gap) > 1e-9) atoms.push({ level: lv, width: gap });
    }
  });
  if (!atoms.some((a) => a.level % 2 === 1) && baseLevel === 0) return line;
  reorder(atoms);
  let x = frags[0]?.x ?? 0;
  if (base === 'rtl') x -= indent;
  const out: BidiFragment[] = [];
  for (const a of atoms) {
    if (a.fragment) {
      out.push({ ...a.fragment, x, ...(a.level % 2 === 1 ? { rtl: true } : {}) });
    }
    x += a.width;
  }
  // Positions are visual; the order stays logical, because it is the content stream's order, which
  // is what the structure tree (and a screen reader) reads.
  out.sort((a, b) => a.offset - b.offset);
  return { ...line, fragments: out, width: x + (base === 'rtl' ? indent : 0) };
}

/** UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run at or above it. */
function reorder(atoms: Atom[]): void {
  let max = 0;
  let minOdd = Infinity;
  for (const a of atoms) {
    if (a.level > max) max = a.level;
    if (a.level % 2 === 1 && a.level < minOdd) minOdd = a.level;
  }
  for (let lv = max; lv >= minOdd && lv > 0; lv--) {
    let i = 0;
    while (i < atoms.length) {
      if (atoms[i]!.level >= lv) {
        let j = i;
        while (j < atoms.length && atoms[j]!.level >= lv) j++;
        const run = atoms.slice(i, j).reverse();
        atoms.splice(i, j - i, ...run);
        i = j;
      } else i++;
    }
  }
}

/** A fragment cut where the level changes (only when its text is the paragraph text at its offsets). */
function splitByLevel(f: SetFragment, text: string, levels: Uint8Array, measurer: Measurer): { level: number; fragment: BidiFragment }[] {
  const first = levels[f.offset] ?? 0;
  const contiguous = f.endOffset - f.offset === f.text.length && text.slice(f.offset, f.endOffset) === f.text;
  if (!contiguous) return [{ level: first, fragment: f }];
  let uniform = true;
  for (let i = f.offset + 1; i < f.endOffset; i++) {
    if (levels[i] !== first) {
      uniform = false;
      break;
    }
  }
  if (uniform) return [{ level: first, fragment: f }];
  const pieces: { level: number; fragment: BidiFragment }[] = [];
  let start = f.offset;
  for (let i = f.offset + 1; i <= f.endOffset; i++) {
    // Never cut inside a surrogate pair or before a combining mark.
    if (i < f.endOffset && (levels[i] === levels[start] || /[\uDC00-\uDFFF\p{M}]/u.test(text[i]!))) continue;
    const piece = text.slice(start, i);
    const last = i === f.endOffset;
    pieces.push({
      level: levels[start]!,
      fragment: { ...f, text: piece, width: measurer.width(piece, f.style), offset: start, endOffset: i, space: last ? f.space : false },
    });
    start = i;
  }
  return pieces;
}

/**
 * A one-line text (a running head, a table-of-contents entry, a label) as runs of one direction in
 * visual order, its base direction from its first strong character (UAX #9 rules P2–P3).
 */
export function visualRuns(text: string): { text: string; rtl: boolean }[] {
  const levels = bidi.getEmbeddingLevels(text, 'auto').levels;
  const atoms: Atom[] = [];
  const texts: string[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && (levels[i] === levels[start] || /[\uDC00-\uDFFF\p{M}]/u.test(text[i]!))) continue;
    texts.push(text.slice(start, i));
    atoms.push({ level: levels[start]!, width: texts.length - 1 });
    start = i;
  }
  reorder(atoms);
  return atoms.map((a) => ({ text: texts[a.width]!, rtl: a.level % 2 === 1 }));
}
