import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeCoverArt } from '../../../src/write/cover/index.js';
import { generatedCover, type GeneratedCover } from '../../../src/write/cover/generated-cover.js';
import { PALETTE } from '../../../src/write/cover/palette.js';
import { splitAlpha, splitOpaque } from '../../../src/write/pdf/alpha-image.js';
import { BLEED, TRIMS, records } from './fixtures.js';
import { crop, decode, pictureDistance, pixel } from './picture.js';

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
let recs: Awaited<ReturnType<typeof records>>;
beforeAll(async () => {
  recs = await records();
});

/** Pixels per point of a print rendition, along each axis. */
function printScale(cover: GeneratedCover, trim: { widthPt: number; heightPt: number }, bleed: number): { x: number; y: number } {
  return { x: cover.print.width / (trim.widthPt + 2 * bleed), y: cover.print.height / (trim.heightPt + 2 * bleed) };
}

describe('generated cover', () => {
  const cases = [
    ['rich', 'A5', 0], ['rich', 'A5', BLEED], ['rich', '6x9', 0], ['rich', '6x9', BLEED],
    ['markup', 'A5', BLEED], ['long', '6x9', 0], ['long', 'A5', BLEED],
  ] as const;
  for (const [name, trimName, bleed] of cases) {
    const trim = TRIMS[trimName];
    test(`${name}, ${trimName}, ${bleed ? 'with' : 'without'} bleed: print ≥ 300 dpi, screen 1600–2560, one picture`, async () => {
      const cover = await generatedCover({ metadata: recs[name], trim, bleedPt: bleed });
      expect(cover.origin).toBe('generated');
      const print = decode(cover.print);
      const screen = decode(cover.screen);
      expect([print.width, print.height]).toEqual([cover.print.width, cover.print.height]);
      expect([screen.width, screen.height]).toEqual([cover.screen.width, cover.screen.height]);

      // ≥ 300 dpi over trim and bleed.
      expect((print.width / (trim.widthPt + 2 * bleed)) * 72).toBeGreaterThanOrEqual(300);
      expect((print.height / (trim.heightPt + 2 * bleed)) * 72).toBeGreaterThanOrEqual(300);
      // Screen: long side in range, trim's ratio (within a rounding pixel).
      const long = Math.max(screen.width, screen.height);
      expect(long).toBeGreaterThanOrEqual(1600);
      expect(long).toBeLessThanOrEqual(2560);
      expect(Math.abs(screen.width - (screen.height * trim.widthPt) / trim.heightPt)).toBeLessThanOrEqual(1);

      // The screen rendition is the print one without its bleed.
      const s = printScale(cover, trim, bleed);
      const bx = Math.round(bleed * s.x);
      const by = Math.round(bleed * s.y);
      const trimmed = crop(print, bx, by, print.width - 2 * bx, print.height - 2 * by);
      // Measured: 0.1–0.2 without bleed, 0.3–0.6 with (the crop rounds to whole pixels);
      // two different covers are about 20 apart.
      expect(pictureDistance(screen, trimmed)).toBeLessThan(1);
    });
  }

  test('nothing but paper outside the safe area (print pixels, bleed included)', async () => {
    for (const name of ['rich', 'markup', 'long'] as const) {
      const cover = await generatedCover({ metadata: recs[name], trim: TRIMS.A5, bleedPt: BLEED });
      const print = decode(cover.print);
      const s = printScale(cover, TRIMS.A5, BLEED);
      // The layout's safe area, in print pixels; one pixel of anti-aliasing allowed.
      const margin = Math.max(TRIMS.A5.widthPt / 10, 18);
      const x0 = Math.floor((BLEED + margin) * s.x) - 1;
      const x1 = Math.ceil((BLEED + TRIMS.A5.widthPt - margin) * s.x) + 1;
      const y0 = Math.floor((BLEED + margin) * s.y) - 1;
      const y1 = Math.ceil((BLEED + TRIMS.A5.heightPt - margin) * s.y) + 1;
      const paper = [1, 3, 5].map((i) => parseInt(PALETTE.paper.slice(i, i + 2), 16));
      const stray: string[] = [];
      for (let y = 0; y < print.height && stray.length < 5; y++) {
        for (let x = 0; x < print.width; x++) {
          if (x >= x0 && x < x1 && y >= y0 && y < y1) continue;
          const i = (y * print.width + x) * 4;
          if (print.data[i] !== paper[0] || print.data[i + 1] !== paper[1] || print.data[i + 2] !== paper[2]) {
            stray.push(`${x},${y}=${pixel(print, x, y)}`);
          }
        }
      }
      expect(stray, name).toEqual([]);
    }
  });

  test('text reaches the safe area: the picture is not blank', async () => {
    const cover = await generatedCover({ metadata: recs.rich, trim: TRIMS.A5, bleedPt: 0 });
    const screen = decode(cover.screen);
    const colours = new Set<string>();
    for (let y = 0; y < screen.height; y += 7) for (let x = 0; x < screen.width; x += 7) colours.add(pixel(screen, x, y));
    expect(colours).toContain(PALETTE.ink);
    expect(colours).toContain(PALETTE.accent);
  });

  test('different metadata gives a visibly different picture (the comparison can fail)', async () => {
    const [a, b] = await Promise.all([
      generatedCover({ metadata: recs.rich, trim: TRIMS.A5, bleedPt: 0 }),
      generatedCover({ metadata: recs.long, trim: TRIMS.A5, bleedPt: 0 }),
    ]);
    expect(pictureDistance(decode(a.screen), decode(b.screen))).toBeGreaterThan(5);
  });

  test('identical bytes on every run', async () => {
    const runs = await Promise.all([0, 1, 2].map(() => generatedCover({ metadata: recs.markup, trim: TRIMS['6x9'], bleedPt: BLEED })));
    const hashes = runs.map((c) => [sha(c.print.data), sha(c.screen.data), c.svg.print, c.alt]);
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });

  // The PDF embeds the print rendition from this split (made from resvg's pixels, not by decoding
  // the PNG): it must be exactly what splitting the PNG gives, or the PDF's bytes would change.
  test("the print rendition's split is its PNG's, and a translucent picture has none", async () => {
    const cover = await generatedCover({ metadata: recs.rich, trim: TRIMS.A5, bleedPt: BLEED });
    const split = cover.print.split;
    expect(split).toBeDefined();
    const fromPng = await splitAlpha(cover.print.data);
    expect(fromPng.alpha).toBeUndefined();
    expect([split!.width, split!.height, split!.colors]).toEqual([fromPng.width, fromPng.height, fromPng.colors]);
    expect(sha(split!.color)).toBe(sha(fromPng.color));
    const rgba = new Uint8Array(2 * 2 * 4).fill(255);
    expect(splitOpaque(rgba, 2, 2)).toBeDefined();
    rgba[7] = 254;
    expect(splitOpaque(rgba, 2, 2)).toBeUndefined();
  });

  test('markup in the metadata is escaped in the SVG and spoken in the alt text', async () => {
    const cover = await generatedCover({ metadata: recs.markup, trim: TRIMS.A5, bleedPt: 0 });
    const texts = [...cover.svg.screen.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const title = texts.filter((t) => /Fish|Chips|Quoted|Brien|Pier|svg/.test(t)).join(' ');
    expect(title).toBe('Fish &amp; Chips &lt;b&gt;&quot;Quoted&quot;&lt;/b&gt; O’Brien’s &#39;Pier&#39; &lt;/svg&gt;');
    expect(texts).toContain('A &lt; B &amp; C &gt; D');
    // Exactly one root element closed once: the title did not break out of its text node.
    expect(cover.svg.screen.match(/<\/svg>/g)).toHaveLength(1);
    expect(cover.alt).toBe(
      `Cover: Fish & Chips <b>"Quoted"</b> O’Brien’s 'Pier' </svg>. A < B & C > D. Ahmad Karimi. Edited by Jane Q. Doe. ` +
        'Photographs by Zoë Ångström. Coastal Notes, 2. Broadsheet Test Press, 2025.',
    );
  });

  test('uses the bundled fonts only, whatever the machine has', async () => {
    const cover = await generatedCover({ metadata: recs.rich, trim: TRIMS.A5, bleedPt: 0 });
    expect(cover.svg.screen).toMatch(/font-family="Noto Serif"/);
    expect(cover.svg.screen).not.toMatch(/font-family="(?!Noto Serif")/);
  });

  test('makeCoverArt without an image returns the generated art without its SVG', async () => {
    const art = await makeCoverArt({ metadata: recs.rich, trim: TRIMS.A5, bleedPt: BLEED, alt: 'ignored' });
    expect(art.origin).toBe('generated');
    expect(art.alt).toBe(
      'Cover: Harbour & Hinterland: “Notes” <from> the Coast. A small anthology for testing every block. Ahmad Karimi. ' +
        'Edited by Jane Q. Doe. Photographs by Zoë Ångström. Coastal Notes, 2. Broadsheet Test Press, 2025.',
    );
    expect(Object.keys(art).sort()).toEqual(['alt', 'origin', 'print', 'screen']);
    expect([art.print.width, art.print.height]).toEqual([1819, 2552]);
    expect([art.screen.width, art.screen.height]).toEqual([1804, 2560]);
  });
});

