/**
 * Issue 10: warnings do not drown the user. Repeated warnings of one kind in one file are one line
 * with a count and examples; `--verbose` lists them all; errors are always listed one by one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from '../support/cli.js';

const LANGS = ['arabic', 'hebrew', 'chinese', 'greek', 'russian', 'persian'];
const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Names in many tongues</title></head>
<body><article><h1>Names in many tongues</h1>
<p>The sources spell the cities ${LANGS.map((l, i) => `<span lang="${l}">city ${i + 1}</span>`).join(', ')}.</p>
</article></body></html>
`;
const warningLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes('warning:'));

describe('warning summaries', () => {
  const dir = tempFolder({ 'page.html': PAGE, 'book/publication.yaml': 'title: Two\nlang: en\narticles: [page.html, missing.md]\n', 'book/page.html': PAGE });

  it('prints one line per file and kind, with a count and examples; --verbose lists every warning', () => {
    const page = path.join(dir, 'page.html');
    const quiet = cli(['build', page, '--out', path.join(dir, 'out')]);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(warningLines(quiet.stderr)).toEqual([
      `${page}: warning: 6 × read.lang.invalid, e.g. lang="arabic" is not a BCP 47 language tag, so it was ignored; ` +
        'lang="hebrew" is not a BCP 47 language tag, so it was ignored; lang="chinese" is not a BCP 47 language tag, so it was ignored; … ' +
        '— use a tag such as "en", "en-GB", "fr" or "pt-BR" (--verbose lists them all)',
    ]);
    const verbose = cli(['build', page, '--out', path.join(dir, 'out'), '--verbose']);
    expect(verbose.status, verbose.stderr).toBe(0);
    expect(warningLines(verbose.stderr)).toEqual(LANGS.map((l) => `${page}: warning: lang="${l}" is not a BCP 47 language tag, so it was ignored — use a tag such as "en", "en-GB", "fr" or "pt-BR"`));
  });

  it('summarises the warnings of a failed build too, and lists its errors', () => {
    const run = cli(['build', path.join(dir, 'book'), '--out', path.join(dir, 'out2')]);
    expect(run.status).toBe(1);
    expect(warningLines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/warning: 6 × read\.lang\.invalid, e\.g\./);
    expect(run.stderr).toMatch(/missing\.md/);
    expect(warningLines(cli(['build', path.join(dir, 'book'), '--out', path.join(dir, 'out2'), '--verbose']).stderr)).toHaveLength(6);
  });
});
