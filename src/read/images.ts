/**
 * Loads the images an article names, once, before any writer runs: checks that they exist, stay
 * inside the article's folder, are JPEG or PNG within the size limits, and gives each a stable name.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostics } from '../check/diagnostic.js';

export interface LoadedImage {
  /** Stable id, derived from the bytes: `img-<12 hex>`. Also the figure's `src` after loading. */
  id: string;
  /** Stable file name inside the EPUB, e.g. `images/img-0123456789ab.png`. */
  fileName: string;
  mediaType: 'image/jpeg' | 'image/png';
  data: Uint8Array;
  /** Pixel size. */
  width: number;
  height: number;
  /** The file the image was read from, or the URL it was downloaded from. */
  file: string;
}

export type ImageStore = Map<string, LoadedImage>;

export interface ImageLimits {
  /** Largest image file in bytes. Default 50 MB. */
  maxBytes: number;
  /** Largest width or height in pixels. Default 30,000. */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 50_000_000, maxPixels: 30_000 };

/** A place that names an image, for the messages. */
export interface ImageRef { src: string; file: string; baseDir: string; field: string }

/**
 * Loads one image, reporting problems to `diagnostics` (and returning undefined) instead of throwing,
 * so every bad image of a run is reported together.
 */
export async function loadImage(ref: ImageRef, store: ImageStore, diagnostics: Diagnostics, limits = DEFAULT_IMAGE_LIMITS): Promise<LoadedImage | undefined> {
  const fail = (message: string, fix: string): undefined => {
    diagnostics.error({ code: 'image.invalid', file: ref.file, message: `${ref.field} "${ref.src}": ${message}`, fix });
    return undefined;
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref.src) || ref.src.startsWith('//')) {
    return fail('is not a local file', 'copy the image next to the article and use a relative path');
  }
  let decoded = ref.src;
  try {
    decoded = decodeURIComponent(ref.src);
  } catch {
    // Not percent-encoded: use it as written.
  }
  if (path.isAbsolute(decoded)) return fail('is an absolute path', 'use a path relative to the article’s folder');
  const base = await realpath(ref.baseDir);
  const wanted = path.resolve(base, decoded);
  if (!inside(base, wanted)) return fail('points outside the article’s folder', 'keep images in the article’s folder or below it');
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return fail('does not exist', `check the file name; looked for ${wanted}`);
  }
  if (!inside(base, real)) return fail('is a link that points outside the article’s folder', 'copy the image into the folder instead of linking it');
  const info = await stat(real);
  if (!info.isFile()) return fail('is not a file', 'name an image file');
  if (info.size > limits.maxBytes) {
    return fail(`is ${megabytes(info.size)}, over the ${megabytes(limits.maxBytes)} limit`, 'reduce the image or raise the limit with --max-image-mb');
  }
  return acceptImage(new Uint8Array(await readFile(real)), real, ref, store, diagnostics, limits);
}

/**
 * Checks image bytes (read from disk or downloaded) and adds them to the store under a stable id.
 */
export function acceptImage(data: Uint8Array, origin: string, ref: ImageRef, store: ImageStore, diagnostics: Diagnostics, limits = DEFAULT_IMAGE_LIMITS): LoadedImage | undefined {
  const fail = (message: string, fix: string): undefined => {
    diagnostics.error({ code: 'image.invalid', file: ref.file, message: `${ref.field} "${ref.src}": ${message}`, fix });
    return undefined;
  };
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(data);
  } catch {
    return fail('is not an image broadsheet can read', 'use a JPEG or PNG file');
  }
  const mediaType = size.type === 'jpg' ? 'image/jpeg' : size.type === 'png' ? 'image/png' : undefined;
  if (!mediaType) return fail(`is a ${size.type ?? 'unknown'} image`, 'convert it to JPEG or PNG');
  const { width = 0, height = 0 } = size;
  if (width < 1 || height < 1 || width > limits.maxPixels || height > limits.maxPixels) {
    return fail(`has impossible dimensions ${width}×${height}`, `use an image at most ${limits.maxPixels} pixels on each side`);
  }
  const id = `img-${createHash('sha256').update(data).digest('hex').slice(0, 12)}`;
  const existing = store.get(id);
  if (existing) return existing;
  const image: LoadedImage = {
    id,
    fileName: `images/${id}.${mediaType === 'image/png' ? 'png' : 'jpg'}`,
    mediaType,
    data,
    width,
    height,
    file: origin,
  };
  store.set(id, image);
  return image;
}

/** A size for messages: "3.2 MB", or "0.004 MB" for limits set very low. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 1 ? mb.toFixed(1) : Number(mb.toPrecision(2))} MB`;
}

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
