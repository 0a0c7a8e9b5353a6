/**
 * A bitmap of any loaded image, for the consumers that can only place pixels (the cover art):
 * the print bitmap as it is, or an SVG rendered with resvg at `longSide` pixels on its long side.
 */
import type { LoadedImage, PrintBitmap } from './image.js';
import { rasterizeSvg } from './svg/print.js';

export async function bitmapOf(image: LoadedImage, longSide: number): Promise<PrintBitmap> {
  if (image.print.kind === 'bitmap') return image.print;
  return rasterizeSvg(new TextDecoder().decode(image.data), longSide, image.width >= image.height ? 'width' : 'height');
}
