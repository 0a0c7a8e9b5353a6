/**
 * The print-on-demand cover wrap (issue 14.2), checked on real files with poppler as a printer's
 * preflight would: the sheet's size against the services' published spine figures (restated here
 * from their sources, not imported), the page boxes, the spine text, the barcode zone, the fonts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../../src/build.js';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { parseBuildArgs, UsageError } from '../../../src/cli/build.parser.js';
import type { CoverArt } from '../../../src/write/cover/cover-art.js';
import { makeCoverArt } from '../../../src/write/cover/index.js';
import { coverWrap, type Paper, type PodService } from '../../../src/write/cover-wrap/index.js';
import type { MetadataRecord } from '../../../src/write/metadata/record.js';
import { runOk } from '../../support/exec.js';
import { pdfFonts, pdfInfo, pdfStructText, pdfText, pdfWordBoxes } from '../../support/pdf.js';
import { writerInputFromJson } from '../../support/writer-input.js';

const IN = 72;
const MM = 72 / 25.4;
const TRIMS = {
  '6x9': { widthPt: 6 * IN, heightPt: 9 * IN },
  A5: { widthPt: 148 * MM, heightPt: 210 * MM },
  Letter: { widthPt: 8.5 * IN, heightPt: 11 * IN },
} as const;

/**
 * Inches per page. KDP's cover calculator: white 0.002252, cream 0.0025, premium colour 0.002347
 * (https://kidillus.com/kdp-cover-size-guide). IngramSpark's template generator, 200 pages:
 * white 10.77 mm, crème 11.63 mm (https://answers.preparetopublish.com/p/what-sort-of-paper-should-my-book).
 */
const PER_PAGE: Record<PodService, Partial<Record<Paper, number>>> = {
  kdp: { white: 0.002252, cream: 0.0025, coated: 0.002347 },
  ingramspark: { white: 10.77 / 25.4 / 200, cream: 11.63 / 25.4 / 200 },
};
/** 0.125 in on every side, both services. */
const BLEED_IN = 0.125;
/** Spine text: KDP from 80 pages (more than 79), IngramSpark from 48; 0.0625 in clear of each fold. */
const SPINE_TEXT_MIN_PAGES: Record<PodService, number> = { kdp: 80, ingramspark: 48 };
const SPINE_MARGIN_IN = 0.0625;
/**
 * broadsheet's own floor: no spine type smaller than 6 pt. Letters span at least an em (more with
 * accents), so a band narrower than 6 pt never carries text; the cases keep clear of the border.
 */
const MIN_TYPE_PT = 6;
/** KDP's barcode area: 2 × 1.2 in, 0.25 in from the spine and from the bottom trim; 0.25 in safe margin. */
const BARCODE = { w: 2 * IN, h: 1.2 * IN, fromSpine: 0.25 * IN, fromBottom: 0.25 * IN };
const SAFE = 0.25 * IN;

interface Case {
  service: PodService;
  paper: Paper;
  pages: number;
  trim: keyof typeof TRIMS;
  art: 'generated' | 'image';
}

const CASES: Case[] = [
  { service: 'kdp', paper: 'white', pages: 24, trim: '6x9', art: 'generated' },
  { service: 'kdp', paper: 'white', pages: 88, trim: '6x9', art: 'generated' },
  { service: 'kdp', paper: 'white', pages: 120, trim: 'A5', art: 'image' },
  { service: 'kdp', paper: 'cream', pages: 300, trim: '6x9', art: 'generated' },
  { service: 'kdp', paper: 'coated', pages: 452, trim: 'Letter', art: 'image' },
  { service: 'ingramspark', paper: 'white', pages: 200, trim: '6x9', art: 'image' },
  { service: 'ingramspark', paper: 'cream', pages: 40, trim: 'A5', art: 'image' },
];

const name = (c: Case): string => `${c.service} ${c.paper} ${c.pages} pp ${c.trim}`;

let dir: string;
let metadata: MetadataRecord;
let imageArt: CoverArt;
let generatedArt: CoverArt;
const files = new Map<Case, { path: string; spineText: boolean; warnings: string[] }>();

async function writeWrap(c: Case, record = metadata, file = path.join(dir, `${name(c).replace(/\s+/g, '-')}.pdf`)): Promise<{ path: string; spineText: boolean; warnings: string[]; bytes: Uint8Array }> {
  const trim = TRIMS[c.trim];
  if (c.art === 'generated' && c.trim !== '6x9') throw new Error('generated art is made for 6x9 only');
  const cover = c.art === 'image' ? imageArt : generatedArt;
  const diagnostics = new Diagnostics();
  const wrap = await coverWrap({ metadata: record, cover, trim, pageCount: c.pages, paper: c.paper, service: c.service, diagnostics });
  await writeFile(file, wrap.bytes);
  return { path: file, spineText: wrap.spineText, warnings: diagnostics.warnings.map((d) => d.code), bytes: wrap.bytes };
}

/** `pdfinfo -box`: MediaBox, BleedBox, TrimBox as [llx, lly, urx, ury]. */
async function boxes(file: string): Promise<Record<'MediaBox' | 'BleedBox' | 'TrimBox', number[]>> {
  const out = (await runOk('pdfinfo', ['-box', file])).stdout;
  const get = (box: string): number[] => {
    const m = new RegExp(`^${box}:\\s+(.*)$`, 'm').exec(out);
    if (!m?.[1]) throw new Error(`no ${box} in pdfinfo -box:\n${out}`);
    return m[1].trim().split(/\s+/).map(Number);
  };
  return { MediaBox: get('MediaBox'), BleedBox: get('BleedBox'), TrimBox: get('TrimBox') };
}

/** A region (points from the top-left) rendered in grey at `dpi`: 0 is black, 255 white. */
interface Raster {
  width: number;
  height: number;
  at(x: number, y: number): number;
  min(x0: number, x1: number): number;
}

async function grey(file: string, r: { x: number; y: number; width: number; height: number }, dpi = 72): Promise<Raster> {
  const out = path.join(dir, `grey-${Math.round(r.x)}-${Math.round(r.y)}-${dpi}`);
  const px = (pt: number): string => String(Math.round((pt * dpi) / 72));
  await runOk('pdftoppm', ['-r', String(dpi), '-gray', '-x', px(r.x), '-y', px(r.y), '-W', px(r.width), '-H', px(r.height), '-singlefile', file, out]);
  const pgm = await readFile(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = pgm.subarray(header[0].length);
  return {
    width,
    height,
    at: (x, y) => data[y * width + x]!,
    /** Darkest pixel of the columns from x0 to x1 (pixels, x1 excluded), all rows. */
    min(x0, x1) {
      let m = 255;
      for (let y = 0; y < height; y++) for (let x = x0; x < x1; x++) m = Math.min(m, data[y * width + x]!);
      return m;
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cover-wrap-'));
  const input = await writerInputFromJson();
  metadata = input.metadata;
  imageArt = input.cover;
  generatedArt = await makeCoverArt({ metadata, trim: TRIMS['6x9'], bleedPt: BLEED_IN * IN });
  for (const c of CASES) files.set(c, await writeWrap(c));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cover wrap: the sheet against the published figures', () => {
  for (const c of CASES) {
    test(`${name(c)}: width = 2 × trim + spine + 2 × bleed, TrimBox inside BleedBox = MediaBox`, async () => {
      const trim = TRIMS[c.trim];
      const spine = c.pages * PER_PAGE[c.service][c.paper]! * IN;
      const bleed = BLEED_IN * IN;
      const width = 2 * trim.widthPt + spine + 2 * bleed;
      const height = trim.heightPt + 2 * bleed;
      const b = await boxes(files.get(c)!.path);
      // pdfinfo prints two decimals.
      const close = (actual: number[], expected: number[]): void => expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 1));
      close(b.MediaBox, [0, 0, width, height]);
      close(b.BleedBox, [0, 0, width, height]);
      close(b.TrimBox, [bleed, bleed, width - bleed, height - bleed]);
    });

    const wide = c.pages >= SPINE_TEXT_MIN_PAGES[c.service] && c.pages * PER_PAGE[c.service][c.paper]! * IN - 2 * SPINE_MARGIN_IN * IN >= MIN_TYPE_PT;
    test(`${name(c)}: the spine ${wide ? 'carries the title' : 'stays bare'}`, async () => {
      const trim = TRIMS[c.trim];
      const spine = c.pages * PER_PAGE[c.service][c.paper]! * IN;
      const x = BLEED_IN * IN + trim.widthPt;
      const text = await pdfText(files.get(c)!.path, { crop: { x, y: 0, width: spine, height: trim.heightPt + 2 * BLEED_IN * IN } });
      const words = text.replace(/\s+/g, ' ').trim();
      if (wide) {
        expect(words).toContain(metadata.title.split(/\s+/)[0]);
        // Rendered at 144 dpi (2 px a point): no ink within 0.0625 in of either fold, one pixel left
        // at each edge of the strips for anti-aliasing (against the next panel, and the glyph that
        // reaches the strip's inner edge); ink between them.
        const raster = await grey(files.get(c)!.path, { x, y: 0, width: spine, height: trim.heightPt + 2 * BLEED_IN * IN }, 144);
        const margin = Math.floor(SPINE_MARGIN_IN * IN * 2);
        expect(raster.min(1, margin - 1), 'back fold').toBeGreaterThan(200);
        expect(raster.min(raster.width - margin + 1, raster.width - 1), 'front fold').toBeGreaterThan(200);
        expect(raster.min(margin, raster.width - margin), 'title').toBeLessThan(100);
      } else {
        expect(words).toBe('');
      }
      expect(files.get(c)!.spineText).toBe(wide);
    });
  }
});

describe('cover wrap: what a print service checks', () => {
  const c = CASES[3]!;
  const geometry = (): { back: { x: number; y: number; width: number; height: number }; barcode: { x: number; y: number; width: number; height: number }; width: number; height: number } => {
    const trim = TRIMS[c.trim];
    const bleed = BLEED_IN * IN;
    const spineX = bleed + trim.widthPt;
    return {
      back: { x: bleed, y: bleed, width: trim.widthPt, height: trim.heightPt },
      barcode: { x: spineX - BARCODE.fromSpine - BARCODE.w, y: bleed + trim.heightPt - BARCODE.fromBottom - BARCODE.h, width: BARCODE.w, height: BARCODE.h },
      width: 2 * trim.widthPt + c.pages * PER_PAGE[c.service][c.paper]! * IN + 2 * bleed,
      height: trim.heightPt + 2 * bleed,
    };
  };

  test('every font is embedded and subset, with a ToUnicode map', async () => {
    const fonts = await pdfFonts(files.get(c)!.path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
  });

  test('title and dates from the record; tagged, the front art a Figure with its alt text', async () => {
    const info = await pdfInfo(files.get(c)!.path);
    expect(info.Title).toBe(metadata.title);
    expect(info.Tagged).toBe('yes');
    expect(info.Pages).toBe('1');
    expect(new Date(info.CreationDate!).getTime()).toBe(metadata.published.getTime());
    const struct = await pdfStructText(files.get(c)!.path);
    expect(struct).toMatch(/Figure/);
    expect(struct).toContain('Hinterland');
    expect(struct).toContain(metadata.publisher!);
  });

  test('the back carries the description, inside the safe margin and clear of the barcode zone', async () => {
    const g = geometry();
    const back = (await pdfText(files.get(c)!.path, { crop: g.back })).replace(/\s+/g, ' ');
    expect(back).toContain(metadata.description.replace(/\s+/g, ' ').trim().split(' ').slice(0, 8).join(' '));
    const words = (await pdfWordBoxes(files.get(c)!.path)).filter((w) => w.xMax <= g.back.x + g.back.width);
    expect(words.length).toBeGreaterThan(5);
    for (const w of words) {
      expect(w.xMin, w.word).toBeGreaterThanOrEqual(g.back.x + SAFE - 0.5);
      expect(w.xMax, w.word).toBeLessThanOrEqual(g.back.x + g.back.width - SAFE + 0.5);
      expect(w.yMin, w.word).toBeGreaterThanOrEqual(g.back.y + SAFE - 0.5);
      expect(w.yMax, w.word).toBeLessThanOrEqual(g.back.y + g.back.height - SAFE + 0.5);
      const inBarcode = w.xMax > g.barcode.x && w.xMin < g.barcode.x + g.barcode.width && w.yMax > g.barcode.y && w.yMin < g.barcode.y + g.barcode.height;
      expect(inBarcode, w.word).toBe(false);
    }
  });

  test('rendered, the barcode zone is white and the bleed is painted to every edge', async () => {
    const g = geometry();
    const zone = await grey(files.get(c)!.path, { x: g.barcode.x + 1, y: g.barcode.y + 1, width: g.barcode.width - 2, height: g.barcode.height - 2 });
    expect(zone.min(0, zone.width)).toBeGreaterThanOrEqual(250);
    // The whole sheet at 18 dpi: pixels one in from its corners (within the 0.125 in bleed) are the
    // background, never bare paper. The last row or column may be cut by the page edge.
    const sheet = await grey(files.get(c)!.path, { x: 0, y: 0, width: g.width, height: g.height }, 18);
    const right = sheet.width - 2;
    const bottom = sheet.height - 2;
    for (const [x, y] of [[1, 1], [right, 1], [1, bottom], [right, bottom]] as const) expect(sheet.at(x, y), `pixel ${x},${y}`).toBeLessThan(250);
  });

  test('the same arguments give the same bytes', async () => {
    const again = await writeWrap(CASES[2]!, metadata, path.join(dir, 'again.pdf'));
    expect(Buffer.from(again.bytes).equals(await readFile(files.get(CASES[2]!)!.path))).toBe(true);
  });

  test('a description too long for the back is cut with an ellipsis, and said so', async () => {
    const long = { ...metadata, description: Array.from({ length: 60 }, () => metadata.description).join(' ') };
    const out = await writeWrap(CASES[2]!, long, path.join(dir, 'long.pdf'));
    expect(out.warnings).toContain('pod.description.truncated');
    const back = { x: BLEED_IN * IN, y: 0, width: TRIMS.A5.widthPt, height: TRIMS.A5.heightPt };
    expect(await pdfText(out.path, { crop: back })).toContain('…');
  });

  test('a page count the service does not print is warned about, its limits are not', async () => {
    expect(files.get(CASES[0]!)!.warnings).not.toContain('pod.pages.out-of-range'); // KDP's 24 pages
    expect(files.get(CASES[6]!)!.warnings).not.toContain('pod.pages.out-of-range'); // IngramSpark from 18
    for (const pages of [20, 832]) {
      const out = await writeWrap({ ...CASES[2]!, pages }, metadata, path.join(dir, `pages-${pages}.pdf`));
      expect(out.warnings, String(pages)).toContain('pod.pages.out-of-range');
    }
  });

  test('a cover image below 300 dpi on the front is warned about; generated art is made for it', () => {
    // The fixture's 1800 × 1200 px photograph fills a 5.8 × 8.5 in front with its bleed: about 140 dpi.
    expect(files.get(CASES[2]!)!.warnings).toContain('pod.cover.low-resolution');
    expect(files.get(CASES[0]!)!.warnings).toEqual([]);
  });
});

describe('cover wrap: a right-to-left book', () => {
  test('is bound on the right: front on the left, back and its barcode zone mirrored', async () => {
    const c: Case = { service: 'kdp', paper: 'white', pages: 240, trim: 'A5', art: 'image' };
    const arabic = { ...metadata, lang: 'ar', title: 'حقوق الإنسان', description: 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.' };
    const out = await writeWrap(c, arabic, path.join(dir, 'rtl.pdf'));
    const trim = TRIMS[c.trim];
    const bleed = BLEED_IN * IN;
    const spine = c.pages * PER_PAGE.kdp.white! * IN;
    const backX = bleed + trim.widthPt + spine;
    // The description is on the right-hand panel, inside its safe margin, and nowhere else.
    const panel = (x: number): { x: number; y: number; width: number; height: number } => ({ x: x + SAFE, y: bleed + SAFE, width: trim.widthPt - 2 * SAFE, height: trim.heightPt - 2 * SAFE });
    expect(await pdfText(out.path, { crop: panel(backX) })).toContain('الكرامة');
    expect(await pdfText(out.path, { crop: { x: 0, y: 0, width: backX, height: trim.heightPt + 2 * bleed } })).not.toContain('الكرامة');
    // The barcode zone: lower corner of the back next to the spine, now right of it.
    const zone = { x: backX + BARCODE.fromSpine, y: bleed + trim.heightPt - BARCODE.fromBottom - BARCODE.h, width: BARCODE.w, height: BARCODE.h };
    const raster = await grey(out.path, { x: zone.x + 1, y: zone.y + 1, width: zone.width - 2, height: zone.height - 2 });
    expect(raster.min(0, raster.width)).toBeGreaterThanOrEqual(250);
    expect(out.spineText).toBe(true);
  });
});

describe('--pod and --paper', () => {
  test('the build writes <slug>.cover.pdf sized by the reading PDF pages padded to 4', async () => {
    const out = path.join(dir, 'build');
    const result = await build({ inputs: ['content'], outDir: out, lang: 'en', strict: false, pod: 'kdp', paper: 'cream', sourceDateEpoch: 1_700_000_000 });
    const cover = result.outputs.find((f) => f.endsWith('.cover.pdf'));
    expect(cover).toBeDefined();
    const reading = Number((await pdfInfo(result.outputs.find((f) => /(?<!\.cover)\.pdf$/.test(f))!)).Pages);
    const pages = Math.ceil(reading / 4) * 4;
    const width = 2 * TRIMS.A5.widthPt + pages * PER_PAGE.kdp.cream! * IN + 2 * BLEED_IN * IN;
    expect((await boxes(cover!)).MediaBox[2]).toBeCloseTo(width, 1);
    // The seed is far shorter than KDP's 24 pages: the build says so.
    expect(pages).toBeLessThan(24);
    expect(result.warnings.map((w) => w.code)).toContain('pod.pages.out-of-range');
  });

  test('the command line refuses what the services do not publish', () => {
    expect(parseBuildArgs(['--pod', 'kdp'], {}).options).toMatchObject({ pod: 'kdp', paper: 'white' });
    expect(() => parseBuildArgs(['--paper', 'cream'], {})).toThrow(UsageError);
    expect(() => parseBuildArgs(['--pod', 'lulu'], {})).toThrow(/kdp or ingramspark/);
    expect(() => parseBuildArgs(['--pod', 'kdp', '--paper', 'glossy'], {})).toThrow(/white, cream, coated/);
    expect(() => parseBuildArgs(['--pod', 'ingramspark', '--paper', 'coated'], {})).toThrow(/IngramSpark publishes no spine width/);
  });
});
