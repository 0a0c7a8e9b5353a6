/**
 * Every word and every figure inside the text area of its page, on every trim size broadsheet
 * names, with bleed (the text block shifts by the bleed; nothing may follow the trim instead).
 * Running heads and folios sit in the margins by design: they are checked against the trim.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../src/write/pdf/index.js';
import { pageGeometry, textArea } from '../../../src/write/pdf/page-geometry.js';
import { pdfWordBoxes } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import { imageBoxes } from './render.js';

const SLACK = 1;

describe('text area on every trim size, with bleed', () => {
  for (const size of ['A4', 'A5', 'Letter', '6x9']) {
    it(`${size}: words and figures stay inside the text block, furniture inside the trim`, async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), `broadsheet-area-${size}-`));
      const file = path.join(dir, 'rich.pdf');
      await writeFile(file, (await writePdf(await writerInputFromJson(undefined, { pageSize: size, bleed: true }))).bytes);
      const g = pageGeometry(size, true);
      const words = (await pdfWordBoxes(file)).filter((b) => b.page > 1);
      expect(words.length).toBeGreaterThan(300);
      for (const b of words) {
        expect(b.pageWidth, 'MediaBox includes the bleed').toBeCloseTo(g.mediaWidth, 0);
        const area = textArea(g, b.page - 1);
        const furniture = b.yMax < area.y || b.yMin > area.y + area.height;
        const left = furniture ? g.bleed : area.x;
        const right = furniture ? g.bleed + g.trimWidth : area.x + area.width;
        const where = `${b.word} p${b.page}`;
        expect(b.xMin, where).toBeGreaterThanOrEqual(left - SLACK);
        expect(b.xMax, where).toBeLessThanOrEqual(right + SLACK);
        expect(b.yMin, where).toBeGreaterThanOrEqual(g.bleed - SLACK);
        expect(b.yMax, where).toBeLessThanOrEqual(g.bleed + g.trimHeight + SLACK);
        if (!furniture) {
          // Body text: within the block's height too. poppler's box is the font's full ascent and
          // descent (1.36 em for Noto Serif), taller than a display heading's 1.25 em line, so a
          // title at the top of the block may poke out by a fraction of a point without any ink.
          expect(b.yMin, where).toBeGreaterThanOrEqual(area.y - 2 * SLACK);
          expect(b.yMax, where).toBeLessThanOrEqual(area.y + area.height + g.fontSize * 0.35);
        }
      }
      for (const img of (await imageBoxes(file)).filter((b) => b.page > 1)) {
        const area = textArea(g, img.page - 1);
        const where = `image p${img.page}`;
        expect(img.x, where).toBeGreaterThanOrEqual(area.x - SLACK);
        expect(img.x + img.width, where).toBeLessThanOrEqual(area.x + area.width + SLACK);
        expect(img.y, where).toBeGreaterThanOrEqual(area.y - SLACK);
        expect(img.y + img.height, where).toBeLessThanOrEqual(area.y + area.height + SLACK);
      }
    });
  }
});
