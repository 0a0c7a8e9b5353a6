/**
 * Test helper: decodes cover renditions to RGBA and compares pictures at a common small size, so
 * "print and screen are the same picture" can be checked without caring about anti-aliasing.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { CoverImage } from '../../../src/write/cover/cover-art.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, rows top to bottom. */
  data: Uint8Array;
}

/** Decodes a PNG or JPEG cover image; throws when the bytes are not a valid image of its type. */
export function decode(image: Pick<CoverImage, 'data' | 'mediaType'>): Raster {
  const buf = Buffer.from(image.data);
  if (image.mediaType === 'image/png') {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  }
  const jpg = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true });
  return { width: jpg.width, height: jpg.height, data: jpg.data };
}

/** The part of `r` inside the given pixel box. */
export function crop(r: Raster, x: number, y: number, width: number, height: number): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * r.width + x) * 4;
    data.set(r.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/**
 * Area-average downscale to `width` × `height`: each target pixel is the mean of the source area it
 * covers, partial source pixels weighted by their covered fraction, so two renditions at different
 * sizes land on the same grid without sub-pixel drift. Separable: rows, then columns.
 */
export function resize(r: Raster, width: number, height: number): Raster {
  const across = resample(r.data, r.width, r.height, width, true);
  const down = resample(across, width, r.height, height, false);
  return { width, height, data: Uint8Array.from(down, (v) => Math.round(v)) };
}

/** One pass of the area average, along x (`horizontal`) or y. Input and output are RGBA planes. */
function resample(src: Uint8Array | Float64Array, w: number, h: number, target: number, horizontal: boolean): Float64Array {
  const from = horizontal ? w : h;
  const scale = from / target;
  const outW = horizontal ? target : w;
  const outH = horizontal ? h : target;
  const out = new Float64Array(outW * outH * 4);
  for (let t = 0; t < target; t++) {
    const start = t * scale;
    const end = start + scale;
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const weight = (Math.min(end, s + 1) - Math.max(start, s)) / scale;
      const lines = horizontal ? h : w;
      for (let l = 0; l < lines; l++) {
        const si = (horizontal ? l * w + s : s * w + l) * 4;
        const oi = (horizontal ? l * outW + t : t * outW + l) * 4;
        for (let c = 0; c < 4; c++) out[oi + c] += src[si + c] * weight;
      }
    }
  }
  return out;
}

/** Mean absolute difference per colour channel (0–255) of two rasters of the same size; alpha ignored. */
export function meanDifference(a: Raster, b: Raster): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c] - b.data[i + c]);
  }
  return sum / ((a.data.length / 4) * 3);
}

/**
 * How different two pictures are once both are reduced to `width` px wide (height by `a`'s ratio):
 * near 0 for renditions of one picture, tens for different pictures.
 */
export function pictureDistance(a: Raster, b: Raster, width = 200): number {
  const height = Math.round((width * a.height) / a.width);
  return meanDifference(resize(a, width, height), resize(b, width, height));
}

/** The pixel at (x, y) as `#rrggbb`. */
export function pixel(r: Raster, x: number, y: number): string {
  const i = (y * r.width + x) * 4;
  return `#${[0, 1, 2].map((c) => r.data[i + c].toString(16).padStart(2, '0')).join('')}`;
}
