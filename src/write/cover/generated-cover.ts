/**
 * Typographic cover art, for publications without a cover image: laid out from the metadata,
 * written once as SVG, rendered twice from that same SVG — print at 300 dpi over trim and bleed,
 * screen at 2560 px over the trim. Same picture, so the EPUB and the PDF show the same cover.
 *
 * Why the screen rendition shows the trim and not the bleed: the bleed is cut off in print, so the
 * trim is what a reader of the printed copy sees; a reading system should show the same.
 * Without bleed the two renditions cover the same area.
 */
import type { CoverArt } from './cover-art.js';
import { generatedAlt } from './cover-alt.js';
import { coverLayout } from './cover-layout.js';
import { coverSvg } from './cover-svg.js';
import { coverText } from './cover-text.js';
import { coverMeasure, type TextMeasure } from './font-metrics.js';
import type { MetadataRecord } from '../metadata/record.js';
import { printPixels, scaleToLongSide } from './renditions.js';
import { renderPng } from './render-png.js';

export interface GeneratedCoverArgs {
  metadata: MetadataRecord;
  trim: { widthPt: number; heightPt: number };
  bleedPt: number;
  /** Default: the bundled fonts, shaped by HarfBuzz (font-metrics.ts). */
  measure?: TextMeasure;
}

/** The SVG source and its renditions; the SVG is kept for tests and debugging. */
export interface GeneratedCover extends CoverArt {
  svg: { print: string; screen: string };
}

/** Builds the generated cover. Deterministic: the same record and sizes give the same bytes. */
export async function generatedCover(args: GeneratedCoverArgs): Promise<GeneratedCover> {
  const { metadata, bleedPt: bleed } = args;
  const trim = { width: args.trim.widthPt, height: args.trim.heightPt };
  const text = coverText(metadata);
  const layout = coverLayout(text, trim, bleed, args.measure ?? coverMeasure());
  const printView = { x: -bleed, y: -bleed, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed };
  const screenView = { x: 0, y: 0, width: trim.width, height: trim.height };
  const printSize = printPixels(printView.width, printView.height);
  const screenSize = scaleToLongSide(trim.width, trim.height);
  const svg = {
    print: coverSvg(layout, printView, printSize, metadata.lang),
    screen: coverSvg(layout, screenView, screenSize, metadata.lang),
  };
  // Two independent renders on libuv's thread pool, in parallel.
  const [print, screen] = await Promise.all([renderPng(svg.print, printSize, 'when-read'), renderPng(svg.screen, screenSize)]);
  // The PDF's form of the print rendition, from the pixels: the PNG need not be decoded again.
  const split = await print.split();
  if (split) print.image.split = split;
  return { origin: 'generated', alt: generatedAlt(text), print: print.image, screen: screen.image, svg };
}
