/**
 * Grey for black-and-white printing (`--grayscale`): every colour and every image is turned into
 * DeviceGray before it reaches the page, so a B/W press does no conversion of its own and the print
 * shows no colour shifts.
 *
 * One rule for both: the grey of a colour is its luminance (CIE Y from linear sRGB, Rec. 709
 * weights), written back with the sRGB curve. libvips' `b-w` colourspace, which converts the
 * images, works the same way (sRGB → linear → Y → sRGB curve), so a vector and a photo of the same
 * colour come out as the same grey.
 */
/** sRGB components 0–1 → the grey 0–1 (0 black) of the same luminance. */
export function grayOf(r: number, g: number, b: number): number {
  const y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return Math.round(encode(y) * 1000) / 1000;
}

/** CMYK 0–1 → grey, through the naive RGB of the ink (pdfkit and SVGs only ever give RGB here). */
export function grayOfCmyk(c: number, m: number, y: number, k: number): number {
  return grayOf((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k));
}

/**
 * An image as one grey channel (plus its alpha), in the format it came in, at full resolution:
 * JPEG stays JPEG (quality 95, the grey of a photo needs no more), PNG stays PNG (lossless).
 * Metadata, and so any embedded colour profile, is dropped: the pixels are grey now.
 */
export async function grayImage(data: Uint8Array, mediaType: 'image/jpeg' | 'image/png'): Promise<Uint8Array> {
  // Loaded here, not with the module: the writer imports grayOf for every build, grey or not.
  const sharp = (await import('sharp')).default;
  const image = sharp(data, { failOn: 'error' }).toColourspace('b-w');
  const out = mediaType === 'image/jpeg' ? image.jpeg({ quality: 95 }) : image.png({ compressionLevel: 9 });
  return new Uint8Array(await out.toBuffer());
}

function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function encode(y: number): number {
  return y <= 0.0031308 ? y * 12.92 : 1.055 * y ** (1 / 2.4) - 0.055;
}
