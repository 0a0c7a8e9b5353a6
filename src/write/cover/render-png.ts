/**
 * Rasterizes SVG to PNG with resvg, with the bundled fonts only (and the registry's fallbacks the
 * SVG's text needs; resvg shapes and orders bidirectional text itself). The only file of the cover that
 * imports @resvg/resvg-js.
 *
 * Why resvg: a self-contained renderer in a prebuilt native module (no system libraries, no
 * browser), and deterministic — the same SVG and fonts give the same PNG bytes on every run.
 */
import { renderAsync, type RenderedImage } from '@resvg/resvg-js';
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
 * keeps the picture independent of the machine's fonts. `encode: 'when-read'` encodes the PNG
 * when its `data` is first read, not now (about 0.1 s on this thread at 300 dpi): the print
 * rendition of generated art, which a build without a cache embeds from `split` and never reads
 * (a grey press edition does). resvg's bitmap is kept until then (17 MiB at 300 dpi).
 */
export async function renderPng(svg: string, size: PixelSize, encode: 'now' | 'when-read' = 'now'): Promise<RenderedPng> {
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: coverFontFiles(svg), loadSystemFonts: false, defaultFontFamily: COVER_FAMILY },
    logLevel: 'off',
  });
  const { width, height } = rendered;
  if (width !== size.width || height !== size.height) throw new Error(`rendered ${width}×${height} px, expected ${size.width}×${size.height}`);
  return {
    image: encode === 'now' ? { data: new Uint8Array(rendered.asPng()), mediaType: 'image/png', width, height } : encodedWhenRead(rendered),
    split: () => splitOpaque(rendered.pixels, width, height),
    // Looked at only when asked (a user's picture, not the generated cover): `pixels` copies the
    // whole bitmap out of resvg, 17 MiB at 300 dpi, which the process then keeps as RSS.
    get empty(): boolean {
      const pixels = rendered.pixels;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return false;
      return true;
    },
  };
}

/** A PNG encoded when its `data` is first read; resvg's bitmap is let go then. */
function encodedWhenRead(rendered: RenderedImage): CoverImage {
  let bitmap: RenderedImage | undefined = rendered;
  let png: Uint8Array | undefined;
  return {
    get data(): Uint8Array {
      if (!png) {
        png = new Uint8Array(bitmap!.asPng());
        bitmap = undefined;
      }
      return png;
    },
    mediaType: 'image/png',
    width: rendered.width,
    height: rendered.height,
  };
}
