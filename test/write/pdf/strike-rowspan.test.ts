/**
 * Struck-through text gets a line through it (an artifact; the tagged text is unchanged), and
 * table cells spanning rows take their columns out of the rows below instead of pushing the
 * following cells into the wrong columns (test/fixtures/pdf/strike-rowspan.json).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfResult } from '../../../src/write/pdf/index.js';
import { tableGrid } from '../../../src/write/pdf/layout/table-grid.js';
import { pdfStructText, pdfWordBoxes, type PdfWordBox } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import { renderPage, strokes } from './render.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/pdf/strike-rowspan.json');

let file: string;
let result: PdfResult;
let page: number;
let boxes: PdfWordBox[];

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-strike-'));
  file = path.join(dir, 'strike.pdf');
  result = await writePdf(await writerInputFromJson(FIXTURE));
  await writeFile(file, result.bytes);
  page = result.pageMap.pages[0]!.pageIndex + 1;
  boxes = (await pdfWordBoxes(file)).filter((b) => b.page === page);
});

const word = (text: string, nth = 0): PdfWordBox => {
  const found = boxes.filter((b) => b.word === text)[nth];
  if (!found) throw new Error(`no word ${text} #${nth} on page ${page}`);
  return found;
};

describe('strikethrough', () => {
  /** Whether any pixel in the gap between two words, over the words' height, is ink. */
  async function inkBetween(a: PdfWordBox, b: PdfWordBox): Promise<boolean> {
    const raster = await renderPage(file, page, 144);
    const x = (a.xMax + b.xMin) / 2;
    for (let y = a.yMin; y <= a.yMax; y += 0.25) {
      const [r, g, bl] = raster.at(x, y);
      if (r + g + bl < 300) return true;
    }
    return false;
  }

  it('draws a line through the struck words, across the space between them, and nowhere else', async () => {
    expect(await inkBetween(word('four'), word('hundred', 0))).toBe(true);
    expect(await inkBetween(word('three'), word('hundred', 1))).toBe(false);
  });

  it('keeps the text and its structure as written; the line is an artifact', async () => {
    const tree = await pdfStructText(file);
    expect(tree).toContain('"Landings were four hundred three hundred tonnes this spring."');
    const s = await strokes(file);
    expect(s.tagged).toBe(0);
    // Table rules plus at least the one strike line.
    expect(s.artifact).toBeGreaterThanOrEqual(4);
  });
});

describe('table cells spanning rows', () => {
  it('places cells below a spanning cell in their own columns, without overlap', () => {
    const species = word('Mackerel').xMin;
    for (const w of ['Crab', 'Lobster', 'Hake', 'Cod', 'Bass']) expect(word(w).xMin, w).toBeCloseTo(species, 0);
    const tonnes = word('110').xMax;
    for (const w of ['120', '130', '140', '150', '160']) expect(word(w).xMax, w).toBeCloseTo(tonnes, 0);
    expect(word('Aberporth').xMax).toBeLessThan(species);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5;
        expect(overlap, `${a.word} overlaps ${b.word}`).toBe(false);
      }
    }
  });

  it('makes the rows a wrapped spanning cell covers tall enough for it', () => {
    // The long port name wraps to two lines; the next port starts below its last line.
    expect(word('Fishguard').yMin).toBeGreaterThan(word('lifeboat').yMax);
    expect(word('Hake').yMin).toBeGreaterThan(word('Cod').yMax);
  });

  it('tags the spans (/RowSpan) and keeps every cell', async () => {
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw).toMatch(/\/RowSpan 3/);
    expect(raw).toMatch(/\/RowSpan 2/);
    const tree = await pdfStructText(file);
    for (const t of ['Aberporth', 'Mackerel', 'Crab', 'Lobster', 'Cod', 'Hake', 'Fishguard', 'Bass']) expect(tree).toContain(`"${t}"`);
  });

  it('computes the grid as HTML does, spans clamped to their row group', () => {
    const cell = { header: false, children: [] };
    const grid = tableGrid([[{ cells: [cell, cell] }], [{ cells: [{ ...cell, rowspan: 3 }, cell] }, { cells: [cell, { ...cell, colspan: 2 }] }]]);
    expect(grid.rows.map((r) => r.map((c) => c.column))).toEqual([[0, 1], [0, 1], [1, 2]]);
    expect(grid.rows[1]![0]!.rowspan).toBe(2);
    expect(grid.columns).toBe(4);
  });
});
