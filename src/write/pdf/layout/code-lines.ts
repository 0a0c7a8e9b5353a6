/**
 * The lines of a code block as the PDF sets them, with where each character came from.
 *
 * Why keep source positions: the page map records where a printed page begins as an offset into
 * the block's text (`CodeBlock.value`, as the EPUB writes it), and a page may begin on any line of
 * a long listing, or on the continuation of a wrapped one. Tabs are expanded and line ends may be
 * CRLF or CR, so the set text and the source differ in length; every offset is mapped back.
 */

/** Columns between tab stops (the width most editors and GitHub show a tab at). */
export const TAB_SIZE = 4;

/** One source line of a code block. */
export interface CodeLine {
  /** The line with tabs expanded to the next tab stop. */
  text: string;
  /** Offset of the line's first character in the block's value. */
  start: number;
  /** Offset in the block's value of the character at `text[i]` (a tab's spaces all map to the tab). */
  source(i: number): number;
}

/** The lines of `value`, split at LF, CRLF or CR, tabs expanded. */
export function codeLines(value: string): CodeLine[] {
  const out: CodeLine[] = [];
  const ends = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const m = ends.exec(value);
    const end = m ? m.index : value.length;
    out.push(expandTabs(value.slice(start, end), start));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

function expandTabs(raw: string, start: number): CodeLine {
  if (!raw.includes('\t')) return { text: raw, start, source: (i) => start + Math.min(i, raw.length) };
  let text = '';
  const from: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    const n = c === '\t' ? TAB_SIZE - (text.length % TAB_SIZE) : 1;
    text += c === '\t' ? ' '.repeat(n) : c;
    for (let j = 0; j < n; j++) from.push(k);
  }
  return { text, start, source: (i) => start + (i < from.length ? from[i]! : raw.length) };
}
