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
import { reorder } from '../../../text/bidi.js';
import type { Measurer } from '../typeset/measure.js';
import type { SetFragment, SetLine } from '../layout/set-paragraph.js';

export { embeddingLevels, hasRtl, isRtlLang, paragraphDirection, visualRuns } from '../../../text/bidi.js';

/** A fragment with its resolved level. */
export interface BidiFragment extends SetFragment {
  /** Odd: drawn right to left. */
  rtl?: boolean;
  /**
   * Where the space after the word (in reading order) lies, from the fragment's x: in the gap that
   * follows it, which the bidi levels may have moved to its left (an Arabic word ending a phrase
   * inside English keeps its space on the right, an Arabic word inside Arabic on the left).
   */
  spaceDx?: number;
}

interface Atom {
  level: number;
  width: number;
  fragment?: BidiFragment;
  /** For a gap: the piece whose trailing space it holds. */
  after?: BidiFragment;
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
    let last: BidiFragment | undefined;
    for (const piece of splitByLevel(f, text, levels, measurer)) {
      atoms.push({ level: piece.level, width: piece.fragment.width, fragment: piece.fragment });
      last = piece.fragment;
    }
    const next = frags[k + 1];
    if (next) {
      const gap = next.x - (f.x + f.width);
      const lv = f.endOffset < levels.length ? levels[f.endOffset]! : baseLevel;
      if (Math.abs(gap) > 1e-9) atoms.push({ level: lv, width: gap, ...(f.space && last ? { after: last } : {}) });
    }
  });
  if (!atoms.some((a) => a.level % 2 === 1) && baseLevel === 0) return line;
  reorder(atoms);
  let x = frags[0]?.x ?? 0;
  if (base === 'rtl') x -= indent;
  const out: BidiFragment[] = [];
  const placed = new Map<BidiFragment, BidiFragment>();
  const gapAt = new Map<BidiFragment, number>();
  for (const a of atoms) {
    if (a.fragment) {
      const f: BidiFragment = { ...a.fragment, x, ...(a.level % 2 === 1 ? { rtl: true } : {}) };
      placed.set(a.fragment, f);
      out.push(f);
    } else if (a.after) {
      // A gap at an odd level is laid out right to left: its space glyph sits at its right end.
      gapAt.set(a.after, a.level % 2 === 1 ? x + a.width - measurer.spaceWidth(a.after.style) : x);
    }
    x += a.width;
  }
  for (const [piece, gx] of gapAt) {
    const f = placed.get(piece);
    if (f) f.spaceDx = gx - f.x;
  }
  // Positions are visual; the order stays logical, because it is the content stream's order, which
  // is what the structure tree (and a screen reader) reads.
  out.sort((a, b) => a.offset - b.offset);
  return { ...line, fragments: out, width: x + (base === 'rtl' ? indent : 0) };
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

