/**
 * Worker threads and the layout cache never change the output: two publications built at once —
 * the rich fixture (figures, tables, notes, a link to another article; few articles, so set in the
 * main thread) and a book of 16 short articles (enough to start workers; figures that may shrink,
 * tables, notes, `#id` links between articles) — give the same bytes
 * with `--jobs 1` and `--jobs 2`; a rebuild from the cache after one article grew (so every later
 * page number moved) gives the bytes and the warnings of a clean build and reads and sets only that
 * article again; damaged cache entries (layouts, readings, the cover) are ignored, made again and
 * stored afresh; an article that fails validation is reported at the same place from the cache.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../support/cli.js';
import { openEpub } from '../support/epub.js';
import { BUILD_HELP, parseBuildArgs, UsageError } from '../../src/cli/build.parser.js';

const dir = tempFolder();
const book = path.join(dir, 'book');
const inputs = [path.join(ROOT, 'test/fixtures/rich/publication.json'), book];
const ARTICLES = 16;

/** Article `i` of the book: a few paragraphs, a figure, a table, a note and a link to the next article. */
function article(i: number): string {
  const words = ['harbour', 'council', 'railway', 'festival', 'village', 'research', 'weather', 'market', 'river', 'school'];
  const sentence = (k: number): string => `The ${words[(i + k) % 10]} and the ${words[(i * 3 + k) % 10]} met again on day ${k + 1} of the season, as the report of number ${i + 1} says at some length.`;
  const paragraph = (k: number): string => Array.from({ length: 5 }, (_, j) => sentence(k * 5 + j)).join(' ');
  // Report 5 repeats its language under another key: a reader's warning, which the read cache must give again.
  return [
    '---', `title: Report ${i + 1}`, 'lang: en-GB', ...(i === 4 ? ['language: en-GB'] : []), '---', '',
    paragraph(0), '', `See [the next report](#report-${(i + 1) % ARTICLES + 1}) too.[^n]`, '',
    `![A chart for report ${i + 1}](chart.png "Figure ${i + 1}: ${sentence(1)}")`, '',
    paragraph(1), '', '## Figures', '', '| Item | 2024 | 2025 |', '|:--|--:|--:|', `| Boats | ${i * 7} | ${i * 9} |`, '',
    paragraph(2), '', `[^n]: A note of report ${i + 1}.`, '',
  ].join('\n');
}
const cache = path.join(dir, 'cache');

/** Builds `what` into `out`; returns the warnings it printed. */
function buildTo(out: string, what: string[], ...flags: string[]): string {
  const run = cli(['build', ...what, '--out', path.join(dir, out), ...flags]);
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

/** Every output file of a build, by name. */
function outputs(out: string): Map<string, Buffer> {
  const folder = path.join(dir, out);
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name))]));
}

function expectSameBytes(a: string, b: string, files = 6): void {
  const x = outputs(a);
  const y = outputs(b);
  expect(x.size).toBe(files);
  for (const [name, bytes] of x) expect(y.get(name)?.equals(bytes), `${name} differs between ${a} and ${b}`).toBe(true);
}

/**
 * The cache's entries of one kind: `layout` (an article's lines), `read` (an article file's
 * reading), `cover`, `drawn` (an article's pages as drawn).
 */
function cacheEntries(kind = 'layout'): string[] {
  return readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(`.${kind}`)).sort();
}

/** The page list of the book's EPUB (its nav's `page-list`). */
async function pageListOf(out: string): Promise<string> {
  const epub = await openEpub(path.join(dir, out, 'sixteen-reports.epub'));
  for (const file of epub.zip.file(/\.xhtml$/)) {
    const list = /<nav[^>]*epub:type="page-list"[\s\S]*?<\/nav>/.exec(await file.async('string'))?.[0];
    if (list) return list;
  }
  throw new Error(`${out}: the EPUB has no page list`);
}

describe('--jobs and the cache', () => {
  let entriesAfterFirst: string[] = [];
  let drawnAfterFirst: string[] = [];
  let readingsAfterFirst: string[] = [];
  let warnings = { cached: '', clean: '' };
  let stderrDamaged = '';

  beforeAll(() => {
    mkdirSync(book);
    cpSync(path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(book, 'chart.png'));
    const names = Array.from({ length: ARTICLES }, (_, i) => `report-${String(i + 1).padStart(2, '0')}.md`);
    names.forEach((name, i) => writeFileSync(path.join(book, name), article(i)));
    writeFileSync(path.join(book, 'publication.yaml'), `title: Sixteen Reports\nlang: en-GB\ndate: 2025-06-30\narticles: [${names.join(', ')}]\n`);
    buildTo('one', inputs, '--jobs', '1', '--no-cache');
    buildTo('two', inputs, '--jobs', '2', '--cache', cache);
    entriesAfterFirst = cacheEntries();
    readingsAfterFirst = cacheEntries('read');
    drawnAfterFirst = cacheEntries('drawn');
    // The second article grows by about two pages: every later page number and page-list entry moves.
    appendFileSync(path.join(book, 'report-02.md'), `\n\n${'A paragraph added to make this article longer than it was. '.repeat(150)}\n`);
    warnings = { cached: buildTo('edited-cached', [book], '--jobs', '2', '--cache', cache), clean: buildTo('edited-clean', [book], '--jobs', '1', '--no-cache') };
    // Damage every entry in two ways: garbage, and a payload cut short.
    const entries = [...cacheEntries(), ...cacheEntries('read'), ...cacheEntries('cover'), ...cacheEntries('drawn')];
    entries.forEach((entry, i) => {
      const file = path.join(cache, entry);
      if (i % 2 === 0) writeFileSync(file, 'not a layout');
      else writeFileSync(file, readFileSync(file).subarray(0, 200));
    });
    const run = cli(['build', book, '--out', path.join(dir, 'damaged'), '--jobs', '2', '--cache', cache, '--verbose']);
    expect(run.status, run.stderr).toBe(0);
    stderrDamaged = run.stderr;
  }, 600_000);

  it('gives the same bytes with --jobs 1 and --jobs 2', () => {
    expectSameBytes('one', 'two');
  });

  it('keeps one entry per article', () => {
    expect(entriesAfterFirst.length).toBe(3 + ARTICLES);
  });

  it('keeps one reading per article file and the generated covers', () => {
    // The rich fixture is a whole publication in one JSON file: no article file is read for it.
    expect(readingsAfterFirst.length).toBe(ARTICLES);
    expect(cacheEntries('cover').length).toBeGreaterThan(0);
  });

  it('rebuilds an edited book from the cache byte for byte as a clean build, setting only the edited article again', async () => {
    expectSameBytes('edited-clean', 'edited-cached', 3);
    // Only the edited article was laid out again: one new entry beside the old ones (the rich
    // fixture's stay, unused by this build).
    const after = cacheEntries();
    expect(after.length).toBe(entriesAfterFirst.length + 1);
    expect(entriesAfterFirst.every((e) => after.includes(e))).toBe(true);
    // The edit moved the page list (so the comparison above covers changed page numbers).
    expect(await pageListOf('edited-cached')).not.toBe(await pageListOf('one'));
    // Only the edited file was read again: one new reading beside the old ones.
    const readings = cacheEntries('read');
    expect(readings.length).toBe(readingsAfterFirst.length + 1);
    expect(readingsAfterFirst.every((e) => readings.includes(e))).toBe(true);
    // Only the edited article was drawn again: its drawing (for either side, or one per side)
    // beside the others', which were placed as they were on their new pages.
    const drawn = cacheEntries('drawn');
    expect(drawnAfterFirst.length).toBeGreaterThanOrEqual(ARTICLES);
    expect(drawnAfterFirst.every((e) => drawn.includes(e))).toBe(true);
    expect(drawn.length - drawnAfterFirst.length).toBeGreaterThanOrEqual(1);
    expect(drawn.length - drawnAfterFirst.length).toBeLessThanOrEqual(2);
  });

  it('gives the warnings of a clean build, those of the readers included, from the cache', () => {
    expect(warnings.cached).toMatch(/report-05\.md:4:1: warning: `language` repeats `lang`/);
    expect(warnings.cached).toBe(warnings.clean);
  });

  it('ignores damaged entries, lays the articles out again and says so', () => {
    expectSameBytes('damaged', 'edited-clean', 3);
    expect(stderrDamaged).toMatch(/layout cache: ignored a damaged entry .*\.layout \(laid out again\)/);
    expect(stderrDamaged).toMatch(/read cache: ignored a damaged entry .*\.read \(read again\)/);
    expect(stderrDamaged).toMatch(/cover cache: ignored a damaged entry .*\.cover \(made again\)/);
    expect(stderrDamaged).toMatch(/draw cache: ignored a damaged entry .*\.drawn \(drawn again\)/);
    // Stored afresh: the readings of the book's files are whole again (the unedited report 2's stays damaged).
    const whole = cacheEntries('read').filter((entry) => {
      const data = readFileSync(path.join(cache, entry));
      const magic = 'broadsheet-read-1\n'.length;
      return data.subarray(0, magic).toString() === 'broadsheet-read-1\n' && createHash('sha256').update(data.subarray(magic + 32)).digest().equals(data.subarray(magic, magic + 32));
    });
    expect(whole.length).toBe(ARTICLES);
  });

  it('names the place of an article that fails validation when its reading comes from the cache', () => {
    const folder = tempFolder({ 'late.md': '---\ntitle: Late\nlang: en\npublished: 2024-13-45\n---\n\nSome text.\n' });
    const runs = [1, 2].map(() => cli(['build', folder, '--out', path.join(dir, 'late'), '--cache', cache]));
    expect(runs.map((r) => r.status)).toEqual([1, 1]);
    expect(runs[0]!.stderr).toMatch(/late\.md:4:1: published is not a real date/);
    expect(runs[1]!.stderr).toBe(runs[0]!.stderr);
    expect(cacheEntries('read').length).toBe(readingsAfterFirst.length + 2);
  });

  it('refuses a number of jobs that is not a whole number from 1, and --cache with --no-cache', () => {
    for (const jobs of ['0', '1.5', 'many']) expect(() => parseBuildArgs(['--jobs', jobs], {})).toThrow(`--jobs "${jobs}" is not a number of threads`);
    expect(() => parseBuildArgs(['--cache', 'c', '--no-cache'], {})).toThrow(UsageError);
    expect(parseBuildArgs(['-j', '3', '--cache', 'c'], {}).options).toMatchObject({ jobs: 3, cache: 'c' });
    expect(parseBuildArgs(['--no-cache'], {}).options.cache).toBeUndefined();
    expect(parseBuildArgs([], {}).options.cache).toBe(path.join('node_modules', '.cache', 'broadsheet'));
    for (const option of ['--jobs N', '--cache DIR', '--no-cache']) expect(BUILD_HELP).toContain(option);
  });
});
