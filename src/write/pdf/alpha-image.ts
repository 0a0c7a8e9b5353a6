/**
 * PNGs with transparency, split for PDF: the colour samples and the alpha channel (the image's
 * /SMask), both deflated, or the colour alone when every pixel is opaque.
 *
 * Why not pdfkit: for a PNG with an alpha channel (or a palette with tRNS) pdfkit decodes every
 * pixel in JavaScript (png-js) and splits the channels in a loop: 1.5 s of a 300-article book was
 * the cover alone. A plain 8-bit PNG (the generated cover) is unfiltered here in one pass, any other
 * is decoded by sharp (libvips); the two deflates run in zlib's thread pool.
 */
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { plainPng } from './plain-png.js';

const deflateAsync = promisify(deflate);

export interface SplitImage {
  width: number;
  height: number;
  /** 1: DeviceGray, 3: DeviceRGB; 8 bits per sample. */
  colors: 1 | 3;
  /** Colour samples, deflated (/Filter /FlateDecode). */
  color: Uint8Array;
  /** Alpha samples, deflated; absent when the image is opaque. */
  alpha?: Uint8Array;
}

/** Whether `data` is a PNG whose pixels pdfkit would decode for their transparency. */
export function pngHasAlpha(data: Uint8Array): boolean {
  if (data.length < 33 || data[0] !== 0x89 || data[1] !== 0x50 || data[2] !== 0x4e || data[3] !== 0x47) return false;
  const colourType = data[25];
  if (colourType === 4 || colourType === 6) return true;
  // A palette with a tRNS chunk (before IDAT, PNG §5.6).
  if (colourType !== 3) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 8; at + 8 <= data.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(data[at + 4]!, data[at + 5]!, data[at + 6]!, data[at + 7]!);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    at += 12 + length;
  }
  return false;
}

/**
 * Decodes a PNG with transparency to 8-bit samples (sRGB, as sharp converts) and splits them:
 * a plain PNG (plain-png.ts, the generated cover) here, any other with sharp.
 */
export async function splitAlpha(data: Uint8Array): Promise<SplitImage> {
  return splitPlain(data) ?? (await splitWithSharp(data));
}

/** A plain PNG split without sharp; `undefined` for any other. */
export function splitPlain(data: Uint8Array): Promise<SplitImage> | undefined {
  const png = plainPng(data);
  if (!png) return undefined;
  const { width, height, channels } = png;
  const colors = channels === 2 ? 1 : 3;
  const color = new Uint8Array(width * height * colors);
  const alpha = new Uint8Array(width * height);
  let opaque = 255;
  // Each row's offsets and opacity in locals: the loops run once, cold, over millions of samples.
  png.rows((row, y) => {
    let seen = 255;
    let a = y * width;
    if (channels === 4) {
      for (let i = 0, c = a * 3; i < row.length; i += 4, c += 3) {
        color[c] = row[i]!;
        color[c + 1] = row[i + 1]!;
        color[c + 2] = row[i + 2]!;
        seen &= alpha[a++] = row[i + 3]!;
      }
    } else {
      for (let i = 0; i < row.length; i += 2) {
        color[a] = row[i]!;
        seen &= alpha[a++] = row[i + 1]!;
      }
    }
    opaque &= seen;
  });
  return deflated(width, height, colors, color, opaque === 255 ? undefined : alpha);
}

/**
 * RGBA samples (`width × height × 4`) as the PDF embeds an opaque picture: the colour alone,
 * deflated. `undefined` when a pixel is not opaque (the caller then splits the PNG as usual).
 */
export function splitOpaque(rgba: Uint8Array, width: number, height: number): Promise<SplitImage> | undefined {
  const pixels = width * height;
  if (rgba.length !== pixels * 4) throw new Error(`expected ${pixels * 4} RGBA samples, got ${rgba.length}`);
  const color = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, c = 0; p < pixels; p++, i += 4, c += 3) {
    if (rgba[i + 3] !== 255) return undefined;
    color[c] = rgba[i]!;
    color[c + 1] = rgba[i + 1]!;
    color[c + 2] = rgba[i + 2]!;
  }
  return deflated(width, height, 3, color, undefined);
}

/** Decodes any PNG with transparency with sharp (libvips), to sRGB, and splits it. */
export async function splitWithSharp(data: Uint8Array): Promise<SplitImage> {
  const sharp = (await import('sharp')).default;
  const image = sharp(data);
  // A grey PNG stays grey: sharp hands back sRGB (and its b-w conversion drops the alpha), whose
  // three channels are then equal, so the first is the grey. The grey press edition depends on it.
  const { space, channels: inputChannels } = await image.metadata();
  const grey = space === 'b-w' || space === 'grey16' || inputChannels === 2;
  const { data: raw, info } = await image.ensureAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  if (channels !== 2 && channels !== 4) throw new Error(`expected grey or RGB with alpha, got ${channels} channels`);
  const colors = channels === 2 || grey ? 1 : 3;
  const pixels = info.width * info.height;
  const color = new Uint8Array(pixels * colors);
  const alpha = new Uint8Array(pixels);
  let opaque = true;
  for (let p = 0, i = 0, c = 0; p < pixels; p++) {
    for (let k = 0; k < colors; k++) color[c++] = raw[i + k]!;
    i += channels - 1;
    const a = raw[i++]!;
    alpha[p] = a;
    if (a !== 255) opaque = false;
  }
  return deflated(info.width, info.height, colors, color, opaque ? undefined : alpha);
}

/** The colour and the alpha (when it hides something), deflated side by side in zlib's thread pool. */
async function deflated(width: number, height: number, colors: 1 | 3, color: Uint8Array, alpha: Uint8Array | undefined): Promise<SplitImage> {
  const [deflatedColor, deflatedAlpha] = await Promise.all([deflateAsync(color), alpha ? deflateAsync(alpha) : undefined]);
  return { width, height, colors, color: deflatedColor, ...(deflatedAlpha ? { alpha: deflatedAlpha } : {}) };
}
