/**
 * Widths and glyph coverage of the PDF's text faces, through the font registry (src/fonts), so that
 * what the typesetter measures is exactly what the surface later shapes and draws.
 *
 * A {@link Face} is a font stack: its own file first, then the script, symbol and emoji fallbacks of
 * its weight. Text is measured run by run, each run in the face that draws it.
 *
 * Why not measure through pdfkit: layout is pure and runs before any PDF exists; only
 * document.ts touches pdfkit.
 */
import { fallbacks, faceRuns, openFont, stackCanDraw, type FaceRun, type FontId, type FontStack } from '../../fonts/registry.js';
import { shape } from '../../fonts/shape.js';
import { parseStyleKey, type Face } from './text-style.js';
import type { Measurer, StyleKey } from './typeset/measure.js';

const PRIMARY: Record<Face, FontId> = {
  regular: 'serif-regular',
  italic: 'serif-italic',
  bold: 'serif-bold',
  boldItalic: 'serif-boldItalic',
  mono: 'mono-regular',
  monoBold: 'mono-bold',
};

const BOLD: Record<Face, boolean> = { regular: false, italic: false, bold: true, boldItalic: true, mono: false, monoBold: true };

/**
 * The stack of each face. Code falls back to the serif of its weight (the mono family lacks some
 * punctuation) before the script fallbacks.
 */
const STACKS: Record<Face, FontStack> = Object.fromEntries(
  (Object.keys(PRIMARY) as Face[]).map((face) => {
    const own = PRIMARY[face];
    const serif: FontId[] = face === 'mono' ? ['serif-regular'] : face === 'monoBold' ? ['serif-bold'] : [];
    return [face, Object.freeze([own, ...serif, ...fallbacks(BOLD[face])])];
  }),
) as Record<Face, FontStack>;

/** The font stack of a face. */
export function faceStack(face: Face): FontStack {
  return STACKS[face];
}

/** `text` in runs of one font file each (fallback per character). */
export function fontRuns(text: string, face: Face): FaceRun[] {
  return faceRuns(text, STACKS[face]);
}

/** Ascender and descender (negative) of a face's primary font at `size`, in points. */
export function verticalMetrics(face: Face, size: number): { ascent: number; descent: number } {
  let em = EM_METRICS.get(face);
  if (em === undefined) {
    // fontkit reads them through table getters on every access; every line's baseline asks.
    const f = openFont(PRIMARY[face]);
    EM_METRICS.set(face, (em = { ascent: f.ascent / f.unitsPerEm, descent: f.descent / f.unitsPerEm }));
  }
  return { ascent: em.ascent * size, descent: em.descent * size };
}

/** Ascender and descender per face, in ems. */
const EM_METRICS = new Map<Face, { ascent: number; descent: number }>();

/** Whether the face (with its fallbacks) can draw the character (code point). */
export function canDraw(face: Face, codePoint: number): boolean {
  return stackCanDraw(STACKS[face], codePoint);
}

/** Advance width of one run of one font, shaped as the surface shapes it. */
export function runWidth(text: string, font: FontId, size: number): number {
  const run = shape(font, text);
  return (run.advance / run.unitsPerEm) * size;
}

/** Advance width of `text` in a face at `size`: kerning, ligatures and shaping applied per font run. */
export function textWidth(text: string, face: Face, size: number): number {
  if (text === '') return 0;
  let w = 0;
  for (const run of faceRuns(text, STACKS[face])) w += runWidth(run.text, run.font, size);
  return w;
}

/**
 * Widths of the prefixes `text.slice(0, end)` of a word, from one shaping of the whole word where
 * HarfBuzz says a cut there changes nothing (no kerning pair, ligature or contextual form across it:
 * then the prefix alone shapes as the word's first glyphs do); the other prefixes are shaped alone.
 * The numbers are those `textWidth` gives, as the advances are whole font units either way.
 */
export function prefixWidths(text: string, face: Face, size: number, ends: readonly number[]): number[] {
  const runs = faceRuns(text, STACKS[face]);
  const alone = (end: number): number => textWidth(text.slice(0, end), face, size);
  if (runs.length !== 1) return ends.map(alone);
  const run = shape(runs[0]!.font, text);
  if (run.direction === 'rtl') return ends.map(alone);
  const glyphs = run.glyphs;
  const out: number[] = [];
  let g = 0;
  let sum = 0;
  for (const end of ends) {
    while (g < glyphs.length && glyphs[g]!.cluster < end) sum += glyphs[g++]!.xAdvance;
    const next = glyphs[g];
    const safe = end === text.length ? g === glyphs.length : next !== undefined && next.cluster === end && !next.unsafeToBreak;
    out.push(safe ? (sum / run.unitsPerEm) * size : alone(end));
  }
  return out;
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
  prefixWidths(text: string, ends: readonly number[], key: StyleKey): number[] {
    const s = parseStyleKey(key);
    return prefixWidths(text, s.face, s.size, ends);
  },
};
