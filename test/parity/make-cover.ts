/**
 * Writes test/fixtures/parity/full/cover.jpg: an 1800 × 2700 JPEG (over 300 dpi on an A5 page, so the build has nothing to warn about) of flat shapes in distinct colours
 * (bands, a disc, a diagonal, a checker corner), so a comparison that swapped, cropped, mirrored or
 * recoloured the picture would fail. Deterministic. Regenerate from the repository root with
 * `npx tsc --outDir /tmp/make-cover --module nodenext --skipLibCheck test/parity/make-cover.ts &&
 * node /tmp/make-cover/make-cover.js` and commit the file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';

export const COVER_WIDTH = 1800;
export const COVER_HEIGHT = 2700;

type Rgb = [number, number, number];

/** The colour of pixel (x, y) of the fixture cover. */
export function coverPixel(px: number, py: number): Rgb {
  // The shapes are drawn on a 1600 × 2400 design grid, scaled to the file's size.
  const w = 1600;
  const h = 2400;
  const x = (px * w) / COVER_WIDTH;
  const y = (py * h) / COVER_HEIGHT;
  // A checker block in the top-left corner: catches mirroring and offsets.
  if (x < 400 && y < 400) return (Math.floor(x / 100) + Math.floor(y / 100)) % 2 === 0 ? [20, 20, 20] : [240, 240, 240];
  // A red disc, off centre.
  if ((x - 1050) ** 2 + (y - 700) ** 2 < 330 ** 2) return [200, 30, 40];
  // A yellow diagonal stripe.
  if (Math.abs(x - (y - 1000) * 0.8) < 90 && y > 1000 && y < 2100) return [240, 200, 20];
  // A green bottom band.
  if (y > (h * 5) / 6) return [20, 120, 60];
  // Background: a vertical gradient from deep blue to light blue.
  const t = y / h;
  return [Math.round(20 + 120 * t), Math.round(40 + 140 * t), Math.round(120 + 120 * t)];
}

export function coverJpeg(quality = 85): Buffer {
  const data = Buffer.alloc(COVER_WIDTH * COVER_HEIGHT * 4);
  for (let y = 0; y < COVER_HEIGHT; y++) {
    for (let x = 0; x < COVER_WIDTH; x++) {
      const [r, g, b] = coverPixel(x, y);
      const i = (y * COVER_WIDTH + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ data, width: COVER_WIDTH, height: COVER_HEIGHT }, quality).data;
}

if (process.argv[1] && path.basename(process.argv[1]) === 'make-cover.js') {
  const out = path.resolve(process.argv[2] ?? 'test/fixtures/parity/full/cover.jpg');
  const bytes = coverJpeg();
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes)`);
}
