/**
 * Issue 15.2: `broadsheet build --json` prints one report on stdout and nothing else, and the report
 * validates against the JSON Schema that `broadsheet schema --report` prints — for the seed, for a
 * failing input and for a build of two inputs. What it says is checked against the files: sizes and
 * SHA-256 recomputed, the page count read by poppler's pdfinfo, the claim read from the EPUB's OPF.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/schema.js';
import { BIN, ROOT, cli, tempFolder } from '../support/cli.js';
import { openEpub } from '../support/epub.js';
import { run, runOk, type ExecResult } from '../support/exec.js';

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Names in many tongues</title></head>
<body><article><h1>Names in many tongues</h1>
<p>The cities <span lang="arabic">one</span>, <span lang="hebrew">two</span>.</p>
<figure><img src="chart.png"><figcaption>A chart without a description</figcaption></figure>
</article></body></html>
`;

const build = (args: string[]): Promise<ExecResult> => run(process.execPath, [BIN, 'build', ...args, '--json'], { env: { ...process.env, SOURCE_DATE_EPOCH: '1751241600' }, timeoutMs: 240_000 });

describe('build --json', () => {
  const dir = tempFolder({
    'page.html': PAGE,
    'note.md': '---\ntitle: A short note\nlang: en\n---\n\nOne paragraph.\n',
    'broken/publication.yaml': 'title: Broken\narticles: [bad.md, missing.md]\n',
    'broken/bad.md': '---\ntitle: [unclosed\n---\nText\n',
  });
  copyFileSync(path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(dir, 'chart.png'));
  const schema = JSON.parse(cli(['schema', '--report']).stdout) as Record<string, unknown>;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const valid = (report: unknown): string => (validate(report) ? 'valid' : JSON.stringify(validate.errors, null, 2));
  let seed: ExecResult;
  let failed: ExecResult;
  let multi: ExecResult;

  beforeAll(async () => {
    [seed, failed, multi] = await Promise.all([
      build([path.join(ROOT, 'content'), '-o', path.join(dir, 'seed')]),
      build([path.join(dir, 'broken'), '-o', path.join(dir, 'failed')]),
      build([path.join(dir, 'note.md'), path.join(dir, 'page.html'), '-o', path.join(dir, 'multi')]),
    ]);
  }, 300_000);

  it('reports the seed: files with size and SHA-256, pages, articles, the claim, timings', async () => {
    expect(seed.code, seed.stderr).toBe(0);
    const report = JSON.parse(seed.stdout) as BuildReport;
    expect(valid(report)).toBe('valid');
    expect(report).toMatchObject({ status: 'built', exitCode: 0, counts: { errors: 0 } });
    const [pub] = report.publications;
    expect(report.publications).toHaveLength(1);
    expect(pub!.outputs.map((o) => [path.basename(o.path), o.mediaType])).toEqual([
      ['us-explores-israel-syria-peace-talks.epub', 'application/epub+zip'],
      ['us-explores-israel-syria-peace-talks.pdf', 'application/pdf'],
      ['us-explores-israel-syria-peace-talks.jsonld', 'application/ld+json'],
    ]);
    for (const output of pub!.outputs) {
      const data = readFileSync(output.path);
      expect(output.bytes).toBe(data.byteLength);
      expect(output.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    }
    const pdf = pub!.outputs.find((o) => o.mediaType === 'application/pdf')!.path;
    const pages = /^Pages:\s+(\d+)$/m.exec((await runOk('pdfinfo', [pdf])).stdout)?.[1];
    expect(pub!.pages).toBe(Number(pages));
    expect(pub!.articles.map((a) => a.title)).toEqual(['U.S. Explores Israel–Syria Peace Talks']);
    const { opf } = await openEpub(pub!.outputs[0]!.path);
    expect(pub!.accessibility.conformsTo).not.toBeNull();
    expect(opf).toContain(`<meta property="dcterms:conformsTo" id="conformance">${pub!.accessibility.conformsTo}</meta>`);
    expect(pub!.accessibility.withheld).toEqual([]);
    for (const phase of ['layout', 'draw', 'epub'] as const) expect(pub!.timings.phases[phase]).toBeGreaterThan(0);
    expect(report.timings.phases.read).toBeGreaterThan(0);
  });

  it('reports a failing input: exit 1, every diagnostic with its place, nothing written', () => {
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as BuildReport;
    expect(valid(report)).toBe('valid');
    expect(report).toMatchObject({ status: 'failed', exitCode: 1, publications: [] });
    const broken = path.join(dir, 'broken');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'read.front-matter.yaml', file: path.join(broken, 'bad.md'), line: 2, column: 17 }),
      expect.objectContaining({ severity: 'error', code: 'input.missing', file: path.join(broken, 'missing.md') }),
    ]);
    expect(report.counts).toEqual({ errors: 2, warnings: 0 });
    expect(existsSync(path.join(dir, 'failed'))).toBe(false);
    // The terminal still gets the errors, on stderr.
    expect(failed.stderr).toContain(`${path.join(broken, 'bad.md')}:2:17: the front matter is not valid YAML`);
  });

  it('reports each input of a multi-input build, with the reason a claim was withheld', async () => {
    expect(multi.code, multi.stderr).toBe(0);
    const report = JSON.parse(multi.stdout) as BuildReport;
    expect(valid(report)).toBe('valid');
    expect(report.publications.map((p) => [path.basename(p.input), p.title, p.articles.length])).toEqual([
      ['note.md', 'A short note', 1],
      ['page.html', 'Names in many tongues', 1],
    ]);
    const [note, page] = report.publications;
    expect(note!.accessibility.conformsTo).not.toBeNull();
    expect(page!.accessibility.conformsTo).toBeNull();
    expect(page!.accessibility.withheld.map((w) => w.check)).toContain('alt-text');
    expect((await openEpub(page!.outputs[0]!.path)).opf).not.toContain('dcterms:conformsTo');
    const langWarnings = report.diagnostics.filter((d) => d.code === 'read.lang.invalid');
    expect(langWarnings.map((d) => [d.severity, d.file])).toEqual([['warning', path.join(dir, 'page.html')], ['warning', path.join(dir, 'page.html')]]);
    expect(report.counts.warnings).toBe(report.diagnostics.length);
  });

  it('prints a schema that rejects what is not a report', () => {
    expect(validate({ reportVersion: 1, status: 'built' })).toBe(false);
    const report = JSON.parse(seed.stdout) as BuildReport;
    expect(validate({ ...report, publications: [{ ...report.publications[0], outputs: [{ path: 'x', mediaType: 'a/b', bytes: 1, sha256: 'not-a-hash' }] }] })).toBe(false);
    expect(validate({ ...report, surprise: true })).toBe(false);
  });

  it('refuses --json with --watch (one report per run)', () => {
    const run = cli(['build', '--json', '--watch']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--json and --watch do not go together');
    expect(run.stdout).toBe('');
  });
});
