/**
 * Every bitmap format real articles use comes out as something both writers can take: the EPUB
 * keeps core media types (JPEG, PNG, GIF, WebP, SVG) and gets PNG/JPEG for the rest; the PDF always
 * gets a PNG or JPEG (or vectors for SVG). Inputs are made here with sharp and bmp-ts, real encoders.
 */
import { encode as encodeBmp } from 'bmp-ts';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ImageStore } from '../../src/images/image.js';
import { acceptImage, loadImage } from '../../src/images/load.js';
import { sniffImage } from '../../src/images/sniff.js';
import { rankSrcsets } from '../../src/read/html/to-model/srcset.js';

const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 60, b: 40 } } });

async function accept(data: Uint8Array) {
  const store: ImageStore = new Map();
  const r = await acceptImage(data, 'test', store);
  if ('problem' in r) throw new Error(r.problem.message);
  return r.image;
}

describe('acceptImage', () => {
  it.each([
    ['webp', 'image/webp', 'image/jpeg', () => photo().webp().toBuffer()],
    ['webp with alpha', 'image/webp', 'image/png', () => photo().ensureAlpha(0.5).webp().toBuffer()],
    ['avif', 'image/jpeg', 'image/jpeg', () => photo().avif().toBuffer()],
    ['tiff', 'image/png', 'image/png', () => photo().tiff().toBuffer()],
    ['gif', 'image/gif', 'image/png', () => photo().gif().toBuffer()],
    ['jpeg', 'image/jpeg', 'image/jpeg', () => photo().jpeg().toBuffer()],
  ] as const)('%s: EPUB %s, print %s', async (format, epub, print, make) => {
    const data = new Uint8Array(await make());
    expect(sniffImage(data)).toBe(format.split(' ')[0]);
    const image = await accept(data);
    expect(image.mediaType).toBe(epub);
    expect(image.print).toMatchObject({ kind: 'bitmap', mediaType: print, width: 40, height: 30 });
    expect([image.width, image.height]).toEqual([40, 30]);
    expect(image.fileName).toMatch(new RegExp(`^images/img-[0-9a-f]{12}\\.${epub.split('/')[1]!.replace('jpeg', 'jpg')}$`));
  });

  it('BMP, which libvips cannot read, becomes a PNG with the right pixels', async () => {
    const pixels = Buffer.alloc(4 * 3 * 2);
    for (let i = 0; i < 6; i++) pixels.set([0, 40, 60, 200], i * 4); // bmp-ts pixels are ABGR
    const data = new Uint8Array(encodeBmp({ data: pixels, width: 3, height: 2, bitPP: 24 }).data);
    expect(sniffImage(data)).toBe('bmp');
    const image = await accept(data);
    expect(image.mediaType).toBe('image/png');
    const { data: raw } = await sharp(image.data).raw().toBuffer({ resolveWithObject: true });
    expect([...raw.subarray(0, 3)]).toEqual([200, 60, 40]);
  });

  it('an animated GIF is kept whole for the EPUB, marked animated, and printed from its first frame', async () => {
    // An 8×16 strip written with an 8-pixel page height is a two-frame GIF (blue, then red).
    const pixels = await sharp({ create: { width: 8, height: 16, channels: 3, background: '#00f' } })
      .composite([{ input: { create: { width: 8, height: 8, channels: 3, background: '#f00' } }, top: 8, left: 0 }])
      .raw().toBuffer();
    const strip = new Uint8Array(await sharp(pixels, { raw: { width: 8, height: 16, channels: 3, pageHeight: 8 } }).gif({ loop: 0 }).toBuffer());
    const image = await accept(strip);
    expect(image.mediaType).toBe('image/gif');
    expect(image.data).toEqual(strip);
    expect(image.animated).toBe(true);
    expect(image.print).toMatchObject({ kind: 'bitmap', mediaType: 'image/png', width: 8, height: 8 });
  });

  it('decodes data: URIs within the size limit and refuses larger ones unread', async () => {
    const png = (await photo().png().toBuffer()).toString('base64');
    const ref = { src: `data:image/png;base64,${png}`, file: 'a.md', baseDir: '.', field: 'image' };
    const ok = await loadImage(ref, new Map());
    expect(ok).toHaveProperty('image.mediaType', 'image/png');
    const big = await loadImage(ref, new Map(), { maxBytes: 100, maxPixels: 30_000 });
    expect(big).toMatchObject({ problem: { kind: 'unreadable', message: expect.stringMatching(/over the limit/) } });
  });

  it('a truncated image is a problem to report, not a crash', async () => {
    const data = new Uint8Array(await photo().webp().toBuffer()).subarray(0, 30);
    const r = await acceptImage(data, 'test', new Map());
    expect(r).toMatchObject({ problem: { kind: 'unreadable' } });
  });
});

describe('rankSrcsets', () => {
  it('puts the widest, then the densest candidate first and drops refused URLs', () => {
    expect(rankSrcsets(['a-400.jpg 400w, a-1600.jpg 1600w, a-800.jpg 800w'])).toEqual(['a-1600.jpg', 'a-800.jpg', 'a-400.jpg']);
    expect(rankSrcsets(['b.webp, b@3x.webp 3x', 'b@2x.jpg 2x, javascript:alert(1) 4x'])).toEqual(['b@3x.webp', 'b@2x.jpg', 'b.webp']);
    expect(rankSrcsets(['data:image/png;base64,AAAA 2x, c.png'])).toEqual(['data:image/png;base64,AAAA', 'c.png']);
  });
});
