/**
 * The print rendition of a sanitised SVG. Preferred: vectors — usvg (resvg's front end) resolves
 * CSS, `<use>`, and turns text into glyph outlines in the bundled fonts; svg-to-pdfkit then draws
 * that plain tree of paths and gradients into the PDF. A drawing usvg keeps raster parts or filters
 * in (embedded `<image>`, blur, drop shadow), which svg-to-pdfkit cannot draw faithfully, is
 * rasterised by resvg instead, wide enough for 300 dpi across the widest text block (8 in).
 *
 * Why text as outlines: chart labels are not article text. As real text they would enter the
 * PDF's text layer in drawing order (axis ticks, legends) and interleave with the article's words
 * for copy, search and read-aloud; as outlines the figure is described once, by its /Alt.
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { PrintImage } from '../image.js';
import { SVG_DEFAULT_FAMILY, svgFontFiles } from './fonts.js';

/** Pixels across for a rasterised SVG: 300 dpi over 8 inches, more than any text block is wide. */
export const SVG_RASTER_WIDTH = 2400;

/** The SVG's characters pick the fallback files (its markup is ASCII, so only text adds any). */
const fontOptions = (svg: string) => ({ fontFiles: svgFontFiles(svg), loadSystemFonts: false, defaultFontFamily: SVG_DEFAULT_FAMILY });

/** Vectors when svg-to-pdfkit can draw the simplified tree faithfully, else a 300 dpi PNG. */
export async function svgPrintImage(svg: string): Promise<PrintImage> {
  const simplified = new Resvg(svg, { font: fontOptions(svg), logLevel: 'off' }).toString();
  if (!/<(?:image|filter)\b/.test(simplified)) return { kind: 'vector', svg: simplified };
  return rasterizeSvg(svg, SVG_RASTER_WIDTH);
}

/** The SVG drawn `pixels` wide (or tall, with `fit: 'height'`) as a PNG; transparency is kept. */
export async function rasterizeSvg(svg: string, pixels: number, fit: 'width' | 'height' = 'width'): Promise<PrintImage & { kind: 'bitmap' }> {
  const rendered = await renderAsync(svg, { fitTo: { mode: fit, value: pixels }, font: fontOptions(svg), logLevel: 'off' });
  return { kind: 'bitmap', data: new Uint8Array(rendered.asPng()), mediaType: 'image/png', width: rendered.width, height: rendered.height };
}
