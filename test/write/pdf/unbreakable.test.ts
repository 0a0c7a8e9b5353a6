/**
 * Issue 10: a real engineering-blog page made the build fail with `internal error: breakLines: no
 * breaks found` (exit 3). test/fixtures/unbreakable/index.md gathers what such pages hold and the
 * line breaker or the layout could not set: a 300-character token, inline code and a tracking URL
 * without spaces, zero-width spaces (one ending a paragraph), a line break next to a lone soft
 * hyphen, a chain of no-break spaces, a heading of one giant word, a table of URLs and constants
 * in narrow columns, a row taller than a page, a sixteen-column table of single wide letters, a
 * quotation nested fourteen deep, a list nested twenty-two deep, and a code listing with tabs,
 * trailing spaces and lines far beyond the measure. It must build, and the PDF must keep every
 * word, in order, on the page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import type { Block } from '../../../src/model/block.js';
import { blockText } from '../../../src/model/text.js';
import { readPublication } from '../../../src/read/publication.js';
import { pdfStructureText, pdfWordBoxes } from '../../support/pdf.js';
import { missingInOrder, words } from '../../support/words.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/unbreakable/index.md');

let dir: string;
let pdf: string;
let blocks: Block[];
let tagged: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-unbreakable-'));
  const result = await build({ inputs: [FIXTURE], outDir: dir, lang: 'en', strict: false, sourceDateEpoch: 1_750_000_000 });
  pdf = result.outputs.find((f) => f.endsWith('.pdf')) as string;
  const read = await readPublication(FIXTURE, { lang: 'en' }, new Diagnostics());
  blocks = read.publication?.articles[0]?.body ?? [];
  tagged = await pdfStructureText(pdf);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('issue 10: a page the line breaker could not set', () => {
  it('builds a PDF', async () => {
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['table', 'blockquote', 'list', 'code', 'heading']));
  });

  it('keeps every word of every block in the PDF’s structure, in order', async () => {
    const expected = words(blocks.map(blockText).join('\n'));
    const lost = missingInOrder(words(tagged), expected, { joinBroken: true });
    expect(lost).toBeUndefined();
  });

  it('keeps every character of the code listing, in order, tabs and long lines included', async () => {
    const code = blocks.find((b): b is Extract<Block, { type: 'code' }> => b.type === 'code');
    const glyphs = (s: string): string => s.replace(/\s/g, '');
    expect(glyphs(tagged)).toContain(glyphs(code?.value ?? 'missing'));
  });

  it('draws every word inside its page', async () => {
    const boxes = await pdfWordBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(500);
    const outside = boxes.filter((b) => b.xMin < -0.5 || b.yMin < -0.5 || b.xMax > b.pageWidth + 0.5 || b.yMax > b.pageHeight + 0.5);
    expect(outside.map((b) => `${b.word} on page ${b.page}`)).toEqual([]);
  });
});
