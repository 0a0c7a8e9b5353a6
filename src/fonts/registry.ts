/**
 * The one font registry of the build: opens font files with fontkit (once per process), answers
 * which face of a stack draws a character (fallback per character, as CSS font stacks do), and
 * splits text into runs of one face. Used by the PDF writer (coverage, metrics, embedding) and by
 * the cover (ink boxes and outlines, and the files resvg may load); text is shaped by HarfBuzz
 * (shape.ts).
 *
 * Why fontkit here: it parses TrueType fonts and writes their subsets in JavaScript, with no
 * second copy of each font in WebAssembly memory for what needs no shaping.
 */
import { createRequire } from 'node:module';
import { fontPath, type FontId } from './files.js';

export { fallbacks, fontPath, type FontId } from './files.js';

/** A fontkit glyph, as far as this project reads it. */
export interface FontkitGlyph {
  id: number;
  name?: string;
  advanceWidth: number;
  bbox: { minX: number; maxX: number };
  /** The outline, in font units, y up. */
  path: FontkitPath;
}

export interface FontkitPath {
  scale(x: number, y: number): FontkitPath;
  translate(x: number, y: number): FontkitPath;
  toSVG(): string;
}

/** The part of a fontkit font this project uses (fontkit ships no type declarations). */
export interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  familyName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** The glyph of an id (cached by fontkit). Text is shaped by HarfBuzz (shape.ts), not here. */
  getGlyph(id: number): FontkitGlyph;
}

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): unknown };

const opened = new Map<FontId, FontkitFont>();

/** The fontkit font of a face, opened on first use and shared by the whole process. */
export function openFont(id: FontId): FontkitFont {
  let f = opened.get(id);
  if (f === undefined) {
    const file = fontPath(id);
    const font = fontkit.openSync(file) as Partial<FontkitFont>;
    // A collection (.ttc) would need a PostScript name; every registered file is a single font.
    if (typeof font.getGlyph !== 'function' || typeof font.unitsPerEm !== 'number') throw new Error(`not a single font: ${file}`);
    opened.set(id, (f = font as FontkitFont));
  }
  return f;
}

/** A primary face and the faces tried, in order, for a character it lacks. */
export type FontStack = readonly FontId[];

/**
 * Characters that need no glyph of their own: shapers consume joiners and variation selectors
 * (ZWJ/ZWNJ steer Arabic and Indic joining), and they must stay in the run of their neighbours.
 */
const NO_GLYPH = /^[\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u00AD\u200B\u2060\uFEFF]$/u;
/** Combining marks stay with their base character's face, so the shaper can position them. */
const MARK = /^\p{M}$/u;

const choices = new Map<FontStack, Map<number, number>>();

/**
 * Index in `stack` of the face that draws `codePoint`, or -1 when none has it. Cached per stack
 * (stacks are module constants, so identity is a good key).
 */
export function faceIndexFor(stack: FontStack, codePoint: number): number {
  let cache = choices.get(stack);
  if (cache === undefined) choices.set(stack, (cache = new Map()));
  let i = cache.get(codePoint);
  if (i === undefined) {
    i = stack.findIndex((id) => openFont(id).hasGlyphForCodePoint(codePoint));
    cache.set(codePoint, i);
  }
  return i;
}

/** Whether some face of the stack draws the character. */
export function stackCanDraw(stack: FontStack, codePoint: number): boolean {
  return faceIndexFor(stack, codePoint) >= 0;
}

/** A stretch of text set in one face. */
export interface FaceRun {
  text: string;
  font: FontId;
}

/** Code points below this are Latin-1 and ASCII, which every primary face draws (fast path). */
const LATIN1_END = 0x250;

/**
 * `text` split into runs of one face: each character goes to the first face of the stack that has
 * it; joiners, selectors and combining marks follow their neighbour. A character no face has goes
 * to the primary face, whose U+FFFD draws it (shape.ts; the primary faces all have one).
 */
export function faceRuns(text: string, stack: FontStack): FaceRun[] {
  const primary = stack[0]!;
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= LATIN1_END) {
      simple = false;
      break;
    }
  }
  if (simple) return text === '' ? [] : [{ text, font: primary }];
  const runs: FaceRun[] = [];
  let current = -1;
  let start = 0;
  let at = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face: number;
    if (current >= 0 && (NO_GLYPH.test(ch) || MARK.test(ch)) && openFont(stack[current]!).hasGlyphForCodePoint(cp)) face = current;
    else if (current >= 0 && NO_GLYPH.test(ch)) face = current;
    else {
      face = faceIndexFor(stack, cp);
      if (face < 0) face = 0;
      // A space or punctuation the current face has stays in it: fewer runs, and shaping sees the context.
      else if (current >= 0 && face !== current && !/[\p{L}\p{N}\p{M}\p{So}]/u.test(ch) && openFont(stack[current]!).hasGlyphForCodePoint(cp)) face = current;
    }
    if (face !== current) {
      if (current >= 0 && at > start) runs.push({ text: text.slice(start, at), font: stack[current]! });
      current = face;
      start = at;
    }
    at += ch.length;
  }
  if (at > start) runs.push({ text: text.slice(start, at), font: stack[current < 0 ? 0 : current]! });
  return runs;
}
