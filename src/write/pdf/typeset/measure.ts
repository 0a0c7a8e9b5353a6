/**
 * How the typesetter learns the size of text, without knowing about fonts or pdfkit.
 *
 * Why an interface: the line breaker must be testable with a fixed-width measurer and usable
 * with fontkit, pdfkit or anything else that can answer "how wide is this string in that style".
 */

/**
 * An opaque key naming a font, size and any other width-affecting setting, chosen by the caller
 * (for example `'serif-regular-10.5'`). The typesetter only compares keys and passes them back.
 */
export type StyleKey = string;

/** Widths in the caller's unit (points for the PDF writer). */
export interface Measurer {
  /** Advance width of `text` set in `style`, kerning included. */
  width(text: string, style: StyleKey): number;
  /** Width of one interword space in `style`. */
  spaceWidth(style: StyleKey): number;
  /** Width of the hyphen inserted at a hyphenated line end in `style`. */
  hyphenWidth(style: StyleKey): number;
  /**
   * Widths of `text.slice(0, end)` for each of `ends` (ascending), as `width` gives them. Optional:
   * a measurer that can answer from one measurement of `text` (the prefixes of a word at its
   * hyphenation points) saves measuring each prefix.
   */
  prefixWidths?(text: string, ends: readonly number[], style: StyleKey): number[];
}

/**
 * A measurer that remembers every answer of `inner`, keyed by (style, text).
 *
 * Why: shaping is the expensive part of setting text and the same words recur constantly.
 * The caches grow with the vocabulary; `maxEntries` bounds them (a full cache is simply
 * cleared, which is cheap and keeps memory flat on very long books).
 */
export function memoizeMeasurer(inner: Measurer, maxEntries = 200_000): Measurer {
  let widths = new Map<string, number>();
  const spaces = new Map<StyleKey, number>();
  const hyphens = new Map<StyleKey, number>();
  return {
    width(text, style) {
      const key = `${style}\u0000${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = inner.width(text, style);
        if (widths.size >= maxEntries) widths = new Map();
        widths.set(key, w);
      }
      return w;
    },
    spaceWidth(style) {
      let w = spaces.get(style);
      if (w === undefined) spaces.set(style, (w = inner.spaceWidth(style)));
      return w;
    },
    hyphenWidth(style) {
      let w = hyphens.get(style);
      if (w === undefined) hyphens.set(style, (w = inner.hyphenWidth(style)));
      return w;
    },
    ...(inner.prefixWidths && { prefixWidths: inner.prefixWidths.bind(inner) }),
  };
}
