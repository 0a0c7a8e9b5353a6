/**
 * 16-bit PNGs. Checked: pdfkit 0.20.2 embeds 16-bit PNGs (RGBA, RGB, grey with and without alpha)
 * correctly; a "two bright discs" rendering was a defective fixture (8-bit bytes in 16-bit samples),
 * since replaced. These tests pin both: a 16-bit RGBA disc prints as one dark disc, and the fixture
 * is what it claims to be.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../../src/write/pdf/index.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import { imageBoxes, renderPage } from './render.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

let file: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-png16-'));
  file = path.join(dir, 'png16.pdf');
  await writeFile(file, (await writePdf(await writerInputFromJson(path.join(FIXTURES, 'pdf/png16.json')))).bytes);
});

const near = (got: readonly number[], want: readonly number[], tolerance: number): boolean => got.every((v, i) => Math.abs(v - want[i]!) <= tolerance);

describe('16-bit PNG', () => {
  it('prints a 16-bit RGBA disc as one dark-green disc centred in its box, paper beside it', async () => {
    const body = (await imageBoxes(file)).filter((b) => b.page > 1);
    expect(body).toHaveLength(1);
    const box = body[0]!;
    const page = await renderPage(file, box.page, 72);
    const cy = box.y + box.height / 2;
    for (const fx of [0.15, 0.5, 0.85]) {
      const rgb = page.at(box.x + box.width * fx, cy);
      expect(near(rgb, [40, 120, 90], 12), `at ${fx}: ${rgb.join(',')}`).toBe(true);
    }
    for (const fx of [0.02, 0.05, 0.95, 0.98]) {
      const rgb = page.at(box.x + box.width * fx, cy);
      expect(near(rgb, [255, 255, 255], 6), `at ${fx}: ${rgb.join(',')}`).toBe(true);
    }
    // Above and below the disc is paper too: one disc, not two squeezed into the top half.
    for (const fy of [0.02, 0.98]) expect(near(page.at(box.x + box.width / 2, box.y + box.height * fy), [255, 255, 255], 6)).toBe(true);
  });

  it('the rich fixture’s ornament16.png is a real 16-bit RGBA disc (it once held 8-bit bytes in 16-bit samples)', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'rich/ornament16.png'));
    // IHDR: bit depth at byte 24, colour type at byte 25 (6 = RGBA).
    expect([bytes[24], bytes[25]]).toEqual([16, 6]);
    const png = PNG.sync.read(bytes);
    const at = (x: number, y: number): number[] => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
    expect(near(at(300, 300), [40, 120, 90, 255], 2)).toBe(true);
    expect(at(5, 5)[3]).toBe(0);
  });
});
