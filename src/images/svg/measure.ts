/**
 * The intrinsic size of an SVG in CSS pixels, as a browser sizes an `<img>` of it
 * (https://www.w3.org/TR/SVG2/coords.html#SizingSVGInCSS): `width`/`height` in absolute units,
 * else from the `viewBox` (keeping its ratio when one of the two is given), else 300×150.
 */

const UNITS: Readonly<Record<string, number>> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };

/** A length in CSS pixels, or undefined for a percentage, `auto` or nonsense. */
export function cssPixels(value: string | undefined): number | undefined {
  const m = /^\s*([+]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  if (!m) return undefined;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  const n = Number(m[1]) * (unit ?? NaN);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The `viewBox` as [minX, minY, width, height], or undefined when absent or degenerate. */
export function viewBox(value: string | undefined): [number, number, number, number] | undefined {
  const parts = (value ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, w, h] = parts as [number, number, number, number];
  return w > 0 && h > 0 ? [x, y, w, h] : undefined;
}

/** Width and height in whole CSS pixels (at least 1). */
export function svgSize(attrs: { width?: string; height?: string; viewBox?: string }): { width: number; height: number } {
  const box = viewBox(attrs.viewBox);
  let width = cssPixels(attrs.width);
  let height = cssPixels(attrs.height);
  if (box) {
    if (width === undefined && height === undefined) [width, height] = [box[2], box[3]];
    else if (width === undefined) width = (height! * box[2]) / box[3];
    else if (height === undefined) height = (width * box[3]) / box[2];
  }
  return { width: Math.max(1, Math.round(width ?? 300)), height: Math.max(1, Math.round(height ?? 150)) };
}
