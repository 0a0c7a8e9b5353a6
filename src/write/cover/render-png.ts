/**
 * Rasterizes SVG to PNG with resvg, with the bundled fonts only (and the registry's fallbacks the
 * SVG's text needs; resvg shapes and orders bidirectional text itself). The only file of the cover that
 * imports @resvg/resvg-js.
 *
 * Why resvg: a self-contained renderer in a prebuilt native module (no system libraries, no
 * browser), and deterministic — the same SVG and fonts give the same PNG bytes on every run.
 */
import { renderAsync } from '@resvg/resvg-js';
import { splitOpaque, type SplitImage } from '../pdf/alpha-image.js';
import type { CoverImage } from './cover-art.js';
import { COVER_FAMILY, coverFontFiles } from './cover-fonts.js';
import type { PixelSize } from './renditions.js';

export interface RenderedPng {
  image: CoverImage;
  /**
   * True when not a single pixel was painted. resvg skips an embedded image it cannot decode
   * (a CMYK JPEG, a damaged file) without an error, so callers must check.
   */
  empty: boolean;
  /**
   * The picture as the PDF embeds it (alpha-image.ts), from resvg's pixels rather than by decoding
   * the PNG again; `undefined` unless every pixel is opaque (resvg's pixels are premultiplied by
   * their alpha, the PNG's are not: only opaque ones are the same).
   */
  split(): Promise<SplitImage> | undefined;
}

/**
 * Renders `svg`, whose root element states its size in pixels, to a PNG of exactly `size`.
 * Runs on libuv's thread pool, so several renders proceed in parallel. `loadSystemFonts: false`
 * keeps the picture independent of the machine's fonts.
 */
export async function renderPng(svg: string, size: PixelSize): Promise<RenderedPng> {
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: coverFontFiles(svg), loadSystemFonts: false, defaultFontFamily: COVER_FAMILY },
    logLevel: 'off',
  });
  if (rendered.width !== size.width || rendered.height !== size.height) {
    throw new Error(`rendered ${rendered.width}×${rendered.height} px, expected ${size.width}×${size.height}`);
  }
  let png: Uint8Array | undefined;
  return {
    // Encoded when first read (about 0.1 s on this thread at 300 dpi): a build without a cache,
    // grey press edition or cover wrap embeds the print rendition from `split` and never reads it.
    image: {
      get data(): Uint8Array {
        png ??= new Uint8Array(rendered.asPng());
        return png;
      },
      mediaType: 'image/png',
      width: rendered.width,
      height: rendered.height,
    },
    split: () => splitOpaque(rendered.pixels, rendered.width, rendered.height),
    // Looked at only when asked (a user's picture, not the generated cover): `pixels` copies the
    // whole bitmap out of resvg, 17 MiB at 300 dpi, which the process then keeps as RSS.
    get empty(): boolean {
      const pixels = rendered.pixels;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return false;
      return true;
    },
  };
}
