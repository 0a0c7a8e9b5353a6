/**
 * Serializes a cover layout as SVG: the one source picture from which both renditions are drawn.
 */
import { coverFamilies, svgFontAttributes } from './cover-fonts.js';
import { outlinePath, serifSets } from './outline-text.js';
import type { Box, CoverLayout } from './cover-layout.js';
import { escapeXml } from '../xml.js';

/** Points, rounded to a thousandth: enough for 2,500 px renders, and stable text for identical bytes. */
const n = (value: number): string => String(Math.round(value * 1000) / 1000);

/**
 * The SVG of `layout`, showing `view` (a box in trim coordinates: the bleed box for print, the trim
 * for screen) stretched to exactly `pixels`. `preserveAspectRatio="none"` because whole pixel sizes
 * never match the view's ratio exactly; the stretch is under one pixel, whereas "meet" would leave a
 * transparent sliver at an edge.
 */
export function coverSvg(layout: CoverLayout, view: Box, pixels: { width: number; height: number }, lang: string): string {
  const p = layout.palette;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${escapeXml(lang)}" width="${pixels.width}" height="${pixels.height}" ` +
      `viewBox="${n(view.x)} ${n(view.y)} ${n(view.width)} ${n(view.height)}" preserveAspectRatio="none">`,
  );
  const b = layout.bleed;
  // The background covers the bleed box and a margin beyond it, so no edge pixel is ever blended
  // with transparency.
  out.push(`<rect x="${n(-b - 1)}" y="${n(-b - 1)}" width="${n(layout.trim.width + 2 * b + 2)}" height="${n(layout.trim.height + 2 * b + 2)}" fill="${p[layout.background]}"/>`);
  for (const r of layout.rules) {
    out.push(`<rect x="${n(r.box.x)}" y="${n(r.box.y)}" width="${n(r.box.width)}" height="${n(r.box.height)}" fill="${p[r.fill]}"/>`);
  }
  for (const line of layout.lines) {
    if (!serifSets(line.text, line.style)) {
      out.push(`<path d="${outlinePath(line.text, line.style, line.sizePt, line.x, line.baseline, line.trackingPt ?? 0)}" fill="${p[line.fill]}"/>`);
      continue;
    }
    const f = svgFontAttributes(line.style);
    const tracking = line.trackingPt ? ` letter-spacing="${n(line.trackingPt)}"` : '';
    out.push(
      `<text x="${n(line.x)}" y="${n(line.baseline)}" font-family="${escapeXml(coverFamilies(line.text))}" font-size="${n(line.sizePt)}" ` +
        `font-weight="${f.weight}"${f.italic ? ' font-style="italic"' : ''}${tracking} fill="${p[line.fill]}" xml:space="preserve">${escapeXml(line.text)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
