/**
 * The PDF writer on the shared rich fixture, checked on real files with poppler (issue 4).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockText } from '../../../src/model/text.js';
import type { Block } from '../../../src/model/block.js';
import { writePdf, type PdfResult } from '../../../src/write/pdf/index.js';
import { pageGeometry, textArea } from '../../../src/write/pdf/page-geometry.js';
import { pdfFonts, pdfInfo, pdfMeta, pdfStructText, pdfText, pdfWordBoxes } from '../../support/pdf.js';
import { missingInOrder, words } from '../../support/words.js';
import { writerInputFromJson } from '../../support/writer-input.js';
import type { WriterInput } from '../../../src/write/input.js';

let dir: string;
let file: string;
let input: WriterInput;
let result: PdfResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pdf-'));
  input = await writerInputFromJson();
  result = await writePdf(input);
  file = path.join(dir, 'rich.pdf');
  await writeFile(file, result.bytes);
});

/** The words an article contributes, in reading order (URL-like words excluded: a URL may break). */
function sourceWords(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => words(blockText(b))).filter((w) => !/^https?:|\//.test(w));
}

describe('writePdf on the rich fixture', () => {
  it('is tagged, titled and PDF 1.7 with embedded Unicode fonts only', async () => {
    const info = await pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Harbour & Hinterland: “Notes” <from> the Coast');
    expect(info['PDF version']).toBe('1.7');
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, f.name).toBe(true);
      expect(f.uni, f.name).toBe(true);
      expect(f.name).not.toMatch(/Helvetica/);
    }
  });

  it('describes each font as it is: angle and flag of the italic, fixed pitch of the mono face', async () => {
    // Uncompressed by qpdf, so the font descriptors can be read as text.
    const qdf = path.join(dir, 'rich.qdf');
    const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    expect([0, 3], String(run.stderr)).toContain(run.status);
    const text = await readFile(qdf, 'latin1');
    const descriptors = text.split('endobj').filter((o) => o.includes('/Type /FontDescriptor'));
    const descriptor = (font: string): { flags: number; angle: number } => {
      const dict = descriptors.find((o) => new RegExp(`/FontName /[A-Z]{6}\\+${font}\\s`).test(o));
      expect(dict, font).toBeDefined();
      return { flags: Number(/\/Flags (\d+)/.exec(dict!)?.[1]), angle: Number(/\/ItalicAngle (-?[\d.]+)/.exec(dict!)?.[1]) };
    };
    const italic = descriptor('NotoSerif-Italic');
    expect(italic.angle).toBe(-12);
    expect(italic.flags & (1 << 6)).not.toBe(0);
    // Noto's OS/2 gives no family class, so no Serif flag: Symbolic (as pdfkit sets every font) alone.
    expect(descriptor('NotoSerif-Regular')).toEqual({ flags: 4, angle: 0 });
    const mono = descriptor('NotoSansMono-Regular');
    expect(mono.flags & 1).toBe(1);
    expect(mono.angle).toBe(0);
  });

  it('has the structure of the model: tags, Alt, Lang, note IDs, link OBJRs', async () => {
    const tree = await pdfStructText(file);
    for (const tag of ['Document', 'Art', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Figure', 'Caption', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'BlockQuote', 'Code', 'Note', 'Link', 'Span', 'TOC', 'TOCI']) {
      expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
    expect(tree).toMatch(/\/Scope \/Column/);
    expect(tree).toMatch(/\/Scope \/Row/);
    expect(tree).toMatch(/Note <note-1-tides>/);
    expect(tree).toMatch(/Link \(inline\)\n(\s+"[^\n]*"\n)+\s+Object \d+ 0/);
    // Lbl holds the label text.
    expect(tree).toMatch(/Lbl \(block\)\n\s+"1\."/);
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw).toMatch(/\/Alt \(A harbour wall at dawn/);
    expect(raw).toMatch(/\/Alt \(Cover: a harbour wall at dawn\.\)/);
    expect(raw).toMatch(/\/Lang \(fr\)/);
    expect(raw).toMatch(/\/Lang \(el\)/);
    expect(raw).toMatch(/\/Lang \(de\)/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/IDTree/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Tabs \/S/);
    expect(raw).toMatch(/\/OutputIntents/);
    expect(raw).toMatch(/\/PageLabels/);
    expect(raw).toMatch(/\/Outlines/);
  });

  it('gives back every word of the input in order, none run together, none split by a hyphen', async () => {
    const text = await pdfText(file);
    // A note number is a superscript right after the word it annotates ("less”.¹"): the model's
    // plain text leaves note references out, so set them apart before comparing.
    const got = words(text.replace(/(\p{L}\p{P}*)(\d+)(?=\s|$)/gu, '$1 $2'));
    for (const article of input.publication.articles) {
      const need = [...words(article.meta.title), ...sourceWords(article.body), ...article.notes.flatMap((n) => sourceWords(n.children))];
      expect(missingInOrder(got, need), article.meta.title).toBeUndefined();
    }
    expect(got).toContain('Donaudampfschifffahrtsgesellschaftskapitänsmütze');
    expect(text).not.toMatch(/\uFFFD/);
  });

  it('keeps every word inside the text area of its page (the cover excepted)', async () => {
    const g = pageGeometry('A5', false);
    const boxes = await pdfWordBoxes(file);
    const slack = 1;
    for (const b of boxes.filter((x) => x.page > 1)) {
      const area = textArea(g, b.page - 1);
      // Running heads and folios sit in the margins by design: check them against the trim only.
      const furniture = b.yMax < area.y || b.yMin > area.y + area.height;
      const left = furniture ? 0 : area.x - slack;
      const right = furniture ? g.trimWidth : area.x + area.width + slack;
      expect(b.xMin, `${b.word} p${b.page}`).toBeGreaterThanOrEqual(left);
      expect(b.xMax, `${b.word} p${b.page}`).toBeLessThanOrEqual(right);
    }
  });

  it('numbers the contents with the pages where the articles start, as /PageLabels print them', async () => {
    const toc = await pdfText(file, { first: 3, last: 3 });
    for (const [i, article] of input.publication.articles.entries()) {
      const start = result.pageMap.pages.find((p) => p.article === i);
      expect(start).toBeDefined();
      const page = await pdfText(file, { first: start!.pageIndex + 1, last: start!.pageIndex + 1 });
      expect(page).toContain(article.meta.title);
      expect(toc).toMatch(new RegExp(`${article.meta.title}\\s+${start!.label}\\b`));
    }
  });

  it('records a page-map entry for every body page, in order', () => {
    const pages = result.pageMap.pages;
    expect(result.pageMap.source).toBe(input.metadata.identifier);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => {
      expect(p.label).toBe(String(i + 1));
      if (i > 0) expect(p.pageIndex).toBe(pages[i - 1]!.pageIndex + 1);
    });
  });

  it('writes XMP that parses and carries the escaped title and the PDF/UA and PDF/A ids', async () => {
    const xmp = await pdfMeta(file);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xmp) as Record<string, unknown>;
    expect(parsed['x:xmpmeta']).toBeDefined();
    expect(xmp).toContain('Harbour &amp; Hinterland: “Notes” &lt;from&gt; the Coast');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<xmp:ModifyDate>2025-05-03T10:30:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('pdfaSchema:prefix>pdfuaid<');
  });

  it('reports images below 300 dpi in its preflight report (the build prints it)', () => {
    const messages = result.preflight.findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/ornament16\.png.*dpi/);
  });

  it('is byte-identical when built again', async () => {
    const again = await writePdf(await writerInputFromJson());
    if (Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes)) !== 0) await writeFile(path.join(dir, 'again.pdf'), again.bytes);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });
});

describe('writePdf print options', () => {
  it('enlarges the page by 3 mm bleed with BleedBox and an inset TrimBox', async () => {
    const bled = await writePdf(await writerInputFromJson(undefined, { pageSize: '6x9', bleed: true }));
    const raw = Buffer.from(bled.bytes).toString('latin1');
    const bleed = (3 * 72) / 25.4;
    const media = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(raw);
    expect(Number(media?.[1])).toBeCloseTo(432 + 2 * bleed, 1);
    expect(Number(media?.[2])).toBeCloseTo(648 + 2 * bleed, 1);
    expect(raw).toMatch(/\/BleedBox \[0 0 /);
    const trim = /\/TrimBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(raw);
    expect(Number(trim?.[1])).toBeCloseTo(bleed, 1);
    expect(Number(trim?.[3])).toBeCloseTo(432 + bleed, 1);
  });
});
