/**
 * Widths and glyph coverage of the embedded fonts, read with fontkit (the shaper pdfkit itself
 * uses), so that what the typesetter measures is exactly what pdfkit later draws.
 *
 * Why not measure through pdfkit: layout is pure and runs before any PDF exists; only
 * document.ts touches pdfkit.
 */
import { createRequire } from 'node:module';
import { FONT_FILES } from './fonts.js';
import { parseStyleKey, type Face } from './text-style.js';
import type { Measurer, StyleKey } from './typeset/measure.js';

/** The part of a fontkit font this module uses (fontkit ships no type declarations). */
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { advanceWidth: number };
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): FontkitFont };

/** Font file of each face. The mono family has no italic: emphasis in code stays upright. */
export function fontFile(face: Face): string {
  switch (face) {
    case 'mono': return FONT_FILES.mono.regular;
    case 'monoBold': return FONT_FILES.mono.bold ?? FONT_FILES.mono.regular;
    default: return FONT_FILES.serif[face];
  }
}

const opened = new Map<string, FontkitFont>();

function font(face: Face): FontkitFont {
  const file = fontFile(face);
  let f = opened.get(file);
  if (!f) opened.set(file, (f = fontkit.openSync(file)));
  return f;
}

/** Ascender and descender (negative) of a face at `size`, in points. */
export function verticalMetrics(face: Face, size: number): { ascent: number; descent: number } {
  const f = font(face);
  return { ascent: (f.ascent / f.unitsPerEm) * size, descent: (f.descent / f.unitsPerEm) * size };
}

/** Whether the face can draw the character (code point). */
export function canDraw(face: Face, codePoint: number): boolean {
  return font(face).hasGlyphForCodePoint(codePoint);
}

/** Advance width of `text` in a face at `size`, kerning and ligatures applied as pdfkit applies them. */
export function textWidth(text: string, face: Face, size: number): number {
  if (text === '') return 0;
  const f = font(face);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * size;
}

/** The typesetter's Measurer over the embedded fonts (style keys from text-style.ts). */
export const fontMeasurer: Measurer = {
  width(text: string, key: StyleKey): number {
    const s = parseStyleKey(key);
    return textWidth(text, s.face, s.size);
  },
  spaceWidth(key: StyleKey): number {
    const s = parseStyleKey(key);
    return textWidth(' ', s.face, s.size);
  },
  hyphenWidth(key: StyleKey): number {
    const s = parseStyleKey(key);
    return textWidth('-', s.face, s.size);
  },
};
