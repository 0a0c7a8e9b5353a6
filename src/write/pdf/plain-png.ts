/**
 * The rows of a plain PNG, decoded here: 8 bits a sample, grey or RGB with alpha, not interlaced,
 * and no chunk that would make a decoder change the samples (no colour profile, gamma or
 * chromaticities, no transparency chunk). resvg writes exactly these, so the generated cover is one.
 *
 * Why not always sharp: loading sharp (libvips) costs about 0.15 s of a build whose only PNG is the
 * generated cover, more than decoding it here (one inflate, then each row unfiltered). Any other
 * PNG returns `undefined`, and the caller decodes it with sharp as before. For a plain PNG both give
 * the same samples (tested), so the PDF's bytes do not depend on which decoded it.
 */
import { inflateSync } from 'node:zlib';

export interface PlainPng {
  width: number;
  height: number;
  /** 2: grey and alpha, 4: RGB and alpha. */
  channels: 2 | 4;
  /**
   * Calls `row` with each row's samples and its index, top to bottom; the array is reused for the
   * next row. Row by row, so the image is never held unfiltered whole (17 MiB for the cover).
   */
  rows(row: (samples: Uint8Array, y: number) => void): void;
}

/** Chunks that change nothing in the samples: physical size, text, time, a suggested background. */
const HARMLESS = new Set(['IHDR', 'IDAT', 'IEND', 'pHYs', 'tEXt', 'zTXt', 'iTXt', 'tIME', 'bKGD']);

/** `data` as a plain PNG with alpha, or `undefined` when it is not one (sharp decodes it then). */
export function plainPng(data: Uint8Array): PlainPng | undefined {
  if (data.length < 33 || data[0] !== 0x89 || data[1] !== 0x50 || data[2] !== 0x4e || data[3] !== 0x47) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [depth, colourType, , , interlace] = data.subarray(24, 29);
  if (depth !== 8 || (colourType !== 4 && colourType !== 6) || interlace !== 0 || width === 0 || height === 0) return undefined;
  const idat: Uint8Array[] = [];
  for (let at = 8; ; ) {
    if (at + 8 > data.length) return undefined;
    const length = view.getUint32(at);
    const type = String.fromCharCode(data[at + 4]!, data[at + 5]!, data[at + 6]!, data[at + 7]!);
    if (!HARMLESS.has(type) || at + 12 + length > data.length) return undefined;
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = colourType === 6 ? 4 : 2;
  const stride = width * channels;
  // Anything a decoder would complain about (a damaged stream, too little or too much data, an
  // unknown filter) is left to sharp, so that it fails as it always did.
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return undefined;
  }
  if (raw.length !== (stride + 1) * height) return undefined;
  for (let y = 0; y < height; y++) if (raw[y * (stride + 1)]! > 4) return undefined;
  return { width, height, channels, rows: (row) => unfilter(raw, stride, height, channels, row) };
}

/** Undoes each row's filter (PNG §9.2: None, Sub, Up, Average, Paeth) and hands the row on. */
function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number, row: (samples: Uint8Array, y: number) => void): void {
  let prev = new Uint8Array(stride);
  let cur = new Uint8Array(stride);
  for (let y = 0, at = 0; y < height; y++, at += stride) {
    const filter = raw[at++];
    switch (filter) {
      case 0:
        cur.set(raw.subarray(at, at + stride));
        break;
      case 1:
        if (bpp === 4) subRgba(raw, at, cur);
        else {
          for (let i = 0; i < bpp; i++) cur[i] = raw[at + i]!;
          for (let i = bpp; i < stride; i++) cur[i] = (raw[at + i]! + cur[i - bpp]!) & 255;
        }
        break;
      case 2:
        for (let i = 0; i < stride; i++) cur[i] = (raw[at + i]! + prev[i]!) & 255;
        break;
      case 3:
        for (let i = 0; i < bpp; i++) cur[i] = (raw[at + i]! + (prev[i]! >> 1)) & 255;
        for (let i = bpp; i < stride; i++) cur[i] = (raw[at + i]! + ((cur[i - bpp]! + prev[i]!) >> 1)) & 255;
        break;
      case 4:
        for (let i = 0; i < bpp; i++) cur[i] = (raw[at + i]! + prev[i]!) & 255;
        for (let i = bpp; i < stride; i++) cur[i] = (raw[at + i]! + paeth(cur[i - bpp]!, prev[i]!, prev[i - bpp]!)) & 255;
        break;
      default:
        throw new Error(`PNG row ${y} has filter type ${filter}, which plainPng ruled out`);
    }
    row(cur, y);
    [prev, cur] = [cur, prev];
  }
}

/**
 * The Sub filter of an RGBA row, with the four running samples in locals: resvg filters every row
 * of the cover this way, and this loop is about twice as fast as the general one.
 */
function subRgba(raw: Uint8Array, at: number, cur: Uint8Array): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let i = 0; i < cur.length; i += 4) {
    cur[i] = r = (r + raw[at + i]!) & 255;
    cur[i + 1] = g = (g + raw[at + i + 1]!) & 255;
    cur[i + 2] = b = (b + raw[at + i + 2]!) & 255;
    cur[i + 3] = a = (a + raw[at + i + 3]!) & 255;
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}
