/**
 * The press edition (`--press`, issue 14) and the preflight report, on real files built by the CLI:
 * the seed with `--marks none --signature 16`, the rich fixture with crop marks, 5 mm bleed,
 * `--grayscale` and `--signature 8`, and a small article with an image too small for print and a
 * coloured SVG (built with `--strict`, which fails, and with `--press --grayscale`).
 * Checked with poppler (pdfinfo boxes, pdffonts, pdfimages, pdftotext, pdftoppm pixels) and qpdf
 * (the objects and the uncompressed content streams).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../../support/cli.js';
import { run, runOk, type ExecResult } from '../../support/exec.js';
import { pdfFonts, pdfText } from '../../support/pdf.js';
import { renderPage } from './render.js';
import { writePdf } from '../../../src/write/pdf/index.js';
import { DEFAULT_PRESS } from '../../../src/write/pdf/press/options.js';
import { writerInputFromJson } from '../../support/writer-input.js';

const MM = 72 / 25.4;
/** The marks' slug around the BleedBox: gap 3 pt + mark 5 mm + gap 3 pt (src/write/pdf/press/marks.ts). */
const SLUG = 3 + 5 * MM + 3;
const RICH = path.join(ROOT, 'test/fixtures/rich/publication.json');
const RICH_SLUG = 'harbour-hinterland-notes-from-the-coast';
const SEED_SLUG = 'us-explores-israel-syria-peace-talks';

type Box = [number, number, number, number];
interface PageBoxes { media: Box; bleed: Box; trim: Box }

let dir: string;
let seed: ExecResult;
let rich: ExecResult;
let strict: ExecResult;
let small: ExecResult;
let lowDir: string;

const build = (args: string[]): Promise<ExecResult> => run(process.execPath, [BIN, 'build', ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
const out = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-press-'));
  // An article whose first figure is 120 px wide (far below 300 dpi at any printed size) and whose
  // second is an SVG in colours with a gradient (drawn as vectors: shading patterns, fills, strokes).
  const low = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><defs><linearGradient id="a"><stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff" stop-opacity="0.5"/></linearGradient></defs><rect width="400" height="200" fill="url(#a)"/><circle cx="100" cy="100" r="60" fill="#00aa00" stroke="#ffcc00" stroke-width="8"/></svg>';
  lowDir = tempFolder({ 'low.md': '---\ntitle: Low Resolution\nlang: en\n---\n\nA paragraph before the figure.\n\n![A small blue rectangle](tiny-chart.png)\n\n![A red-to-blue gradient behind a green disc](gradient.svg)\n', 'tiny-chart.png': low, 'gradient.svg': svg });
  [seed, rich, strict, small] = await Promise.all([
    build(['content', '-o', out('seed'), '--press', '--marks', 'none', '--signature', '16']),
    build([RICH, '-o', out('rich'), '--press', '--grayscale', '--signature', '8', '--bleed-mm', '5']),
    build([path.join(lowDir, 'low.md'), '-o', out('strict'), '--strict']),
    build([path.join(lowDir, 'low.md'), '-o', out('small'), '--press', '--grayscale']),
  ]);
  for (const r of [seed, rich, small]) if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  // A print-on-demand interior: no marks, bleed on head, foot and outside edge only, no cover page.
  const pod = { ...DEFAULT_PRESS, marks: 'none' as const, bleed: 9, bindingBleed: false, coverPage: false };
  await writeFile(out('pod.pdf'), (await writePdf(await writerInputFromJson(path.join(ROOT, 'test/fixtures/pdf/png16.json')), [], { press: pod })).bytes);
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every page's boxes, from `pdfinfo -box` (PDF user space, origin bottom-left). */
async function boxes(file: string): Promise<PageBoxes[]> {
  const pages = Number(/Pages:\s+(\d+)/.exec((await runOk('pdfinfo', [file])).stdout)?.[1]);
  const text = (await runOk('pdfinfo', ['-box', '-f', '1', '-l', String(pages), file])).stdout;
  const all: PageBoxes[] = [];
  for (let p = 1; p <= pages; p++) {
    const box = (name: string): Box => {
      const m = new RegExp(`Page\\s+${p} ${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(text);
      if (!m) throw new Error(`no ${name} for page ${p}`);
      return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    };
    all.push({ media: box('MediaBox'), bleed: box('BleedBox'), trim: box('TrimBox') });
  }
  return all;
}

/** `inner` lies `by` points inside `outer` on every side. */
function expectInset(outer: Box, inner: Box, by: number): void {
  expect(inner[0] - outer[0]).toBeCloseTo(by, 1);
  expect(inner[1] - outer[1]).toBeCloseTo(by, 1);
  expect(outer[2] - inner[2]).toBeCloseTo(by, 1);
  expect(outer[3] - inner[3]).toBeCloseTo(by, 1);
}

/** The file as qpdf writes it in QDF form: every stream uncompressed, page contents labelled. */
async function qdf(file: string): Promise<string> {
  const target = `${file}.qdf`;
  await runOk('qpdf', ['--qdf', '--object-streams=disable', file, target]);
  return readFileSync(target, 'latin1');
}

/**
 * Content of each page (1-based pages → index 0): its content streams joined, as a reader runs
 * them (ISO 32000-1 §7.8.2; a body page has its own stream and its article's).
 */
function contents(qdfText: string): string[] {
  const pages: string[] = [];
  for (const m of qdfText.matchAll(/%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n[\s\S]*?stream\n([\s\S]*?)endstream/g)) {
    const index = Number(m[1]) - 1;
    pages[index] = (pages[index] ?? '') + m[2]!;
  }
  return pages;
}

/** Content stream of each Form XObject. */
function forms(qdfText: string): string[] {
  return [...qdfText.matchAll(/\n\d+ 0 obj\n<<\n((?:(?!endobj)[\s\S])*?)\n>>\nstream\n([\s\S]*?)endstream/g)].filter((m) => /\/Subtype \/Form\b/.test(m[1]!)).map((m) => m[2]!);
}

describe('the press edition', () => {
  it('has MediaBox ⊇ BleedBox ⊇ TrimBox on every page: the slug for the marks, then the bleed (5 mm)', async () => {
    const pages = await boxes(out(`rich/${RICH_SLUG}.press.pdf`));
    for (const p of pages) {
      expectInset(p.media, p.bleed, SLUG);
      expectInset(p.bleed, p.trim, 5 * MM);
    }
    // The trim is the reading PDF's page size.
    const reading = await boxes(out(`rich/${RICH_SLUG}.pdf`));
    expect(pages[0]!.trim[2] - pages[0]!.trim[0]).toBeCloseTo(reading[0]!.trim[2] - reading[0]!.trim[0], 2);
  });

  it('with --marks none: MediaBox = BleedBox, the default 3 mm bleed around the TrimBox', async () => {
    for (const p of await boxes(out(`seed/${SEED_SLUG}.press.pdf`))) {
      expectInset(p.media, p.bleed, 0);
      expectInset(p.bleed, p.trim, 3 * MM);
    }
  });

  it('for print-on-demand: trim + bleed wide, the bleed on the outside edge only, page 1 blank', async () => {
    const pages = await boxes(out('pod.pdf'));
    expect(pages.length % 4).toBe(0);
    const trimWidth = 148 * MM;
    pages.forEach((p, i) => {
      expect(p.media[2] - p.media[0]).toBeCloseTo(trimWidth + 9, 1);
      expect(p.media[3] - p.media[1]).toBeCloseTo(210 * MM + 18, 1);
      expectInset(p.media, p.bleed, 0);
      // Rectos (odd page numbers) are bound on their left: the trim starts at the MediaBox's left edge.
      const recto = i % 2 === 0;
      expect(p.trim[0]).toBeCloseTo(recto ? 0 : 9, 1);
      expect(p.media[2] - p.trim[2]).toBeCloseTo(recto ? 9 : 0, 1);
      expect(p.trim[1]).toBeCloseTo(9, 1);
    });
    // No cover art on page 1: its only image is the figure, later on.
    const images = (await runOk('pdfimages', ['-list', out('pod.pdf')])).stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(images.map((row) => Number(row.trim().split(/\s+/)[0]))).not.toContain(1);
    expect(images.length).toBeGreaterThan(0);
  });

  it('draws crop and centre marks only outside the BleedBox, as Artifacts of type Page', async () => {
    const file = out(`rich/${RICH_SLUG}.press.pdf`);
    const [page] = await boxes(file);
    const streams = contents(await qdf(file));
    expect(streams.length).toBeGreaterThan(0);
    const height = page!.media[3];
    const [bx1, by1, bx2, by2] = page!.bleed;
    for (const stream of streams) {
      const block = /\/Artifact <<\/Type \/Page>> BDC\n([\s\S]*?)\nEMC/.exec(stream)?.[1];
      expect(block, 'every page has its marks').toBeDefined();
      const segments = [...block!.matchAll(/([\d.-]+) ([\d.-]+) m ([\d.-]+) ([\d.-]+) l S/g)].map((m) => m.slice(1, 5).map(Number));
      // 8 crop marks and 4 crosses of two lines.
      expect(segments).toHaveLength(16);
      for (const [x1, y1, x2, y2] of segments) {
        // Marks are written top-down (pdfkit's page transform); the boxes are bottom-up.
        const [lx, hx] = [Math.min(x1!, x2!), Math.max(x1!, x2!)];
        const [ly, hy] = [height - Math.max(y1!, y2!), height - Math.min(y1!, y2!)];
        const inside = lx < bx2 && hx > bx1 && ly < by2 && hy > by1;
        expect(inside, `mark ${[x1, y1, x2, y2].join(' ')} enters the BleedBox`).toBe(false);
      }
    }
  });

  it('prints a padding page as a printer sees it: white inside the bleed, marks in the slug', async () => {
    const file = out(`rich/${RICH_SLUG}.press.pdf`);
    const pages = await boxes(file);
    const last = pages.length;
    const raster = await renderPage(file, last, 72);
    const { bleed, media } = pages[last - 1]!;
    const top = media[3] - bleed[3];
    let dark = 0;
    const inked: string[] = [];
    for (let y = 0; y < media[3]; y++) {
      for (let x = 0; x < media[2]; x++) {
        const [r] = raster.at(x, y);
        const inBleed = x > bleed[0] + 1 && x < bleed[2] - 1 && y > top + 1 && y < top + (bleed[3] - bleed[1]) - 1;
        if (inBleed && r !== 255) inked.push(`${x},${y}`);
        else if (!inBleed && r < 160) dark++;
      }
    }
    expect(inked, 'ink inside the BleedBox of a blank page').toEqual([]);
    expect(dark).toBeGreaterThan(50);
  });

  it('pads to the signature with blank pages after the last article, and keeps every word of the reading PDF in order', async () => {
    const press = out(`rich/${RICH_SLUG}.press.pdf`);
    const reading = out(`rich/${RICH_SLUG}.pdf`);
    const pressPages = (await boxes(press)).length;
    const readingPages = (await boxes(reading)).length;
    expect(pressPages % 8).toBe(0);
    expect(pressPages - readingPages).toBeLessThan(8);
    const words = (t: string): string[] => t.split(/\s+/).filter(Boolean);
    const pressText = await pdfText(press);
    expect(words(pressText)).toEqual(words(await pdfText(reading)));
    // The added pages are empty; the ones before hold the reading PDF's last page.
    expect(pressText.split('\f').slice(readingPages).join('').trim()).toBe('');
    const seedPages = (await boxes(out(`seed/${SEED_SLUG}.press.pdf`))).length;
    expect(seedPages % 16).toBe(0);
    expect(seed.stdout).toMatch(new RegExp(`preflight ${SEED_SLUG}: \\d+ pages \\(signature 16, press edition padded with \\d+ blank pages?\\)`));
  });

  it('has no annotations, links or bookmarks, claims no PDF/UA, and embeds and subsets every font', async () => {
    for (const file of [out(`rich/${RICH_SLUG}.press.pdf`), out(`seed/${SEED_SLUG}.press.pdf`)]) {
      const text = await qdf(file);
      expect(text).not.toMatch(/\/Annots|\/Subtype \/Link|\/Outlines|\/URI/);
      expect(text).not.toMatch(/pdfuaid/);
      const fonts = await pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
    }
    // The reading PDF beside it keeps its links.
    expect(await qdf(out(`rich/${RICH_SLUG}.pdf`))).toMatch(/\/Subtype \/Link/);
  });

  it('with --grayscale: no RGB or CMYK colour operator or colour space, every image grey at full resolution', async () => {
    const file = out(`rich/${RICH_SLUG}.press.pdf`);
    let patterns = 0;
    for (const f of [file, out('small/low-resolution.press.pdf')]) {
      const text = await qdf(f);
      expect(text).not.toMatch(/\/DeviceRGB|\/DeviceCMYK|\/ICCBased|\/CalRGB|\/Lab\b/);
      let colourOps = 0;
      // Pages and the Form XObjects they draw (SVG figures are forms: src/write/pdf/svg-form.ts).
      for (const stream of [...contents(text), ...forms(text)]) {
        const tokens = stream.replace(/<[0-9A-Fa-f\s]*>/g, ' ').split(/[\s[\]]+/);
        tokens.forEach((t, i) => {
          expect(['rg', 'RG', 'k', 'K'], `operator ${t}`).not.toContain(t);
          if (t === 'sc' || t === 'scn' || t === 'SC' || t === 'SCN') {
            colourOps++;
            // One operand (a grey, the registration tint or a pattern), never three or four.
            expect(tokens[i - 1]).toMatch(/^([\d.]+|\/\w+)$/);
            expect(tokens[i - 2]).not.toMatch(/^[\d.]+$/);
            if (tokens[i - 1]!.startsWith('/')) patterns++;
          }
        });
      }
      expect(colourOps).toBeGreaterThan(0);
      // The SVG's gradient is a shading in DeviceGray (the only colour space named above).
      if (f !== file) expect(text).toMatch(/\/ShadingType 2/);
    }
    expect(patterns).toBeGreaterThan(0);
    const images = (await runOk('pdfimages', ['-list', file])).stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const row of images) expect(row.split(/\s+/)[6], row).toBe('gray');
    // harbour.jpg (1800 × 1200 px) is embedded at its own size.
    expect(images.some((row) => /\s1800\s+1200\s+gray\s/.test(row))).toBe(true);
  });

  it('is byte-identical when built again, grey images and vectors included', async () => {
    const again = await build([path.join(lowDir, 'low.md'), '-o', out('again'), '--press', '--grayscale']);
    expect(again.code, again.stderr).toBe(0);
    expect(Buffer.compare(await readFile(out('again/low-resolution.press.pdf')), await readFile(out('small/low-resolution.press.pdf')))).toBe(0);
  }, 120_000);
});

describe('the preflight report', () => {
  it('names each low-resolution figure with its article, page and effective dpi, and is printed with every build', () => {
    expect(rich.stderr).toMatch(/preflight: "Counting the Catch", page 3: figure chart\.png “Bar chart[^”]*” \(1200×800 px\) prints \d+ mm wide at 284 dpi/);
    expect(rich.stderr).toMatch(/preflight: "Counting the Catch", page 4: figure ornament16\.png \(600×600 px\) prints \d+ mm wide at 151 dpi/);
    expect(rich.stdout).toMatch(new RegExp(`preflight ${RICH_SLUG}: \\d+ pages \\(signature 8, press edition padded with \\d+ blank pages?\\), 2 warnings`));
  });

  it('fails a --strict build on a low-resolution figure, naming it, and writes nothing', () => {
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/low\.md: preflight: "Low Resolution", page 1: figure tiny-chart\.png “A small blue rectangle” \(120×80 px\) prints \d+ mm wide at \d+ dpi, below the 300 dpi print needs — use an image at least \d+ px wide \(or build without --strict\)/);
    expect(() => readFileSync(out('strict/low-resolution.pdf'))).toThrow();
    // Without --strict the same warning, and the summary line counts it.
    expect(small.stderr).toMatch(/warning: preflight: "Low Resolution", page 1: figure tiny-chart\.png/);
    expect(small.stdout).toMatch(/preflight low-resolution: \d+ pages \(signature 4(, press edition padded with \d+ blank pages?)?\), 1 warning$/m);
  });
});
