/**
 * Worker threads and the layout cache never change the output: three publications (the rich
 * fixture with figures, tables and notes; the page-list fixture of four articles; the links
 * fixture with `#id` links between articles) built with `--jobs 1` and with `--jobs 2` give the
 * same bytes; a rebuild from the cache after one article grew (so every later page number moved)
 * gives the bytes of a clean build and sets again only that article; damaged cache entries are
 * ignored and rebuilt.
 */
import { appendFileSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../support/cli.js';
import { openEpub } from '../support/epub.js';

const dir = tempFolder();
const pageList = path.join(dir, 'page-list');
const inputs = [path.join(ROOT, 'test/fixtures/rich/publication.json'), pageList, path.join(ROOT, 'test/fixtures/links')];
const cache = path.join(dir, 'cache');

function buildTo(out: string, ...flags: string[]): void {
  const run = cli(['build', ...inputs, '--out', path.join(dir, out), ...flags]);
  expect(run.status, run.stderr).toBe(0);
}

/** Every output file of a build, by name. */
function outputs(out: string): Map<string, Buffer> {
  const folder = path.join(dir, out);
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name))]));
}

function expectSameBytes(a: string, b: string): void {
  const x = outputs(a);
  const y = outputs(b);
  expect([...y.keys()]).toEqual([...x.keys()]);
  expect(x.size).toBe(9);
  for (const [name, bytes] of x) expect(bytes.equals(y.get(name)!), `${name} differs between ${a} and ${b}`).toBe(true);
}

function cacheEntries(): string[] {
  return readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.layout')).sort();
}

/** The page list of the page-list fixture's EPUB (its nav's `page-list`). */
async function pageListOf(out: string): Promise<string> {
  const epub = await openEpub(path.join(dir, out, 'lines-across-the-valley.epub'));
  for (const file of epub.zip.file(/\.xhtml$/)) {
    const list = /<nav[^>]*epub:type="page-list"[\s\S]*?<\/nav>/.exec(await file.async('string'))?.[0];
    if (list) return list;
  }
  throw new Error(`${out}: the EPUB has no page list`);
}

describe('--jobs and the layout cache', () => {
  let entriesAfterFirst: string[] = [];
  let stderrDamaged = '';

  beforeAll(() => {
    cpSync(path.join(ROOT, 'test/fixtures/page-list'), pageList, { recursive: true });
    buildTo('one', '--jobs', '1', '--no-cache');
    buildTo('two', '--jobs', '2', '--cache', cache);
    entriesAfterFirst = cacheEntries();
    // The second article grows by about two pages: every later page number and page-list entry moves.
    appendFileSync(path.join(pageList, '02-internationalization.md'), `\n\n${'A paragraph added to make this article longer than it was. '.repeat(150)}\n`);
    buildTo('edited-cached', '--jobs', '2', '--cache', cache);
    buildTo('edited-clean', '--jobs', '1', '--no-cache');
    // Damage every entry in two ways: garbage, and a payload cut short.
    const entries = cacheEntries();
    entries.forEach((entry, i) => {
      const file = path.join(cache, entry);
      if (i % 2 === 0) writeFileSync(file, 'not a layout');
      else writeFileSync(file, readFileSync(file).subarray(0, 200));
    });
    const run = cli(['build', ...inputs, '--out', path.join(dir, 'damaged'), '--jobs', '2', '--cache', cache, '--verbose']);
    expect(run.status, run.stderr).toBe(0);
    stderrDamaged = run.stderr;
  }, 600_000);

  it('gives the same bytes with --jobs 1 and --jobs 2', () => {
    expectSameBytes('one', 'two');
  });

  it('keeps one entry per article', () => {
    expect(entriesAfterFirst.length).toBe(3 + 4 + 2);
  });

  it('rebuilds an edited book from the cache byte for byte as a clean build, setting only the edited article again', async () => {
    expectSameBytes('edited-clean', 'edited-cached');
    // Only the edited article was laid out again: one new entry beside the old ones.
    const after = cacheEntries();
    expect(after.length).toBe(entriesAfterFirst.length + 1);
    expect(entriesAfterFirst.every((e) => after.includes(e))).toBe(true);
    // The edit moved the page list (so the comparison above covers changed page numbers).
    expect(await pageListOf('edited-cached')).not.toBe(await pageListOf('one'));
  });

  it('ignores damaged entries, lays the articles out again and says so', () => {
    expectSameBytes('edited-clean', 'damaged');
    expect(stderrDamaged).toMatch(/layout cache: ignored a damaged entry .*\.layout \(laid out again\)/);
  });
});
