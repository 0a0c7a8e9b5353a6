/**
 * The cover as each edition carries it: the EPUB's `cover-image` manifest item, and the image
 * painted on the PDF's first page as embedded (`pdfimages -png`, which writes the image's own
 * pixels, not a rendering), both decoded to RGBA.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runOk } from '../support/exec.js';
import { crop, decode, meanDifference, resize, type Raster } from '../write/cover/picture.js';

export type { Raster };

/** One row of `pdfimages -list`. */
interface ImageRow {
  page: number;
  num: number;
  type: string;
  width: number;
  height: number;
}

async function listImages(pdfFile: string, page: number): Promise<ImageRow[]> {
  const out = (await runOk('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdfFile])).stdout;
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 5 && /^\d+$/.test(cols[0]))
    .map((cols) => ({ page: Number(cols[0]), num: Number(cols[1]), type: cols[2], width: Number(cols[3]), height: Number(cols[4]) }));
}

/**
 * The largest image (not soft mask) on the PDF's first page, decoded. Throws when there is none:
 * the first page of a broadsheet PDF is its cover.
 */
export async function pdfCoverImage(pdfFile: string): Promise<Raster> {
  const rows = (await listImages(pdfFile, 1)).filter((r) => r.type === 'image');
  if (rows.length === 0) throw new Error(`${pdfFile}: no image on page 1`);
  const largest = rows.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pdfimages-'));
  try {
    await runOk('pdfimages', ['-f', '1', '-l', '1', '-png', pdfFile, path.join(dir, 'img')]);
    const name = (await readdir(dir)).find((f) => f === `img-${String(largest.num).padStart(3, '0')}.png`);
    if (!name) throw new Error(`${pdfFile}: pdfimages wrote no file for image ${largest.num}`);
    return decode({ data: await readFile(path.join(dir, name)), mediaType: 'image/png' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Width ÷ height. */
export const aspect = (r: Raster): number => r.width / r.height;

/** Comparison grid: both pictures are reduced (area average) to this size before comparing. */
export const GRID = { width: 64, height: 96 };

/**
 * Mean absolute difference per channel (0–255) of two pictures reduced to the same small grid: near 0
 * for two renditions of one picture (resampling and JPEG decoding differ in the last bits), tens for
 * different pictures.
 */
export function pictureDifference(a: Raster, b: Raster): number {
  return meanDifference(resize(a, GRID.width, GRID.height), resize(b, GRID.width, GRID.height));
}

/** The PDF's first page as a reader sees it (`pdftoppm -r 72`, page box), decoded. */
export async function pdfFirstPage(pdfFile: string): Promise<Raster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pdftoppm-'));
  try {
    await runOk('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(dir, 'page')]);
    return decode({ data: await readFile(path.join(dir, 'page.png')), mediaType: 'image/png' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The centre of `r` with the aspect ratio `ratio` (width ÷ height): what "fill the page" shows. */
export function centreCrop(r: Raster, ratio: number): Raster {
  if (aspect(r) > ratio) {
    const width = Math.round(r.height * ratio);
    return crop(r, Math.floor((r.width - width) / 2), 0, width, r.height);
  }
  const height = Math.round(r.width / ratio);
  return crop(r, 0, Math.floor((r.height - height) / 2), r.width, height);
}
