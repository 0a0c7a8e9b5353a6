/**
 * Cover art from the user's own picture. Print gets the original bytes, untouched: never upscaled,
 * never recompressed (whether its resolution suffices for print is the PDF writer's warning to give).
 * Screen gets the same picture with its long side within 1600–2560 px where the source allows:
 *
 * - long side 1600–2560 px: the original bytes, as is;
 * - larger: downscaled to 2560 px on the long side, as PNG (the only encoder at hand is resvg's;
 *   a JPEG source therefore grows several times in bytes — acceptable until a JPEG encoder is added);
 * - smaller than 1600 px: the original bytes; upscaling adds no detail, only bytes.
 *
 * If resvg cannot decode the picture (it silently skips, e.g., CMYK JPEGs), screen falls back to the
 * original bytes: a large cover is better than a blank one.
 */
import { bitmapOf } from '../../images/bitmap.js';
import type { LoadedImage } from '../../images/image.js';
import type { CoverArt, CoverImage } from './cover-art.js';
import { renderPng } from './render-png.js';
import { SCREEN_LONG_SIDE, scaleToLongSide } from './renditions.js';

/** Cover art showing `image`, described by `alt`. */
export async function imageCover(image: LoadedImage, alt: string): Promise<CoverArt> {
  // GIF, WebP and SVG covers are drawn from their print bitmap (first frame; SVG at 300 dpi on A4).
  const bitmap = await bitmapOf(image, 3508);
  const original: CoverImage = { data: bitmap.data, mediaType: bitmap.mediaType, width: bitmap.width, height: bitmap.height };
  const screen = Math.max(original.width, original.height) > SCREEN_LONG_SIDE ? ((await downscale(original)) ?? original) : original;
  return { origin: 'image', alt, print: original, screen };
}

/**
 * Draws the picture into an SVG of the target size and lets resvg resample it (bicubic).
 * The image's own ratio is kept; the stretch from rounding to whole pixels is under one pixel.
 * Undefined when resvg could not decode the picture.
 */
async function downscale(image: CoverImage): Promise<CoverImage | undefined> {
  const size = scaleToLongSide(image.width, image.height);
  const href = `data:${image.mediaType};base64,${Buffer.from(image.data).toString('base64')}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${image.width} ${image.height}" preserveAspectRatio="none">` +
    `<image width="${image.width}" height="${image.height}" preserveAspectRatio="none" xlink:href="${href}"/></svg>`;
  const rendered = await renderPng(svg, size);
  return rendered.empty ? undefined : rendered.image;
}
