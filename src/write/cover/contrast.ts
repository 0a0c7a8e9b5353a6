/**
 * WCAG 2.2 contrast ratio between two sRGB colours.
 *
 * Why: generated cover text must meet success criterion 1.4.3 (contrast ≥ 4.5:1 for normal text),
 * and the palette is checked against it by computation, not by eye.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** `#rrggbb` → relative luminance, 0 (black) to 1 (white). https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    // The 0.04045 threshold is the sRGB standard's; WCAG 2.x still prints 0.03928, which gives
    // the same result for every 8-bit value.
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio from 1 (same colour) to 21 (black on white); the order of the colours does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG 2.2 level AA minimum for normal-size text (1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;
