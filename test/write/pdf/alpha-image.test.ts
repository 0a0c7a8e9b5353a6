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
import { pngHasAlpha, splitAlpha, splitPlain, splitWithSharp, type SplitImage } from '../../../src/write/pdf/alpha-image.js';

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
    // A grey image stays one grey channel (DeviceGray): the grey press edition has no RGB image.
    expect(g.colors).toBe(1);
    expect([...inflateSync(g.color)]).toEqual([10, 20, 30, 40]);
    expect([...inflateSync(g.alpha!)]).toEqual([255, 0, 128, 255]);
  });

  // The generated cover (resvg's PNG) is split without sharp (plain-png.ts): for every row filter,
  // RGB and grey with alpha, the samples must be the ones sharp decodes.
  it('splits plain 8-bit PNGs as sharp does, whatever the row filter', async () => {
    const width = 37;
    const height = 23;
    const pixels = Buffer.alloc(width * height * 4);
    // Noise (a fixed LCG), so that every branch of every filter is taken; opaque on the left.
    let seed = 12345;
    const noise = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let p = 0; p < width * height; p++) pixels.set([noise(), noise(), noise(), p % width < 5 ? 255 : noise()], p * 4);
    const inflated = (split: SplitImage): number[][] => [[split.width, split.height, split.colors], [...inflateSync(split.color)], split.alpha ? [...inflateSync(split.alpha)] : []];
    for (const colorType of [6, 4] as const) {
      for (const filterType of [0, 1, 2, 3, 4]) {
        const png = new PNG({ width, height });
        // Grey with alpha takes the red sample of each pixel as its grey: make the three equal.
        png.data = colorType === 4 ? Buffer.from(pixels.map((v, i) => (i % 4 === 3 ? v : pixels[i - (i % 4)]!))) : pixels;
        const bytes = PNG.sync.write(png, { colorType, filterType });
        expect(bytes[25], 'colour type').toBe(colorType);
        const plain = splitPlain(bytes);
        expect(plain, `colour type ${colorType}, filter ${filterType}`).toBeDefined();
        expect(inflated(await plain!), `colour type ${colorType}, filter ${filterType}`).toEqual(inflated(await splitWithSharp(bytes)));
      }
    }
    // Opaque everywhere: no alpha, as with sharp.
    const opaque = await sharp({ create: { width: 5, height: 3, channels: 4, background: { r: 9, g: 8, b: 7, alpha: 1 } } }).png().toBuffer();
    expect((await splitPlain(opaque)!).alpha).toBeUndefined();
  });

  it('leaves to sharp the PNGs whose samples a decoder would change or could not read', async () => {
    const rgba = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } }).png().toBuffer();
    expect(splitPlain(rgba)).toBeDefined();
    // An ICC profile (sharp converts to sRGB), 16 bits, a palette, interlacing, a damaged stream.
    const withProfile = await sharp(rgba).withIccProfile('p3').png().toBuffer();
    expect(withProfile.includes(Buffer.from('iCCP'))).toBe(true);
    expect(splitPlain(withProfile)).toBeUndefined();
    expect(splitPlain(await readFile(path.join(RICH, 'ornament16.png')))).toBeUndefined();
    expect(splitPlain(await sharp(rgba).png({ palette: true }).toBuffer())).toBeUndefined();
    expect(splitPlain(await sharp(rgba).png({ progressive: true }).toBuffer())).toBeUndefined();
    const damaged = Buffer.from(rgba);
    damaged[damaged.indexOf('IDAT') + 10]! ^= 0xff;
    expect(splitPlain(damaged)).toBeUndefined();
  });
});
