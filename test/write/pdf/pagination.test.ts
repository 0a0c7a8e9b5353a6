/**
 * Pagination on a synthetic fixture long enough to force every case (test/fixtures/pdf/long.json,
 * made by gen-long.py): no widows or orphans, headings with at least two lines of what follows,
 * table rows never split and the header row repeated after each break — as an artifact, so the
 * structure holds it once. Checked per page with pdftotext; paragraphs are bracketed by
 * `StartN` … `StopN.` so a line's place in its paragraph can be read off the page.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfResult } from '../../../src/write/pdf/index.js';
import { isRecto } from '../../../src/write/pdf/page-geometry.js';
import { pdfStructText } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import { pageLines } from './render.js';

const LONG = path.resolve(import.meta.dirname, '../../fixtures/pdf/long.json');
const FURNITURE = new Set(['Long pages', 'Many paragraphs', 'A long table']);

let file: string;
let result: PdfResult;
/** Body lines of each page from the first article on (running heads and folios removed). */
let pages: { index: number; lines: string[] }[];

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-long-'));
  file = path.join(dir, 'long.pdf');
  result = await writePdf(await writerInputFromJson(LONG));
  await writeFile(file, result.bytes);
  const first = result.pageMap.pages[0]!.pageIndex;
  const last = result.pageMap.pages[result.pageMap.pages.length - 1]!.pageIndex;
  const all = await pageLines(file, last + 1, { layout: true });
  pages = all
    .map((lines, index) => ({ index, lines: lines.filter((l) => !FURNITURE.has(l) && !/^\d+$/.test(l)) }))
    .filter((p) => p.index >= first && p.lines.length > 0);
});

describe('pagination of long text', () => {
  it('breaks paragraphs across pages, so the cases below really occur', () => {
    const continued = pages.filter((p) => !/^(Start|Section |Vessel|Boat )/.test(p.lines[0]!));
    expect(continued.length).toBeGreaterThanOrEqual(3);
  });

  it('never begins a page with the last line of a paragraph (no widows)', () => {
    for (const p of pages) {
      const first = p.lines[0]!;
      expect(/Stop(\d+|Tail)\./.test(first) && !/Start/.test(first), `page ${p.index + 1}: ${first}`).toBe(false);
    }
  });

  it('never ends a page with the first line of a paragraph (no orphans)', () => {
    for (const p of pages) {
      const last = p.lines[p.lines.length - 1]!;
      expect(/Start\d+/.test(last) && !/Stop\d+\./.test(last), `page ${p.index + 1}: ${last}`).toBe(false);
    }
  });

  it('never ends a recto inside a hyphenated word (the reader would turn the leaf mid-word)', () => {
    for (const p of pages.filter((page) => isRecto(page.index))) {
      const last = p.lines[p.lines.length - 1]!;
      expect(last, `page ${p.index + 1}`).not.toMatch(/\p{L}-$/u);
    }
  });

  it('keeps every heading with at least two lines of what follows', () => {
    let headings = 0;
    for (const p of pages) {
      p.lines.forEach((line, k) => {
        if (!/^Section \d+ heading$/.test(line)) return;
        headings++;
        expect(p.lines.length - 1 - k, `page ${p.index + 1}: ${line}`).toBeGreaterThanOrEqual(2);
      });
    }
    expect(headings).toBe(7);
  });
});

describe('a table across pages', () => {
  it('repeats the header row at the top of every page it continues on, rows whole and once', () => {
    const tablePages = pages.filter((p) => p.lines.some((l) => /^Boat \d+ /.test(l)));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages.slice(1)) expect(p.lines[0], `page ${p.index + 1}`).toBe('Vessel Tonnes Value');
    const rows = tablePages.flatMap((p) => p.lines.filter((l) => /^Boat \d+/.test(l)));
    expect(rows).toHaveLength(90);
    rows.forEach((row, i) => expect(row).toMatch(new RegExp(`^Boat ${i + 1} \\d+ \\d+$`)));
  });

  it('has the header row once in the structure: the repeats are artifacts', async () => {
    const tree = await pdfStructText(file);
    expect(tree.match(/"Vessel"/g)).toHaveLength(1);
    expect(tree.match(/"Tonnes"/g)).toHaveLength(1);
    expect(tree).toMatch(/THead\n\s+TR\n\s+TH:\n\s+\/Scope \/Column\n\s+"Vessel"/);
  });

  it('points the page map of a page that begins inside the table at the table block', () => {
    const article = 1;
    const inTable = result.pageMap.pages.filter((p) => p.article === article && p.block[0] === 1);
    expect(inTable.length).toBeGreaterThanOrEqual(2);
    for (const p of inTable) expect(p.block).toEqual([1]);
    const offsets = inTable.map((p) => p.offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });
});
