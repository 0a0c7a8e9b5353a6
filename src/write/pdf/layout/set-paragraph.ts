/**
 * Sets styled runs into positioned lines with the typesetter (typeset/: item building with
 * hyphenation, Knuth–Plass breaking) and places every fragment at an explicit x.
 *
 * Why explicit positions: pdfkit's `align: 'justify'` widens gaps without drawing space glyphs,
 * so extracted text runs words together (design.md §4). Here each word is drawn where the
 * breaker put it and followed by a real space glyph; justification is the position of the next
 * word, never a missing space.
 */
import { breakLines } from '../typeset/break-lines.js';
import { isForced, lineStartAfter, type Item } from '../typeset/items.js';
import type { Measurer, StyleKey } from '../typeset/measure.js';
import { paragraphItems, type Run } from '../typeset/paragraph.js';

export type { Run };

export interface SetFragment {
  /** From the line's left edge. */
  x: number;
  width: number;
  text: string;
  style: StyleKey;
  ref: unknown;
  /** Offsets in the concatenated run text. */
  offset: number;
  endOffset: number;
  /** A space follows in the source (draw a space glyph after the fragment). */
  space: boolean;
}

export interface SetLine {
  fragments: SetFragment[];
  /** The line ends inside a word, at an inserted hyphen (drawn after the last fragment). */
  hyphenated: boolean;
  /** Natural width of the line's content (for right and centre alignment). */
  width: number;
}

export interface SetOptions {
  /** Line width; `firstIndent` narrows the first line. */
  width: number;
  firstIndent?: number;
  lang: string;
  measurer: Measurer;
  /** Justify (default) or set ragged-right. */
  align: 'justify' | 'left';
  hyphenate?: boolean;
}

export interface SetResult {
  lines: SetLine[];
  /** True when the paragraph could not be justified well and was set ragged instead. */
  ragged: boolean;
}

/** Sets a paragraph; an empty paragraph gives no lines. */
export function setParagraph(runs: readonly Run[], options: SetOptions): SetResult {
  const justify = options.align === 'justify';
  const indent = options.firstIndent ?? 0;
  const widths = indent > 0 ? [options.width - indent, options.width] : options.width;
  const items = paragraphItems(runs, {
    lang: options.lang,
    measurer: options.measurer,
    justify,
    hyphenate: options.hyphenate ?? true,
    maxWidth: options.width - indent,
  });
  if (items.length === 0) return { lines: [], ragged: false };
  let result = breakLines(items, widths, justify ? {} : { raggedStretch: options.width / 3 });
  let ragged = !justify;
  if (justify && !result.feasible) {
    // Better an honest rag than rivers: re-break with rigid spaces.
    const rigid = paragraphItems(runs, { lang: options.lang, measurer: options.measurer, justify: false, hyphenate: options.hyphenate ?? true, maxWidth: options.width - indent });
    result = breakLines(rigid, widths, { raggedStretch: options.width / 3 });
    return { lines: place(rigid, result.breaks, result.ratios, true), ragged: true };
  }
  return { lines: place(items, result.breaks, result.ratios, ragged), ragged };
}

function place(items: readonly Item[], breaks: readonly number[], ratios: readonly number[], ragged: boolean): SetLine[] {
  const lines: SetLine[] = [];
  let start = 0;
  breaks.forEach((b, n) => {
    let r = ratios[n] ?? 0;
    if (ragged || b === items.length - 1) r = Math.min(r, 0);
    if (r > 0 && !Number.isFinite(r)) r = 0;
    // An overfull line (a last-resort break) cannot shrink past its glue's shrink: −∞ × 0 is NaN.
    if (!(r >= -1)) r = r < -1 ? -1 : 0;
    const fragments: SetFragment[] = [];
    let x = 0;
    let gap = false;
    for (let i = start; i < b; i++) {
      const item = items[i]!;
      if (item.type === 'box') {
        const last = fragments[fragments.length - 1];
        if (last && !gap && last.style === item.style && last.ref === item.ref && last.endOffset === item.offset) {
          last.text += item.text;
          last.width += item.width;
          last.endOffset = item.endOffset;
        } else if (item.text !== '') {
          fragments.push({ x, width: item.width, text: item.text, style: item.style, ref: item.ref, offset: item.offset, endOffset: item.endOffset, space: false });
        }
        x += item.width;
        gap = false;
      } else if (item.type === 'glue') {
        const stretch = Number.isFinite(item.stretch) ? item.stretch : 0;
        const adjust = r >= 0 ? r * stretch : r * item.shrink;
        x += item.width + adjust;
        // Stretched structural glue (between CJK characters) separates what is drawn on either side.
        if (item.text === '' && item.width + adjust !== 0) gap = true;
        if (item.text !== '') {
          const last = fragments[fragments.length - 1];
          if (last) last.space = true;
          gap = true;
        }
      }
    }
    const end = items[b];
    const hyphenated = end !== undefined && end.type === 'penalty' && end.width > 0;
    // A line that ends at a space keeps it, so that extraction never joins the line's last word
    // to the next line's first.
    const lastFragment = fragments[fragments.length - 1];
    if (lastFragment && end?.type === 'glue' && end.text !== '') lastFragment.space = true;
    // So does a line ended by an explicit line break (`<br>`): the source's newline separates words too.
    if (lastFragment && b < items.length - 1 && end !== undefined && isForced(end)) lastFragment.space = true;
    lines.push({ fragments, hyphenated, width: x });
    start = lineStartAfter(items, b);
  });
  return lines;
}
