/**
 * Bad input gets exit status 1 and one line per problem naming the file, the place and the fix;
 * nothing is written. Usage errors get exit status 2.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from '../support/cli.js';

function failing(files: Record<string, string>, input: string, args: string[] = []) {
  const dir = tempFolder(files);
  const out = path.join(dir, 'out');
  const run = cli(['build', path.join(dir, input), '--out', out, ...args]);
  return { ...run, dir, out, lines: run.stderr.trim().split('\n') };
}

describe('broadsheet build on invalid input', () => {
  // Issue 10: without --strict the file name is the title (a warning); see test/hostile.
  it('reports a missing title under --strict with the file and the fix', () => {
    const r = failing({ 'a.md': '---\nlang: en\n---\n\nText.\n' }, 'a.md', ['--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md(:\d+:\d+)?: .*title.* — /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(r.out)).toBe(false);
  });

  it('reports an empty title on its line', () => {
    const r = failing({ 'a.md': '---\nlang: en\ntitle: "  "\n---\n\nText.\n' }, 'a.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md:3:1: .*title is empty/);
  });

  it('reports an impossible date on its line', () => {
    const r = failing({ 'a.md': '---\ntitle: T\nlang: en\ndate: 2025-02-30\n---\n\nText.\n' }, 'a.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md:4:1: .*not a real date — write it as YYYY-MM-DD/);
  });

  it('reports a language that is not a BCP 47 tag', () => {
    const r = failing({ 'a.md': '---\ntitle: T\nlanguage: english\n---\n\nText.\n' }, 'a.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md:3:1: .*not a BCP 47 language tag — use a tag such as/);
  });

  it('reports broken YAML with its line', () => {
    const r = failing({ 'a.md': '---\ntitle: T\nlang: en\nauthors: [a, b\ndate: 2025-01-01\n---\n\nText.\n' }, 'a.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md:[4-6]:\d+: .*not valid/);
  });

  it('reports an unknown file type', () => {
    const r = failing({ 'a.docx': 'PK' }, 'a.docx');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.docx: unknown file type "\.docx" — give an article as \.md/);
  });

  it('reports an empty file', () => {
    const r = failing({ 'a.md': '\n\n' }, 'a.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md: the file is empty/);
  });

  it('reports invalid JSON with its line', () => {
    const r = failing({ 'a.json': '{\n  "meta": { "title": "T", },\n  "body": []\n}\n' }, 'a.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.json:2:\d+: the file is not valid JSON/);
  });

  it('reports an image that does not exist and every other problem of the run together', () => {
    const r = failing(
      {
        'pub/publication.yaml': 'title: P\nlang: en\n',
        'pub/one.md': '---\ntitle: One\n---\n\n![A cat](missing.png)\n',
        'pub/two.md': '---\ntitle: Two\ndate: 2025-13-01\n---\n\nText.\n',
      },
      'pub',
      ['--strict'],
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/two\.md:3:1: .*not a real date/);
    expect(r.stderr).toMatch(/one\.md: image "missing\.png" in “One” does not exist; looked for .*missing\.png — check the file name/);
  });

  it('says what to add to a folder of several articles without publication.yaml', () => {
    const r = failing({ 'a/one.md': '---\ntitle: One\n---\nx\n', 'a/two.md': '---\ntitle: Two\n---\ny\n' }, 'a');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds 2 articles but no publication\.yaml — add publication\.yaml/);
  });

  it('exits 2 on a usage error', () => {
    const r = cli(['build', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option/i);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['build', '--page-size', 'B7']).status).toBe(2);
  });

  it('documents every option in --help', () => {
    const r = cli(['build', '--help']);
    expect(r.status).toBe(0);
    for (const option of ['--out', '--lang', '--page-size', '--bleed', '--strict', '--fetch-remote', '--max-image-mb', '--max-article-mb', '--debug', '--help']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('leaves an earlier good output untouched when a later build fails', () => {
    const dir = tempFolder({ 'a.md': '---\ntitle: Good\nlang: en\n---\n\nGood text.\n' });
    const out = path.join(dir, 'out');
    expect(cli(['build', path.join(dir, 'a.md'), '--out', out]).status).toBe(0);
    const before = readdirSync(out).sort();
    expect(before).toEqual(['good.epub', 'good.jsonld', 'good.pdf']);
    const bad = tempFolder({ 'a.md': '---\ntitle: Good\nlang: en\ndate: 2025-02-31\n---\n\nBad.\n' });
    expect(cli(['build', path.join(bad, 'a.md'), '--out', out]).status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(before);
  });
});
