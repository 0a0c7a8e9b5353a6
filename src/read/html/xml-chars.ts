/**
 * Characters that XML 1.0 forbids or discourages, removed from untrusted input before parsing.
 *
 * EPUB content documents are XML: one U+0001 makes the whole book unreadable. An HTML parser keeps
 * such characters (also inside attributes) and turns `&#1;` back into one, so this runs on the raw
 * input and again on the parsed tree's text and attribute values (see sanitize.ts).
 * https://www.w3.org/TR/xml/#charsets
 */

/** Input with the illegal characters removed, and how many there were (so the caller can warn). */
export interface Stripped {
  text: string;
  removed: number;
}

/**
 * Removes C0 controls other than tab, LF and CR; DEL and C1 controls (discouraged by XML, and they
 * have no glyph, which PDF/UA forbids); lone surrogates; U+FDD0–U+FDEF and every plane's
 * U+xFFFE/U+xFFFF non-characters.
 */
export function stripXmlIllegal(input: string): Stripped {
  // Fast path: nearly all input is clean.
  if (!SUSPECT.test(input)) return { text: input, removed: 0 };
  let text = '';
  let removed = 0;
  // for…of walks code points, and yields a lone surrogate as a one-unit string.
  for (const ch of input) {
    if (isXmlChar(ch.codePointAt(0) ?? 0, ch.length)) text += ch;
    else removed++;
  }
  return { text, removed };
}

// Anything that might need the slow path; paired surrogates are included on purpose (they are
// checked for plane-end non-characters there).
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

function isXmlChar(cp: number, units: number): boolean {
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
  // A surrogate code point from a one-unit string is a lone surrogate.
  if (cp >= 0xd800 && cp <= 0xdfff && units === 1) return false;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  if ((cp & 0xfffe) === 0xfffe) return false;
  return true;
}
