/**
 * Figures that do not fit the rest of a page (issue: "article 1's first page is half empty"):
 * scaled down to no less than 60% of their width to stay, else moved whole to the next page.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfResult } from '../../../src/write/pdf/index.js';
import { FIGURE_MIN_SCALE } from '../../../src/write/pdf/layout/blocks.js';
import type { Unit } from '../../../src/write/pdf/layout/flow.js';
import { paginate } from '../../../src/write/pdf/layout/paginate.js';
import { figureUnit, type FigureFrame } from '../../../src/write/pdf/layout/figure-unit.js';
import { pageGeometry, textArea } from '../../../src/write/pdf/page-geometry.js';
import { pdfText } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import { imageBoxes } from './render.js';

let file: string;
let result: PdfResult;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-figfit-'));
  file = path.join(dir, 'rich.pdf');
  result = await writePdf(await writerInputFromJson());
  await writeFile(file, result.bytes);
});

describe('figure placement on the rich fixture', () => {
  it('scales article 1’s photograph to the rest of its opening page, caption under it', async () => {
    const g = pageGeometry('A5', false);
    const opening = result.pageMap.pages.find((p) => p.article === 0)!.pageIndex;
    const area = textArea(g, opening);
    const photos = (await imageBoxes(file)).filter((b) => b.page === opening + 1);
    expect(photos).toHaveLength(1);
    const photo = photos[0]!;
    expect(photo.width).toBeLessThan(area.width - 1);
    expect(photo.width).toBeGreaterThanOrEqual(area.width * FIGURE_MIN_SCALE - 1);
    expect(photo.y + photo.height).toBeLessThanOrEqual(area.y + area.height);
    const text = await pdfText(file, { first: opening + 1, last: opening + 1 });
    expect(text).toContain('Life on the Harbour Wall');
    expect(text).toContain('before the first boats leave');
    expect(text).toContain('Photo: Zoë Ångström');
    // The next page begins with what followed the figure, not with the figure.
    const next = await pdfText(file, { first: opening + 2, last: opening + 2 });
    expect(next).toMatch(/What the fishers say/);
  });
});

describe('paginate with a shrinkable figure', () => {
  const g = pageGeometry('A5', false);
  const limit = textArea(g, 0).height;
  const line = (): Unit => ({ height: 100, items: [], spaceBefore: 0, keepWithNext: false, article: 0 });
  // A square image with no caption: its height is its width, down to `minHeight`.
  const figure = (height: number, minHeight: number): Unit => {
    const frame: FigureFrame = {
      left: 0, span: height, width: height, least: minHeight, aspect: 1, gap: 0, captionHeight: 0,
      image: { id: 'img', owner: { artifact: 'Layout' } }, captions: [], spaceBefore: 0, origin: { block: [0], offset: 0 }, article: 0,
    };
    return { ...figureUnit(frame, height, height), shrink: { minHeight, figure: frame } };
  };

  it('shrinks a figure to the room left when its smallest size fits', () => {
    const room = limit - 200;
    const pages = paginate([line(), line(), figure(room + 50, room - 20)], g, 4).pages;
    expect(pages).toHaveLength(1);
  });

  it('moves the figure whole to the next page when even its smallest size does not fit', () => {
    const room = limit - 200;
    const pages = paginate([line(), line(), figure(room + 50, room + 10)], g, 4).pages;
    expect(pages).toHaveLength(2);
    expect(pages[1]!.items).toHaveLength(1);
  });
});
