/**
 * SVG figures as Form XObjects (src/write/pdf/svg-form.ts), on a PDF built by the CLI from an
 * article with a chart (gradient with a fading stop, opacity, paths, a text label usvg turns into
 * outlines) drawn twice and a second drawing with a translucent group. Checked with qpdf (--check,
 * and its JSON of objects and decoded streams), mutool (the rendered page against resvg's
 * rendering of the same SVG) and pdftotext.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rasterizeSvg } from '../../../src/images/svg/print.js';
import { formPlacing } from '../../../src/write/pdf/form-placing.js';
import { formSize } from '../../../src/write/pdf/svg-form.js';
import { BIN, ROOT, tempFolder } from '../../support/cli.js';
import { run, runOk } from '../../support/exec.js';
import { pdfText } from '../../support/pdf.js';

const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240" viewBox="0 0 400 240">
  <defs><linearGradient id="fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1f77b4"/><stop offset="1" stop-color="#1f77b4" stop-opacity="0.1"/></linearGradient></defs>
  <rect width="400" height="240" fill="#fafafa"/>
  <path d="M 40 200 L 120 140 L 200 160 L 280 80 L 360 60 L 360 200 Z" fill="url(#fade)"/>
  <path d="M 40 200 L 120 140 L 200 160 L 280 80 L 360 60" fill="none" stroke="#d62728" stroke-width="3" opacity="0.6"/>
  <rect x="50" y="20" width="60" height="30" fill="#2ca02c" fill-opacity="0.5"/>
  <text x="200" y="230" font-size="14" text-anchor="middle" font-family="Noto Serif">Requests per second</text>
</svg>`;
const BARS = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150">
  <rect width="300" height="150" fill="#ffffff"/>
  <g opacity="0.5"><rect x="20" y="50" width="60" height="90" fill="#9467bd"/><rect x="120" y="20" width="60" height="120" fill="#8c564b"/></g>
</svg>`;
const CHART_ALT = 'Requests per second over a day, rising to a peak in the evening';
const BARS_ALT = 'Two translucent bars, the second taller';

/** qpdf's JSON (version 2): objects by `obj:N 0 R`, stream data decoded, base64. */
interface QpdfJson {
  pages: { object: string; contents: string[]; pageposfrom1: number }[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data: string } }>];
}

let file: string;
let json: QpdfJson;
const objects = (): QpdfJson['qpdf'][1] => json.qpdf[1];
const dictOf = (ref: string): Record<string, unknown> => {
  const o = objects()[`obj:${ref}`];
  return (o?.value ?? o?.stream?.dict)!;
};
const streamOf = (ref: string): string => Buffer.from(objects()[`obj:${ref}`]!.stream!.data, 'base64').toString('latin1');

/** A figure as a page draws it: its MCID, the clip box (top-left points) and the form's name. */
interface Placed { page: number; mcid: number; box: [number, number, number, number]; name: string; resources: Record<string, unknown> }
let placed: Placed[];

beforeAll(async () => {
  const src = tempFolder({
    'charts.md': `---\ntitle: Charts Twice\nlang: en\n---\n\nA paragraph before the chart.\n\n![${CHART_ALT}](chart.svg)\n\nA paragraph between the charts.\n\n![${CHART_ALT}](chart.svg)\n\n![${BARS_ALT}](bars.svg)\n\nThe paragraph after them.\n`,
    'chart.svg': CHART,
    'bars.svg': BARS,
  });
  const out = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-svg-form-'));
  await runOk(process.execPath, [BIN, 'build', path.join(src, 'charts.md'), '-o', out, '--no-cache'], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  file = path.join(out, 'charts-twice.pdf');
  const q = await runOk('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file]);
  json = JSON.parse(q.stdout) as QpdfJson;
  placed = [];
  for (const page of json.pages) {
    const content = page.contents.map(streamOf).join('\n');
    const resources = dictOf(dictOf(page.object)['/Resources'] as string);
    // A body page's own stream moves what follows to its text block (`1 0 0 1 x 0 cm`), where its
    // article's stream draws from the block's edge.
    const shift = Number(/^1 0 0 1 ([\d.]+) 0 cm$/m.exec(content)?.[1] ?? 0);
    for (const m of content.matchAll(/\/Figure <<\/MCID (\d+)>> BDC\nq ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re W n [-\d. ]+ cm \/(\w+) Do Q\nEMC/g)) {
      placed.push({ page: page.pageposfrom1, mcid: Number(m[1]), box: [Number(m[2]) + shift, Number(m[3]), Number(m[4]), Number(m[5])], name: m[6]!, resources });
    }
  }
}, 120_000);

describe('SVG figures as Form XObjects', () => {
  it('makes a file qpdf finds no error in', async () => {
    const check = await run('qpdf', ['--check', file]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors found/);
  });

  it('draws each figure with `q … re W n … cm /Name Do Q` inside its Figure, whose Alt is unchanged', () => {
    expect(placed).toHaveLength(3);
    const figures = Object.values(objects()).map((o) => o.value).filter((v) => v?.['/S'] === '/Figure' && v['/Type'] === '/StructElem');
    const pageRef = (n: number): string => json.pages[n - 1]!.object;
    const alts = placed.map((p) => figures.find((f) => f!['/K'] === p.mcid && f!['/Pg'] === pageRef(p.page))?.['/Alt']);
    expect(alts).toEqual([`u:${CHART_ALT}`, `u:${CHART_ALT}`, `u:${BARS_ALT}`]);
  });

  it('keeps gradients, patterns and transparency in the forms’ resources, none in the pages’', () => {
    for (const p of placed) {
      expect(Object.keys(p.resources).filter((k) => ['/Pattern', '/ExtGState', '/Shading'].includes(k)), `page ${p.page}`).toEqual([]);
      const form = dictOf((p.resources['/XObject'] as Record<string, string>)[`/${p.name}`]!);
      expect(form).toMatchObject({ '/Type': '/XObject', '/Subtype': '/Form' });
    }
    const chart = formOf(placed[0]!);
    expect(chart['/BBox']).toEqual([0, 0, 300, 180]);
    const resources = chart['/Resources'] as Record<string, unknown>;
    // The fading gradient (a pattern with its soft mask) and the stroke's and rectangle's opacity.
    expect(Object.keys(resources)).toEqual(expect.arrayContaining(['/Pattern', '/ExtGState']));
    // The bars' translucent group is a form inside the form.
    expect(Object.keys(formOf(placed[2]!)['/Resources'] as Record<string, unknown>)).toContain('/XObject');
  });

  it('writes a figure drawn twice once', () => {
    const refs = placed.map((p) => (p.resources['/XObject'] as Record<string, string>)[`/${p.name}`]);
    expect(refs[0]).toBe(refs[1]);
    expect(refs[2]).not.toBe(refs[0]);
    // The chart's one gradient is two shadings (colours, and the fading opacity as a soft mask);
    // drawn once per figure, there would be four.
    const shadings = Object.values(objects()).filter((o) => (o.value ?? o.stream?.dict)?.['/ShadingType'] !== undefined);
    expect(shadings).toHaveLength(2);
  });

  it('renders each figure upright in its box, as resvg draws the SVG', async () => {
    const scale = 2;
    for (const [p, svg] of [[placed[0]!, CHART], [placed[2]!, BARS]] as const) {
      const page = await mutoolRender(file, p.page, 72 * scale);
      const [x, y, w] = p.box;
      const reference = PNG.sync.read(Buffer.from((await rasterizeSvg(svg, Math.round(w * scale))).data));
      const left = Math.round(x * scale);
      const top = Math.round(y * scale);
      let diff = 0;
      let ink = 0;
      for (let j = 0; j < reference.height; j++) {
        for (let i = 0; i < reference.width; i++) {
          const r = (j * reference.width + i) * 4;
          const d = ((top + j) * page.width + left + i) * 4;
          for (let c = 0; c < 3; c++) {
            // resvg's pixels over white, as the page shows them.
            const want = reference.data[r + c]! * (reference.data[r + 3]! / 255) + 255 * (1 - reference.data[r + 3]! / 255);
            diff += Math.abs(page.data[d + c]! - want);
            ink += 255 - page.data[d + c]!;
          }
        }
      }
      const count = reference.width * reference.height * 3;
      // Not blank: the chart's gradient and bars cover much of the box.
      expect(ink / count, p.name).toBeGreaterThan(10);
      // Upside down or shifted, the mean difference is many times this (edges differ by antialiasing).
      expect(diff / count, p.name).toBeLessThan(3);
    }
  });

  it('keeps the article’s words in order and the chart’s label out of the text layer', async () => {
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toMatch(/A paragraph before the chart\. A paragraph between the charts\. .*The paragraph after them\./);
    expect(text).not.toContain('Requests per second');
  });
});

describe('placing a form', () => {
  /** Where the placing matrix takes form point (u, v), in page space (top-left origin, y down). */
  const at = (placing: string[], u: number, v: number): [number, number] => {
    const [a, b, c, d, e, f] = placing[1]!.split(' ').slice(0, 6).map(Number) as [number, number, number, number, number, number];
    return [a * u + c * v + e, b * u + d * v + f];
  };

  it('fits and centres the form in its box, upright: the form’s top-left corner at the top-left', () => {
    // A 400 × 200 form in a 100 × 100 box at (10, 20): a quarter the size, centred vertically.
    const placing = formPlacing({ width: 400, height: 200 }, 10, 20, 100, 100);
    expect(placing[0]).toBe('10 20 100 100 re W n');
    expect(at(placing, 0, 200)).toEqual([10, 45]);
    expect(at(placing, 400, 0)).toEqual([110, 95]);
    // Taller than wide: centred horizontally.
    const tall = formPlacing({ width: 50, height: 100 }, 0, 0, 100, 50);
    expect(at(tall, 0, 100)).toEqual([37.5, 0]);
    expect(at(tall, 50, 0)).toEqual([62.5, 50]);
  });

  it('sizes the form by the viewBox at 0.75 pt a unit, else by width and height', () => {
    expect(formSize('<svg width="453.5" height="189" viewBox="0 0 600 250" xmlns="http://www.w3.org/2000/svg"/>')).toEqual({ width: 450, height: 187.5 });
    expect(formSize(`<svg xmlns="http://www.w3.org/2000/svg" width='2in' height="96px"/>`)).toEqual({ width: 144, height: 72 });
    expect(formSize('<svg xmlns="http://www.w3.org/2000/svg"/>')).toEqual({ width: 225, height: 112.5 });
  });
});

const formOf = (p: Placed): Record<string, unknown> => objects()[`obj:${(p.resources['/XObject'] as Record<string, string>)[`/${p.name}`]}`]!.stream!.dict;

/** Page `page` (1-based) drawn by mutool at `dpi`, RGBA. */
async function mutoolRender(pdf: string, page: number, dpi: number): Promise<PNG> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'broadsheet-svg-form-render-')), 'page.png');
  await runOk('mutool', ['draw', '-q', '-r', String(dpi), '-o', out, pdf, String(page)]);
  return PNG.sync.read(await readFile(out));
}
