/**
 * Articles in every script, drawn side by side (`--jobs 2`: a worker and this thread, each with
 * glyph ids of its own) and placed in order, or drawn in order in the document's own glyph ids
 * (`--jobs 1`), or placed from the draw cache: the same bytes every way. Arabic is the hard case:
 * Noto Naskh draws several letters on one glyph, which the PDF must give a copy per letter in the
 * order the book first draws them (text/glyph-book.ts), and its shaper splits marks off letters,
 * whose characters must not depend on what the process shaped first (fonts/registry.ts).
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';

const dir = tempFolder();
const book = path.join(dir, 'book');
const cache = path.join(dir, 'cache');
/** Enough articles for a worker to start (BuildThreads draws fewer than 16 in this thread). */
const ROUNDS = 3;

function buildTo(out: string, ...flags: string[]): void {
  const run = cli(['build', book, '--out', path.join(dir, out), ...flags]);
  expect(run.status, run.stderr).toBe(0);
}

function pdfOf(out: string): Buffer {
  const folder = path.join(dir, out);
  return readFileSync(path.join(folder, readdirSync(folder).find((f) => f.endsWith('.pdf'))!));
}

beforeAll(() => {
  mkdirSync(book);
  const sources = [
    ...readdirSync(path.join(ROOT, 'test/fixtures/scripts/print')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'test/fixtures/scripts/print', f)),
    ...['ar.md', 'he.md'].map((f) => path.join(ROOT, 'test/fixtures/scripts/rtl', f)),
  ].sort();
  const names: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const source of sources) {
      const name = `${String(names.length + 1).padStart(2, '0')}-${path.basename(source)}`;
      // Each copy gets a title of its own, so that no two articles are the same job.
      writeFileSync(path.join(book, name), readFileSync(source, 'utf8').replace(/^title: (.*)$/m, `title: $1 ${round}`));
      names.push(name);
    }
  }
  cpSync(path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(book, 'chart.png'));
  writeFileSync(path.join(book, 'publication.yaml'), `title: Every Script Thrice\nlang: en\ndate: 2025-01-01\narticles: [${names.join(', ')}]\n`);
  buildTo('one', '--jobs', '1', '--no-cache');
  buildTo('two', '--jobs', '2', '--no-cache');
  buildTo('cold', '--jobs', '2', '--cache', cache);
  buildTo('warm', '--jobs', '1', '--cache', cache);
}, 300_000);

describe('articles in every script, drawn side by side', () => {
  it('gives the same PDF with --jobs 1 and --jobs 2, and from a cold and a warm draw cache', () => {
    const one = pdfOf('one');
    for (const other of ['two', 'cold', 'warm']) expect(pdfOf(other).equals(one), `${other} differs from --jobs 1`).toBe(true);
  });

  it('keeps the Arabic letters that share a glyph apart in the text', async () => {
    // UDHR article 1 in Arabic: the ج of جميع and the ح of والحقوق are drawn on one Noto Naskh glyph.
    const text = await pdfText(path.join(dir, 'two', readdirSync(path.join(dir, 'two')).find((f) => f.endsWith('.pdf'))!));
    expect(text).toContain('يولد جميع الناس');
    expect(text).toContain('في الكرامة والحقوق');
  });
});
