/**
 * The draw cache when an edit turns the rest of the book over: an article grows by an odd number
 * of pages, so every later article opens on the other side. Those whose pages break otherwise on
 * a verso (no page turn inside a hyphenated word) were kept drawn for both sides; the rebuild
 * must find all of them, draw only the edited article again, and give the bytes of a clean build.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempFolder } from '../support/cli.js';
import { runOk } from '../support/exec.js';

const ARTICLES = 18;
const dir = tempFolder();
const book = path.join(dir, 'book');
const cache = path.join(dir, 'cache');

/** Long words, so that many lines end hyphenated, some of them at the foot of a page. */
const WORDS = ['infrastructure', 'responsibilities', 'representatives', 'environmental', 'transportation', 'international', 'parliamentary', 'investigation', 'extraordinary', 'neighbourhood'];

function article(i: number): string {
  const sentence = (k: number): string => `The ${WORDS[(i + k) % 10]} of the ${WORDS[(i * 3 + k) % 10]} committee was ${WORDS[(i * 7 + k) % 10]} and ${WORDS[(k * 3) % 10]} on day ${k + 1}.`;
  // Paragraphs of different lengths, so that pages end at different places in each article.
  const paragraphs = Array.from({ length: 6 + (i % 5) }, (_, p) => Array.from({ length: 4 + ((i + p) % 6) }, (_, j) => sentence(p * 10 + j)).join(' '));
  return ['---', `title: Report ${i + 1}`, 'lang: en-GB', '---', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

function build(out: string, ...flags: string[]): Buffer {
  const run = cli(['build', book, '--out', path.join(dir, out), ...flags]);
  expect(run.status, run.stderr).toBe(0);
  const folder = path.join(dir, out);
  return readFileSync(path.join(folder, readdirSync(folder).find((f) => f.endsWith('.pdf'))!));
}

async function pageCount(out: string): Promise<number> {
  const folder = path.join(dir, out);
  const info = (await runOk('pdfinfo', [path.join(folder, readdirSync(folder).find((f) => f.endsWith('.pdf'))!)])).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

const drawnEntries = (): string[] => readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.drawn')).sort();

let before: string[] = [];
let after: string[] = [];
let grown = 0;
let clean: Buffer;
let cached: Buffer;

beforeAll(async () => {
  const names = Array.from({ length: ARTICLES }, (_, i) => `report-${String(i + 1).padStart(2, '0')}.md`);
  mkdirSync(book);
  names.forEach((name, i) => writeFileSync(path.join(book, name), article(i)));
  writeFileSync(path.join(book, 'publication.yaml'), `title: Reports Turned Over\nlang: en-GB\ndate: 2025-06-30\narticles: [${names.join(', ')}]\n`);
  build('first', '--jobs', '2', '--cache', cache);
  before = drawnEntries();
  const pages = await pageCount('first');
  // Grow the first article until the book has an odd number of pages more (a few tries at most).
  for (let tries = 0; tries < 8 && grown % 2 === 0; tries++) {
    appendFileSync(path.join(book, 'report-01.md'), `\n\n${Array.from({ length: 12 }, (_, k) => `An added sentence number ${k + 1} of round ${tries + 1}, which makes the report longer.`).join(' ')}\n`);
    clean = build('clean', '--jobs', '1', '--no-cache');
    grown = (await pageCount('clean')) - pages;
  }
  cached = build('cached', '--jobs', '2', '--cache', cache);
  after = drawnEntries();
}, 600_000);

describe('an edit that turns the book over', () => {
  it('has articles kept drawn for both sides to begin with', () => {
    // One entry per article that breaks alike on either side, two for one that does not.
    expect(before.length).toBeGreaterThan(ARTICLES);
  });

  it('moves every later article to the other side', () => {
    expect(grown % 2).toBe(1);
  });

  it('rebuilds from the cache byte for byte as a clean build, drawing only the edited article again', () => {
    expect(cached.equals(clean)).toBe(true);
    expect(before.every((e) => after.includes(e))).toBe(true);
    expect(after.length - before.length).toBeGreaterThanOrEqual(1);
    expect(after.length - before.length).toBeLessThanOrEqual(2);
  });
});
