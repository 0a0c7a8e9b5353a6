/**
 * Loads the images an article names, once, before any writer runs: checks that they exist and stay
 * inside the publication's folder, sniffs their format from the bytes, checks the size limits, and
 * makes the EPUB and print renditions. Each gets a stable name from its bytes.
 *
 * Nothing here reports: a problem comes back as an {@link ImageProblem}, and the caller decides
 * whether it is an error (a path out of the folder) or a warning (a broken reference).
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { bitmapInfo, toPrintable } from './convert.js';
import { decodeDataUri } from './data-uri.js';
import { DEFAULT_IMAGE_LIMITS, megabytes, type EpubImageType, type ImageLimits, type ImageProblem, type ImageRef, type ImageResult, type ImageStore, type LoadedImage, type PrintImage } from './image.js';
import { sniffImage, type ImageFormat } from './sniff.js';

const problem = (kind: ImageProblem['kind'], message: string, fix: string): ImageResult => ({ problem: { kind, message, fix } });

/** Loads a local file or `data:` URI named by `ref`. Remote URLs are fetch.ts's. */
export async function loadImage(ref: ImageRef, store: ImageStore, limits = DEFAULT_IMAGE_LIMITS): Promise<ImageResult> {
  if (/^data:/i.test(ref.src.trim())) {
    const decoded = decodeDataUri(ref.src, limits.maxBytes);
    if ('error' in decoded) return problem('unreadable', `is a data: URI that ${decoded.error}`, 'save the image as a file next to the article and name it instead');
    return acceptImage(decoded.data, 'data:', store, limits);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref.src) || ref.src.startsWith('//')) {
    return problem('unreadable', 'is not a local file', 'copy the image next to the article and use a relative path');
  }
  let decoded = ref.src.replace(/[?#].*$/, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not percent-encoded: use it as written.
  }
  const root = await realpath(ref.rootDir ?? ref.baseDir);
  const base = await realpath(ref.baseDir);
  // A site-absolute path (`/images/x.png`, as static-site generators write it) starts at the
  // publication's folder, the site's root as far as this build knows.
  const siteAbsolute = decoded.startsWith('/');
  const wanted = siteAbsolute ? path.join(root, decoded) : path.resolve(base, decoded);
  if (!siteAbsolute && path.isAbsolute(decoded)) return problem('escape', 'is an absolute path', 'use a path relative to the article’s folder');
  if (!inside(root, wanted)) return problem('escape', 'points outside the publication’s folder', 'keep images in the publication’s folder or below it');
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    const where = siteAbsolute ? `looked for ${wanted} (a site-absolute path starts at the publication’s folder)` : `looked for ${wanted}`;
    return problem('missing', `does not exist; ${where}`, 'check the file name, or copy the image there');
  }
  if (!inside(root, real)) return problem('escape', 'is a link that points outside the publication’s folder', 'copy the image into the folder instead of linking it');
  const info = await stat(real);
  if (!info.isFile()) return problem('missing', 'is not a file', 'name an image file');
  if (info.size > limits.maxBytes) {
    return problem('too-large', `is ${megabytes(info.size)}, over the ${megabytes(limits.maxBytes)} limit`, 'reduce the image or raise the limit with --max-image-mb');
  }
  return acceptImage(new Uint8Array(await readFile(real)), real, store, limits);
}

/** Core media types kept as they are in the EPUB (sniffed format → media type). */
const EPUB_TYPES: Partial<Record<ImageFormat, EpubImageType>> = {
  jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
};
const EXTENSIONS: Record<EpubImageType, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg',
};

/**
 * Checks image bytes (read from disk, downloaded or decoded from a data: URI), converts what needs
 * converting, and adds the image to the store under an id derived from the source bytes.
 */
export async function acceptImage(data: Uint8Array, origin: string, store: ImageStore, limits = DEFAULT_IMAGE_LIMITS): Promise<ImageResult> {
  const id = `img-${createHash('sha256').update(data).digest('hex').slice(0, 12)}`;
  const existing = store.get(id);
  if (existing) return { image: existing };
  const format = sniffImage(data);
  if (!format) return problem('unreadable', 'is not an image broadsheet can read', 'use a JPEG, PNG, GIF, WebP, SVG, AVIF, TIFF or BMP file');
  const made = format === 'svg' ? await svgImage(data) : await bitmapImage(data, format, limits);
  if ('problem' in made) return made;
  const image: LoadedImage = { id, fileName: `images/${id}.${EXTENSIONS[made.mediaType]}`, ...made, file: origin };
  store.set(id, image);
  return { image };
}

type Made = Omit<LoadedImage, 'id' | 'fileName' | 'file'>;

async function svgImage(data: Uint8Array): Promise<Made | { problem: ImageProblem }> {
  // The SVG modules (an XML parser, resvg's rasterizer) are loaded by the first SVG, not by every build.
  const [{ sanitizeSvg }, { svgPrintImage }] = await Promise.all([import('./svg/sanitize.js'), import('./svg/print.js')]);
  const source = new TextDecoder('utf-8', { fatal: false }).decode(data);
  const clean = sanitizeSvg(source);
  if ('error' in clean) return { problem: { kind: 'unreadable', message: `is an SVG image that ${clean.error}`, fix: 'open it in a drawing program and save it again as plain SVG' } };
  let print: PrintImage;
  try {
    print = await svgPrintImage(clean.svg);
  } catch (error) {
    return { problem: { kind: 'unreadable', message: `is an SVG image that cannot be drawn (${error instanceof Error ? error.message : String(error)})`, fix: 'open it in a drawing program and save it again as plain SVG' } };
  }
  return { mediaType: 'image/svg+xml', data: new TextEncoder().encode(clean.svg), width: clean.width, height: clean.height, print, animated: false };
}

async function bitmapImage(data: Uint8Array, format: ImageFormat, limits: ImageLimits): Promise<Made | { problem: ImageProblem }> {
  const unreadable = (why: string): { problem: ImageProblem } => ({ problem: { kind: 'unreadable', message: `is a ${format.toUpperCase()} image that cannot be decoded (${why})`, fix: 'open it in an image editor and save it again as PNG or JPEG' } });
  let info;
  try {
    info = await bitmapInfo(data, format);
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
  const { width, height } = info;
  if (width < 1 || height < 1 || width > limits.maxPixels || height > limits.maxPixels) {
    return { problem: { kind: 'too-large', message: `has impossible dimensions ${width}×${height}`, fix: `use an image at most ${limits.maxPixels} pixels on each side` } };
  }
  const animated = info.frames > 1 || (format === 'png' && isAnimatedPng(data));
  // pdfkit embeds JPEG and PNG as they are (CMYK, 16-bit, progressive and interlaced included).
  if (format === 'jpeg' || format === 'png') {
    const mediaType = format === 'jpeg' ? 'image/jpeg' : 'image/png';
    return { mediaType, data, width, height, print: { kind: 'bitmap', data, mediaType, width, height }, animated };
  }
  let printable;
  try {
    printable = await toPrintable(data, format);
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
  const print: PrintImage = { kind: 'bitmap', ...printable };
  const kept = EPUB_TYPES[format];
  // GIF and WebP are EPUB core media types and stay as they are (animation included); AVIF, HEIF,
  // TIFF and BMP are not, so the EPUB gets the same conversion as the PDF.
  if (kept) return { mediaType: kept, data, width, height, print, animated };
  return { mediaType: printable.mediaType, data: printable.data, width: printable.width, height: printable.height, print, animated };
}

/**
 * An APNG has an `acTL` chunk before its first `IDAT` (https://wiki.mozilla.org/APNG_Specification).
 * Motion may flash, so a book with one cannot say it has no hazards.
 */
export function isAnimatedPng(data: Uint8Array): boolean {
  if (data.length < 8 || data[0] !== 0x89 || data[1] !== 0x50) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 8; at + 8 <= data.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(data[at + 4] ?? 0, data[at + 5] ?? 0, data[at + 6] ?? 0, data[at + 7] ?? 0);
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    at += 12 + length;
  }
  return false;
}

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
