/**
 * Decoding and converting bitmaps: the only file that imports sharp (libvips) and the BMP decoder.
 *
 * Why sharp: one maintained library reads every bitmap format real articles use (JPEG, PNG incl.
 * 16-bit and interlaced, GIF, WebP, AVIF/HEIF, TIFF) and writes PNG and JPEG; its prebuilt libvips
 * ships inside its npm packages (about 19 MB installed, no download at install time). Measured on a
 * 2-megapixel WebP it decodes at least as fast as @jsquash/webp (WASM); the pure route would need a
 * package per format (@jsquash/webp, @jsquash/avif, gifuct-js, utif) plus a PNG and a JPEG encoder.
 * libvips has no BMP reader, so BMP goes through bmp-ts (pure TypeScript) into sharp's raw input.
 */
import type { Sharp, SharpInput, SharpOptions } from 'sharp';
import type { ImageFormat } from './sniff.js';

type SharpFactory = (input?: SharpInput, options?: SharpOptions) => Sharp;
let loading: Promise<SharpFactory> | undefined;

/**
 * sharp, loaded on first use: loading libvips costs about 0.2 s of CPU, which a book without
 * bitmaps (and `broadsheet --version`) should not pay.
 */
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}

/** The BMP decoder, loaded by the first BMP. */
async function loadBmp(): Promise<typeof import('bmp-ts').decode> {
  return (await import('bmp-ts')).decode;
}

export interface BitmapInfo {
  width: number;
  height: number;
  /** Frames (pages) in the file: more than one is an animation. */
  frames: number;
  hasAlpha: boolean;
}

/** Size, frame count and alpha of a bitmap sharp reads; throws on undecodable data. */
export async function bitmapInfo(data: Uint8Array, format: ImageFormat): Promise<BitmapInfo> {
  if (format === 'bmp') {
    const bmp = (await loadBmp())(Buffer.from(data));
    return { width: bmp.width, height: bmp.height, frames: 1, hasAlpha: false };
  }
  const sharp = await loadSharp();
  const meta = await sharp(data, { failOn: 'error' }).metadata();
  if (!meta.width || !meta.height) throw new Error('no image size');
  // For a multi-page image `height` may be the first page's (pageHeight) or the whole strip's.
  const height = meta.pageHeight ?? meta.height;
  return { width: meta.width, height, frames: meta.pages ?? 1, hasAlpha: meta.hasAlpha ?? false };
}

/**
 * The first frame as a JPEG (quality 92, no chroma subsampling) for opaque pictures from photo
 * formats (WebP, AVIF, HEIF: already lossy, and PNG would be several times larger and slower to
 * write), else as PNG (lossless; keeps alpha; GIF, TIFF and BMP are mostly drawings and scans).
 * Output bytes depend only on the input and the libvips version, so builds stay reproducible.
 */
export async function toPrintable(data: Uint8Array, format: ImageFormat): Promise<{ data: Uint8Array; mediaType: 'image/png' | 'image/jpeg'; width: number; height: number }> {
  const sharp = await loadSharp();
  let image: Sharp;
  if (format === 'bmp') {
    const bmp = (await loadBmp())(Buffer.from(data), { toRGBA: true });
    image = sharp(bmp.data, { raw: { width: bmp.width, height: bmp.height, channels: 4 } });
  } else {
    image = sharp(data, { failOn: 'error', pages: 1 });
  }
  const meta = format === 'bmp' ? undefined : await sharp(data, { pages: 1 }).metadata();
  const photo = (format === 'webp' || format === 'avif' || format === 'heif') && !(meta?.hasAlpha ?? false);
  const out = photo
    ? await image.rotate().jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer({ resolveWithObject: true })
    : await image.rotate().png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(out.data), mediaType: photo ? 'image/jpeg' : 'image/png', width: out.info.width, height: out.info.height };
}

/**
 * A thumbnail whose long side is at most `maxSide` px (never enlarged), as a JPEG (quality 82) on
 * white where the image had transparency: catalogue apps show covers small, and a JPEG of a
 * 512 px cover is a tenth of its PNG. Deterministic for a given libvips, like `toPrintable`.
 */
export async function thumbnail(data: Uint8Array, maxSide: number): Promise<{ data: Uint8Array; mediaType: 'image/jpeg'; width: number; height: number }> {
  const sharp = await loadSharp();
  const out = await sharp(data, { failOn: 'error', pages: 1 })
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(out.data), mediaType: 'image/jpeg', width: out.info.width, height: out.info.height };
}
