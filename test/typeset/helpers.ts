/** Shared test helpers for the typesetting core (not a test file). */
import type { Measurer } from '../../src/write/pdf/typeset/measure.js';
import type { Line } from '../../src/write/pdf/typeset/lines.js';
import { HYPHEN } from '../../src/write/pdf/typeset/items.js';

/**
 * Every grapheme cluster is `charWidth` wide (combining marks and joiners add nothing),
 * like a monospace font; style keys of the form `name@2` scale widths by 2.
 */
export function fixedWidthMeasurer(charWidth = 1): Measurer {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const scale = (style: string): number => {
    const at = style.lastIndexOf('@');
    return at >= 0 ? Number(style.slice(at + 1)) : 1;
  };
  return {
    width: (text, style) => {
      let n = 0;
      for (const _ of segmenter.segment(text)) n++;
      return n * charWidth * scale(style);
    },
    spaceWidth: (style) => charWidth * scale(style),
    hyphenWidth: (style) => charWidth * scale(style),
  };
}

/** Widths that vary per code point, to catch arithmetic that only works for monospace. */
export function proportionalMeasurer(): Measurer {
  const w = (cp: number): number => (/\p{M}|\u200D|[\uFE00-\uFE0F]/u.test(String.fromCodePoint(cp)) ? 0 : 3 + (cp % 7) * 0.75);
  return {
    width: (text) => {
      let s = 0;
      for (const ch of text) s += w(ch.codePointAt(0)!);
      return s;
    },
    spaceWidth: () => 2.5,
    hyphenWidth: () => 3.25,
  };
}

/** Text of lines as a reader would reconstruct it: hyphens removed, split words joined, spaces kept. */
export function recoverText(lines: readonly Line[]): string {
  let out = '';
  for (const line of lines) {
    for (const f of line.fragments) {
      out += f.hyphen ? f.text.slice(0, -HYPHEN.length) : f.text;
      if (f.spaceAfter) out += ' ';
    }
    if (line.ending === 'forced') out += ' ';
  }
  return normalize(out);
}

/** Whitespace collapsed, soft hyphens and zero-width spaces removed, as the typesetter reads text. */
export function normalize(text: string): string {
  return text
    .replace(/[\u00AD\u200B]/g, '')
    .replace(/[ \t\n\r\f\v\u00A0\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+/g, ' ')
    .trim();
}

/** Right edge of the rightmost fragment of a line. */
export function rightEdge(line: Line): number {
  return line.fragments.reduce((m, f) => Math.max(m, f.x + f.width), 0);
}

/** Plain lines, for readable assertions. */
export function lineTexts(lines: readonly Line[]): string[] {
  return lines.map((l) =>
    l.fragments
      .map((f, i) => f.text + (f.spaceAfter && i < l.fragments.length - 1 ? ' ' : ''))
      .join(''),
  );
}
