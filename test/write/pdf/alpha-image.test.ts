/**
 * PNGs with transparency are split by sharp (write/pdf/alpha-image.ts), not by pdfkit's png-js:
 * the colour and the alpha samples must come out whole, pixel for pixel, and an alpha channel
 * that hides nothing must be dropped. Read back by inflating what goes into the PDF.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngHasAlpha, splitAlpha } from '../../../src/write/pdf/alpha-image.js';

const RICH = path.resolve(import.meta.dirname, '../../fixtures/rich');

describe('PNGs with transparency', () => {
  it('tells PNGs whose pixels carry alpha from those that do not', async () => {
    expect(pngHasAlpha(await readFile(path.join(RICH, 'ornament16.png')))).toBe(true);
    expect(pngHasAlpha(await readFile(path.join(RICH, 'harbour.jpg')))).toBe(false);
    const rgb = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#102030' } }).png().toBuffer();
    expect(pngHasAlpha(rgb)).toBe(false);
    const palette = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png({ palette: true }).toBuffer();
    expect(palette[25]).toBe(3);
    expect(pngHasAlpha(palette)).toBe(true);
  });

  it('splits a 16-bit RGBA disc into 8-bit colour and an alpha mask that matches the PNG', async () => {
    const bytes = await readFile(path.join(RICH, 'ornament16.png'));
    const split = await splitAlpha(bytes);
    const png = PNG.sync.read(bytes);
    expect([split.width, split.height, split.colors]).toEqual([png.width, png.height, 3]);
    const color = inflateSync(split.color);
    const alpha = inflateSync(split.alpha!);
    expect(color.length).toBe(png.width * png.height * 3);
    expect(alpha.length).toBe(png.width * png.height);
    for (const [x, y] of [[300, 300], [5, 5], [png.width - 1, png.height - 1], [Math.floor(png.width / 2), 10]] as const) {
      const p = y * png.width + x;
      expect(alpha[p], `alpha at ${x},${y}`).toBe(png.data[p * 4 + 3]);
      if (png.data[p * 4 + 3] === 255) expect([...color.subarray(p * 3, p * 3 + 3)], `colour at ${x},${y}`).toEqual([...png.data.subarray(p * 4, p * 4 + 3)]);
    }
  });

  it('drops an alpha channel that is opaque everywhere, and splits grey with alpha', async () => {
    const opaque = await sharp({ create: { width: 3, height: 2, channels: 4, background: { r: 200, g: 100, b: 50, alpha: 1 } } }).png().toBuffer();
    const split = await splitAlpha(opaque);
    expect(split.alpha).toBeUndefined();
    expect([...inflateSync(split.color)]).toEqual(Array.from({ length: 6 }, () => [200, 100, 50]).flat());
    const grey = await sharp(Buffer.from([10, 255, 20, 0, 30, 128, 40, 255]), { raw: { width: 2, height: 2, channels: 2 } }).toColourspace('b-w').png().toBuffer();
    expect(grey[25]).toBe(4);
    const g = await splitAlpha(grey);
    // sharp decodes grey to sRGB: the PDF gets the same greys as RGB samples.
    expect([...inflateSync(g.color)]).toEqual([10, 20, 30, 40].flatMap((v) => [v, v, v]));
    expect([...inflateSync(g.alpha!)]).toEqual([255, 0, 128, 255]);
  });
});
