/**
 * What a reader sees on a page, from poppler: rendered pixels (pdftoppm), placed images
 * (pdftohtml -xml) and lines of text per page (pdftotext). Shared by the PDF writer's tests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { runOk } from '../../support/exec.js';
import { pdfText } from '../../support/pdf.js';

export interface Raster {
  width: number;
  height: number;
  /** Points → pixels. */
  scale: number;
  /** RGB of the pixel at a point (PDF points, origin top-left). */
  at(xPt: number, yPt: number): [number, number, number];
}

/** Page `page` (1-based) rendered at `dpi`. */
export async function renderPage(file: string, page: number, dpi = 72): Promise<Raster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-render-'));
  try {
    const out = path.join(dir, 'p');
    await runOk('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    const png = PNG.sync.read(await readFile(`${out}.png`));
    const scale = dpi / 72;
    return {
      width: png.width,
      height: png.height,
      scale,
      at(xPt, yPt) {
        const x = Math.min(png.width - 1, Math.max(0, Math.round(xPt * scale)));
        const y = Math.min(png.height - 1, Math.max(0, Math.round(yPt * scale)));
        const i = (y * png.width + x) * 4;
        return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ImageBox {
  /** 1-based page. */
  page: number;
  /** Points, origin top-left of the MediaBox. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every image drawn, with its page and box (`pdftohtml -xml -zoom 1`). */
export async function imageBoxes(file: string): Promise<ImageBox[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-images-'));
  try {
    await runOk('pdftohtml', ['-xml', '-zoom', '1', '-q', '-nodrm', file, path.join(dir, 'out')]);
    const text = await readFile(path.join(dir, 'out.xml'), 'utf8');
    const boxes: ImageBox[] = [];
    let page = 0;
    for (const m of text.matchAll(/<page number="(\d+)"|<image top="([\d.-]+)" left="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      if (m[1] !== undefined) page = Number(m[1]);
      else boxes.push({ page, y: Number(m[2]), x: Number(m[3]), width: Number(m[4]), height: Number(m[5]) });
    }
    return boxes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The non-empty lines of pages 1…`pages` (`pdftotext` per page), spaces collapsed. With `layout`,
 * lines as they stand on the page (a table row is one line, not one line per cell).
 */
export async function pageLines(file: string, pages: number, options: { layout?: boolean } = {}): Promise<string[][]> {
  const out: string[][] = [];
  for (let p = 1; p <= pages; p++) {
    const text = await pdfText(file, { first: p, last: p, ...(options.layout ? { layout: true } : {}) });
    out.push(text.replace(/\f/g, '').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== ''));
  }
  return out;
}

/**
 * Stroked paths (the `S` operator) in every content stream, counted by whether they are inside an
 * Artifact marked-content sequence (`/Artifact … BDC` … `EMC`) or not. Needs qpdf.
 */
export async function strokes(file: string): Promise<{ artifact: number; tagged: number }> {
  const qdf = (await runOk('qpdf', ['--qdf', '--object-streams=disable', file, '-'])).stdout;
  const stack: string[] = [];
  const out = { artifact: 0, tagged: 0 };
  for (const raw of qdf.split('\n')) {
    const line = raw.trim();
    const bdc = /^\/(\w+)\b.*\bBDC$/.exec(line);
    if (bdc) stack.push(bdc[1]!);
    else if (line === 'EMC') stack.pop();
    else if (/(^|\s)S$/.test(line)) {
      if (stack.includes('Artifact')) out.artifact++;
      else out.tagged++;
    }
  }
  return out;
}
