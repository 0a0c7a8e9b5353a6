/**
 * Issue 11, the EPUB side of every script: an Arabic publication with an Arabic and a Hebrew article,
 * and a publication with a Chinese title and an English page quoting Arabic, built by the CLI as a
 * user would, then checked by EPUBCheck 5, Ace and calibre. RTL documents read right to left (`dir`, page progression), names of
 * unknown direction are isolated, and the files are named after the titles, never `untitled`.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAce, runAce, type AceResult } from '../../support/ace.js';
import { cli, ROOT, tempFolder } from '../../support/cli.js';
import { epubText, openEpub, type EpubContents } from '../../support/epub.js';
import { formatEpubcheck, runEpubcheck, type EpubcheckResult } from '../../support/epubcheck.js';
import { run } from '../../support/exec.js';
import { missingInOrder, words } from '../../support/words.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/scripts');
const BOOKS = {
  rtl: { input: 'rtl', name: 'حقوق-الإنسان-بلغتين' },
  zh: { input: 'zh', name: '世界人权宣言' },
} as const;
type Book = keyof typeof BOOKS;

interface Checked { file: string; epub: EpubContents; epubcheck: EpubcheckResult; ace: AceResult }

let out = '';
const built = new Map<Book, Checked>();
const get = (book: Book): Checked => {
  const b = built.get(book);
  if (!b) throw new Error(`${book} was not built`);
  return b;
};
/** The spine document of an article, by the text of its `<h1>`. */
const articleDocument = (book: Book, title: string): string => {
  const doc = get(book).epub.spine.find((d) => d.xhtml.includes(`-title">${title}</h1>`));
  if (!doc) throw new Error(`no document with the title ${title}`);
  return doc.xhtml;
};
/** Body of a Markdown fixture without its front matter. */
const markdownBody = async (file: string): Promise<string> => (await readFile(path.join(FIXTURES, file), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<[^>]+>|^#+ |^[->] |^```.*$|`/gm, '');

beforeAll(async () => {
  out = tempFolder();
  const build = cli(['build', ...Object.values(BOOKS).map((b) => path.join(FIXTURES, b.input)), '--out', out]);
  expect(build.status, build.stderr).toBe(0);
  await Promise.all(
    (Object.keys(BOOKS) as Book[]).map(async (book) => {
      const file = path.join(out, `${BOOKS[book].name}.epub`);
      const [epubcheck, ace, epub] = await Promise.all([runEpubcheck(file), runAce(file), openEpub(file)]);
      built.set(book, { file, epub, epubcheck, ace });
    }),
  );
}, 240_000);

describe('EPUBs in every script', () => {
  it('names the files after the titles, in their own script', () => {
    const names = readdirSync(out);
    for (const { name } of Object.values(BOOKS)) expect(names).toEqual(expect.arrayContaining([`${name}.epub`, `${name}.pdf`, `${name}.jsonld`]));
    expect(names.filter((n) => n.startsWith('untitled'))).toEqual([]);
    // Inside the container the names are ASCII (no EPUBCheck PKG-012), transliterated from the titles.
    const zh = get('zh').epub.spine.map((d) => path.posix.basename(d.path));
    expect(zh).toEqual(['cover.xhtml', 'title-page.xhtml', 'toc.xhtml', 'di-yi-tiao-ren-ren-sheng-er-zi-you.xhtml', 'di-er-tiao-bu-fen-zhong-zu.xhtml', 'comments-on-the-declaration.xhtml', 'colophon.xhtml']);
    for (const book of Object.keys(BOOKS) as Book[]) {
      for (const entry of Object.keys(get(book).epub.zip.files)) expect(entry, book).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it('EPUBCheck 5 reports nothing at all, Ace no violation', () => {
    for (const book of Object.keys(BOOKS) as Book[]) {
      const { epubcheck, ace } = get(book);
      expect(formatEpubcheck(epubcheck, ['FATAL', 'ERROR', 'WARNING', 'USAGE']), book).toBe('');
      expect(formatAce(ace), book).toBe('');
    }
  });

  it('lays Arabic and Hebrew out right to left, and turns their pages from the right', () => {
    const { opf, spine } = get('rtl').epub;
    expect(opf).toMatch(/<package [^>]*dir="rtl"/);
    expect(opf).toMatch(/<spine [^>]*page-progression-direction="rtl"/);
    // Every document: cover, title page, contents, the Arabic and the Hebrew article, colophon.
    expect(spine).toHaveLength(6);
    for (const doc of spine) expect(doc.xhtml, doc.path).toMatch(/<html [^>]*dir="rtl"/);
    const ar = articleDocument('rtl', 'الإعلان العالمي لحقوق الإنسان');
    // The English name inside Arabic text runs left to right, isolated; so does the Latin name in the byline.
    expect(ar).toContain('<span lang="en" xml:lang="en" dir="ltr">Eleanor Roosevelt</span>');
    expect(ar).toMatch(/<p class="byline">بقلم [^<]*<bdi>Eleanor Roosevelt<\/bdi><\/p>/);
    const he = articleDocument('rtl', 'ההכרזה לכל באי עולם בדבר זכויות האדם');
    expect(he).toMatch(/<html [^>]*lang="he"/);
    // Code reads left to right inside right-to-left text.
    expect(he).toContain('<code dir="ltr">load(article, 1)</code>');
    expect(he).toMatch(/<pre dir="ltr"><code class="language-js">const article/);
    expect(he).toContain('<span lang="fr" xml:lang="fr" dir="ltr">René Cassin</span>');
    // broadsheet's own words are in the book's language, so they need no mark of their own.
    const nav = get('rtl').epub.spine.find((d) => d.path.endsWith('toc.xhtml'))?.xhtml;
    expect(nav).toContain('<h1 id="toc-title">المحتويات</h1>');
    // The Hebrew article's entry is marked Hebrew; it runs right to left like the book.
    expect(nav).toMatch(/<a href="[a-z0-9-]+\.xhtml" lang="he" xml:lang="he">ההכרזה/);
  });

  it('keeps left-to-right books left to right, with right-to-left spans and paragraphs marked', () => {
    const { opf } = get('zh').epub;
    expect(opf).not.toContain('page-progression-direction');
    expect(opf).not.toMatch(/<package [^>]*dir=/);
    const first = articleDocument('zh', '第一条：人人生而自由');
    expect(first).not.toMatch(/<html [^>]*dir=/);
    expect(first).toContain('<span lang="ar" xml:lang="ar" dir="rtl">دمشق</span>');
    expect(first).toContain('<span lang="he" xml:lang="he" dir="rtl">ירושלים</span>');
    // Ids keep the heading's own letters, and the contents links to them.
    expect(first).toContain('<h2 id="大马士革与耶路撒冷">');
    expect(get('zh').epub.spine.find((d) => d.path.endsWith('toc.xhtml'))?.xhtml).toContain('href="di-yi-tiao-ren-ren-sheng-er-zi-you.xhtml#大马士革与耶路撒冷"');
    const en = articleDocument('zh', 'Comments on the Declaration');
    expect(en).toMatch(/<html [^>]*lang="en"/);
    expect(en).toContain('<p lang="ar" xml:lang="ar" dir="rtl">يولد جميع الناس');
    // <bdi> in the source stays an isolate of its own direction.
    expect(en).toContain('Comments by <span dir="auto">إيمان</span>: 3 replies, <span dir="auto">Jan</span>: 1 reply');
  });

  it('gives back every word of every article, in order', async () => {
    for (const [book, file] of [['rtl', 'rtl/ar.md'], ['rtl', 'rtl/he.md'], ['zh', 'zh/第一条.md'], ['zh', 'zh/第二条.md']] as const) {
      const text = await epubText(get(book).file);
      expect(missingInOrder(words(text), words(await markdownBody(file))), file).toBeUndefined();
    }
  });

  it('is read by calibre under its Unicode file name', async () => {
    const meta = await run('ebook-meta', [get('zh').file], { timeoutMs: 60_000 });
    expect(meta.code, meta.stderr).toBe(0);
    expect(meta.stdout).toMatch(/^Title\s*:\s*世界人权宣言$/m);
    expect(meta.stdout).toMatch(/^Languages\s*:\s*zho$/m);
  });
});
