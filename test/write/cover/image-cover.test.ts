import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LoadedImage } from '../../../src/images/image.js';
import { acceptImage } from '../../../src/images/load.js';
import { makeCoverArt } from '../../../src/write/cover/index.js';
import type { MetadataRecord } from '../../../src/write/metadata/record.js';
import { BLEED, TRIMS, records } from './fixtures.js';
import { decode, pictureDistance, type Raster } from './picture.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rich');
let metadata: MetadataRecord;
beforeAll(async () => {
  metadata = (await records()).rich;
});

function loaded(data: Uint8Array, mediaType: 'image/jpeg' | 'image/png', width: number, height: number): LoadedImage {
  return { id: 'img-test', fileName: 'images/img-test', mediaType, data, width, height, file: '/dev/null', animated: false, print: { kind: 'bitmap', data, mediaType, width, height } };
}

async function fixture(name: string, mediaType: 'image/jpeg' | 'image/png', width: number, height: number): Promise<LoadedImage> {
  return loaded(new Uint8Array(await readFile(path.join(FIXTURES, name))), mediaType, width, height);
}

/** A picture with large shapes and smooth gradients, so a downscale of it is easy to compare. */
function painting(width: number, height: number): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inDisc = (x - width * 0.6) ** 2 + (y - height * 0.4) ** 2 < (height * 0.25) ** 2;
      data[i] = inDisc ? 200 : Math.round((255 * x) / width);
      data[i + 1] = inDisc ? 40 : Math.round((255 * y) / height);
      data[i + 2] = x < width / 5 ? 220 : 60;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

const args = (image: LoadedImage, alt = 'A harbour wall at dawn.') => ({ metadata, image, alt, trim: TRIMS.A5, bleedPt: BLEED });

describe('cover from the user’s image', () => {
  test('an SVG cover is drawn as a PNG for both renditions (issue 10)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300"><rect width="200" height="300" fill="#1d3557"/><circle cx="100" cy="120" r="60" fill="#e9c46a"/></svg>';
    const loaded = await acceptImage(new TextEncoder().encode(svg), 'cover.svg', new Map());
    if ('problem' in loaded) throw new Error(loaded.problem.message);
    const art = await makeCoverArt(args(loaded.image));
    expect(art.print).toMatchObject({ mediaType: 'image/png', width: 2339, height: 3508 });
    expect(art.screen).toMatchObject({ mediaType: 'image/png', height: 2560 });
  });

  test('a JPEG with a long side within 1600–2560 px is passed through to both renditions', async () => {
    const image = await fixture('harbour.jpg', 'image/jpeg', 1800, 1200);
    const art = await makeCoverArt(args(image));
    expect(art.origin).toBe('image');
    expect(art.alt).toBe('A harbour wall at dawn.');
    for (const r of [art.print, art.screen]) {
      expect(r.data).toBe(image.data);
      expect(r).toMatchObject({ mediaType: 'image/jpeg', width: 1800, height: 1200 });
    }
  });

  test('a small image is not upscaled', async () => {
    const image = await fixture('ornament16.png', 'image/png', 600, 600);
    const art = await makeCoverArt(args(image));
    expect(art.screen.data).toBe(image.data);
    expect(art.print.data).toBe(image.data);
  });

  test('a large PNG: print keeps the original, screen is the same picture at 2560 px', async () => {
    const source = painting(3200, 4000);
    const png = new PNG({ width: source.width, height: source.height });
    png.data = Buffer.from(source.data);
    const data = new Uint8Array(PNG.sync.write(png));
    const art = await makeCoverArt(args(loaded(data, 'image/png', 3200, 4000)));
    expect(art.print.data).toBe(data);
    expect(art.screen).toMatchObject({ mediaType: 'image/png', width: 2048, height: 2560 });
    const screen = decode(art.screen);
    expect([screen.width, screen.height]).toEqual([2048, 2560]);
    expect(pictureDistance(screen, source)).toBeLessThan(1);
  });

  test('a large JPEG: screen becomes a PNG of the same picture, deterministically', async () => {
    const source = painting(3000, 2250);
    const data = new Uint8Array(jpeg.encode({ width: source.width, height: source.height, data: source.data }, 90).data);
    const image = loaded(data, 'image/jpeg', 3000, 2250);
    const [a, b] = await Promise.all([makeCoverArt(args(image)), makeCoverArt(args(image))]);
    expect(a.print).toMatchObject({ mediaType: 'image/jpeg', width: 3000, height: 2250 });
    expect(a.print.data).toBe(data);
    expect(a.screen).toMatchObject({ mediaType: 'image/png', width: 2560, height: 1920 });
    expect(pictureDistance(decode(a.screen), decode(a.print))).toBeLessThan(1);
    expect(Buffer.from(b.screen.data).equals(Buffer.from(a.screen.data))).toBe(true);
  });

  test('a large image resvg cannot decode keeps the original for screen rather than going blank', async () => {
    const png = new PNG({ width: 8, height: 8 });
    const header = PNG.sync.write(png).subarray(0, 33); // signature and IHDR only: no image data
    const data = new Uint8Array(header);
    const art = await makeCoverArt(args(loaded(data, 'image/png', 3000, 4000)));
    expect(art.screen.data).toBe(data);
  });

  test('an image without alt text is at least named by the title', async () => {
    const image = await fixture('harbour.jpg', 'image/jpeg', 1800, 1200);
    const art = await makeCoverArt({ ...args(image), alt: '  ' });
    expect(art.alt).toBe('Cover of Harbour & Hinterland: “Notes” <from> the Coast');
  });
});
