/**
 * Issue 15 (item 3): `broadsheet init [DIR]` starts a publication folder that builds at once. The
 * scaffold is built as a user would (`cd DIR && broadsheet build .`): zero warnings, EPUBCheck and
 * Ace find nothing, and every feature the sample article promises reaches the EPUB. init never
 * overwrites: with one of its files present it names it, exits 1 and writes nothing.
 *
 * One scaffold, one build, one EPUBCheck and one Ace run.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runAce } from '../support/ace.js';
import { tempFolder } from '../support/cli.js';
import { runEpubcheck } from '../support/epubcheck.js';
import { pdfText } from '../support/pdf.js';

async function cli(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}

const parent = tempFolder();
const dir = path.join(parent, 'my-book');
let initRun: Awaited<ReturnType<typeof cli>>;
let buildRun: Awaited<ReturnType<typeof cli>>;
let epub: string;
let article: string;

beforeAll(async () => {
  initRun = await cli(['init', dir]);
  // No INPUT: inside a folder init made, build takes the folder itself (the README's flow).
  buildRun = await cli(['build'], dir);
  const built = path.join(dir, 'build');
  epub = path.join(built, (await readdir(built)).find((f) => f.endsWith('.epub'))!);
  const zip = await JSZip.loadAsync(await readFile(epub));
  article = await zip.file('OEBPS/welcome-to-the-harbour.xhtml')!.async('string');
}, 300_000);

describe('broadsheet init', () => {
  it('writes the publication.yaml, the sample article, its image and a .gitignore for build/', async () => {
    expect(initRun.code).toBe(0);
    expect(initRun.stdout.split('\n').filter((l) => l.startsWith('wrote '))).toEqual(
      ['publication.yaml', 'welcome.md', 'images/tide-chart.png', '.gitignore'].map((f) => `wrote ${path.join(dir, f)}`),
    );
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'build', 'images', 'publication.yaml', 'welcome.md']);
    expect(await readdir(path.join(dir, 'images'))).toEqual(['tide-chart.png']);
    expect((await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n')).toContain('build/');
    expect(await readFile(path.join(dir, 'publication.yaml'), 'utf8')).toMatch(/^# publication\.yaml/);
  });

  it('builds with zero warnings', () => {
    expect(buildRun.stderr).toBe('');
    expect(buildRun.code).toBe(0);
  });

  it('passes EPUBCheck 5 with no finding and Ace by DAISY with no violation', async () => {
    const [check, ace] = await Promise.all([runEpubcheck(epub), runAce(epub)]);
    expect(check.messages.map((m) => `${m.severity} ${m.id}: ${m.message}`)).toEqual([]);
    expect(ace.violations.map((v) => `${v.impact} ${v.rule}: ${v.description}`)).toEqual([]);
  });

  it('shows every feature of the model in the EPUB: figure, captioned tables, footnotes, attributed quotation, language spans', () => {
    expect(article).toMatch(/<figure><img [^>]*alt="Bar chart of the highest tide[^"]+"[^>]*\/>\s*<figcaption>The highest tide/);
    expect(article).toMatch(/<table><caption>Harbour services and their opening hours<\/caption>/);
    expect(article).toContain('<th scope="col">Service</th>');
    expect(article).toContain('<th scope="row">Harbour office</th>');
    expect(article.match(/role="doc-noteref"/g)).toHaveLength(2);
    expect(article).toContain('role="doc-endnotes"');
    expect(article).toMatch(/<blockquote>[\s\S]*<\/blockquote>\s*<figcaption class="attribution">— Joseph Conrad/);
    expect(article).toContain('<span lang="fr" xml:lang="fr">bon vent et bonne mer</span>');
  });

  it('prints the sample in the PDF: title, language span, table caption, quotation', async () => {
    const pdf = (await pdfText(epub.replace(/\.epub$/, '.pdf'))).replace(/\s+/g, ' ');
    for (const phrase of ['Welcome to the Harbour', 'bon vent et bonne mer', 'Harbour services and their opening hours', 'accomplice of human restlessness']) {
      expect(pdf).toContain(phrase);
    }
  });

  it('refuses to overwrite: names the file that exists, exits 1 and writes nothing', async () => {
    const other = tempFolder({ 'welcome.md': '# My own article\n' });
    const r = await cli(['init', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${path.join(other, 'welcome.md')}: already exists; init never overwrites a file — run init in a new or empty folder, or move the file away`);
    expect((await readdir(other)).sort()).toEqual(['welcome.md']);
    expect(await readFile(path.join(other, 'welcome.md'), 'utf8')).toBe('# My own article\n');
  });
});
