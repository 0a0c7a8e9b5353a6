/**
 * Makes sure every character the PDF draws exists in the embedded font that draws it.
 *
 * Why: a missing glyph is drawn as `.notdef` (an empty box, or nothing at all), which loses text
 * silently and breaks PDF/UA-1 §7.21.7. A character no embedded face has is reported once per
 * article, with its code point, and printed as U+FFFD (a visible "�", fonts/shape.ts) so the gap
 * is noticed, while the text keeps the character: it comes back from the PDF as itself.
 */
import { canDraw } from './font-metrics.js';
import type { Face } from './text-style.js';

/** Characters that are never drawn and so need no glyph (controls, joiners, soft hyphen, BOM). */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/** What a joiner that steers the shaper follows. */
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** Called for each character no face of the stack draws (it prints as U+FFFD, fonts/shape.ts). */
export type MissingGlyph = (char: string, face: Face) => void;

/**
 * `text` ready to draw in `face`, every character it cannot draw reported (and kept). Newlines and
 * tabs pass (they are layout, not glyphs), and so do the joiners ZWNJ and ZWJ after a letter or a
 * mark: they draw nothing but steer the shaper (a Persian ZWNJ keeps می‌خواهم from joining, a
 * Sinhala ZWJ makes the ශ්‍රී conjunct), and the runs that hold them extract with them
 * (fonts/shape.ts, text/clusters.ts). Between emoji a ZWJ is dropped, as before: the monochrome
 * emoji face draws the people of 👩‍👩‍👧 one by one either way, and the /ActualText the joiner
 * would need stops poppler's structure reader. Other controls and default-ignorable characters
 * are removed.
 */
export function drawableText(text: string, face: Face, missing: MissingGlyph): string {
  // Most text is Latin that the face draws as it is: checked against a table, without building a copy.
  const plain = plainTable(face);
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= PLAIN_END || plain[c] === 0) break;
    i++;
  }
  if (i === text.length) return text;
  let out = '';
  let previous = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const before = previous;
    previous = ch;
    if (ch === '\n' || ch === '\t' || ch === '\u00AD' || ch === '\u200B' || ch === '\u00A0') {
      out += ch;
    } else if ((ch === '\u200C' || ch === '\u200D') && LETTER_OR_MARK.test(before)) {
      out += ch;
    } else if (INVISIBLE.test(ch)) {
      // Dropped: the typesetter never draws them and fonts rarely have them.
      continue;
    } else if (canDraw(face, cp)) {
      out += ch;
    } else {
      // Kept: drawn as U+FFFD by the primary face (fonts/shape.ts), it still extracts as itself.
      missing(ch, face);
      out += ch;
    }
  }
  return out;
}

/** Code points below this (Latin-1 and Latin Extended) are looked up in a table per face. */
const PLAIN_END = 0x250;
const plainTables = new Map<Face, Uint8Array>();

/** Per face, 1 for each code point below PLAIN_END that drawableText keeps as it is. */
function plainTable(face: Face): Uint8Array {
  let table = plainTables.get(face);
  if (table === undefined) {
    table = new Uint8Array(PLAIN_END);
    for (let cp = 0; cp < PLAIN_END; cp++) {
      const ch = String.fromCharCode(cp);
      const passes = ch === '\n' || ch === '\t' || ch === '\u00AD' || ch === '\u00A0';
      table[cp] = passes || (!INVISIBLE.test(ch) && canDraw(face, cp)) ? 1 : 0;
    }
    plainTables.set(face, table);
  }
  return table;
}

/** `U+1F600`. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
