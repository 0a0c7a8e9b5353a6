/**
 * The text styles of the PDF and their string keys.
 *
 * Why string keys: the typesetter treats a style as an opaque `StyleKey` it only compares and hands
 * back to the measurer, so one key must name everything that changes a width (face and size);
 * everything else (colour, baseline shift) travels with the fragment.
 */
import type { StyleKey } from './typeset/measure.js';

export type Face = 'regular' | 'italic' | 'bold' | 'boldItalic' | 'mono' | 'monoBold';

export interface TextStyle {
  face: Face;
  /** Font size in points. */
  size: number;
}

/** `regular@10.5` — the inverse of {@link parseStyleKey}. */
export function styleKey(style: TextStyle): StyleKey {
  return `${style.face}@${round(style.size)}`;
}

/**
 * The style a key names. One frozen object per key, shared: every placed fragment carries its
 * style, and a book has a handful of styles but hundreds of thousands of fragments.
 */
export function parseStyleKey(key: StyleKey): TextStyle {
  let style = parsed.get(key);
  if (style === undefined) {
    const at = key.lastIndexOf('@');
    style = Object.freeze({ face: key.slice(0, at) as Face, size: Number(key.slice(at + 1)) });
    parsed.set(key, style);
  }
  return style;
}

const parsed = new Map<StyleKey, TextStyle>();

/** The face with emphasis toggled (emphasis inside italic sets upright, as typographers do). */
export function emphasize(face: Face): Face {
  switch (face) {
    case 'regular': return 'italic';
    case 'italic': return 'regular';
    case 'bold': return 'boldItalic';
    case 'boldItalic': return 'bold';
    default: return face;
  }
}

/** The face made bold. */
export function strengthen(face: Face): Face {
  switch (face) {
    case 'regular': return 'bold';
    case 'italic': return 'boldItalic';
    case 'mono': return 'monoBold';
    default: return face;
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
