/**
 * Pixel sizes of the two cover renditions.
 *
 * - Print: 300 dpi at the printed size, the resolution print services ask for (KDP, IngramSpark);
 *   A5 (148 × 210 mm) is 1748 × 2480 px, 6 × 9 in is 1800 × 2700 px, bleed adds to both.
 * - Screen: long side 2560 px, the top of the 1600–2560 px range reading systems and stores
 *   recommend (KDP asks for 1600 × 2560; Apple Books for at least 1400 px wide).
 */

export const PRINT_DPI = 300;
export const SCREEN_LONG_SIDE = 2560;
export const SCREEN_MIN_LONG_SIDE = 1600;

export interface PixelSize {
  width: number;
  height: number;
}

/** Pixels for `widthPt` × `heightPt` at `PRINT_DPI`, rounded up so that neither side falls below it. */
export function printPixels(widthPt: number, heightPt: number): PixelSize {
  const px = (pt: number): number => Math.ceil((pt / 72) * PRINT_DPI - 1e-6);
  return { width: px(widthPt), height: px(heightPt) };
}

/** `width` × `height` scaled so that the long side is `longSide`, the ratio kept. */
export function scaleToLongSide(width: number, height: number, longSide = SCREEN_LONG_SIDE): PixelSize {
  const scale = longSide / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
