/**
 * Issue 10: whole saved pages shaped like real news and blog pages. Every word of the article comes
 * back from the model, in order; nothing of the furniture does; and the one furniture warning counts
 * exactly the words that were left out. The fixtures mark their furniture with `data-furniture` so
 * the test can count it independently of the reader.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { article } from '../../../src/model/index.js';
import { readHtml } from '../../../src/read/html/index.js';
import { cli, tempFolder } from '../../support/cli.js';
import { epubText } from '../../support/epub.js';
import { runEpubcheck } from '../../support/epubcheck.js';
import { pdfText } from '../../support/pdf.js';
import { missingInOrder, words } from '../../support/words.js';
import { allText } from '../model-walk.js';
import { expectedWords, type Expected } from '../web/expected.js';

const PAGES = new URL('../../fixtures/read/pages/', import.meta.url);

interface Page {
  file: string;
  title: string;
  /** The standfirst, which becomes the dek. */
  subtitle: string;
  /** Places the warning names (tag.class), in order. */
  places: string[];
}

const CASES: Page[] = [
  {
    file: 'news-standfirst.html',
    title: 'Tram line to the harbour opens two years late',
    subtitle: 'Passengers cheered the first service on the £412m extension on Saturday, but traders on Dock Street say the delays cost them their best summers.',
    places: ['a.skip-link', 'div.consent-banner', 'header.masthead', 'footer.site-footer', 'div.share-tools', 'aside.related-links', 'section.comments'],
  },
  {
    file: 'teasers.html',
    title: 'Ferry operator rescues island service after last-minute deal',
    subtitle: '',
    places: ['header.masthead', 'section.top-stories', 'section.more-news', 'footer.site-footer'],
  },
  {
    file: 'live-blog.html',
    title: 'Northgate council election 2025: live results',
    subtitle: 'Follow every declaration from the count at the Harbour Leisure Centre, with analysis from our politics team.',
    places: ['header.site-header', 'aside.key-events', 'div.pagination', 'footer.site-footer', 'div.entry-share'],
  },
  {
    file: 'blog-noscript.html',
    title: 'Mit dem Nachtzug nach Split',
    subtitle: 'Vierzehn Stunden, zwei Grenzen und ein Schlafwagen aus den Achtzigern: Warum ich nie wieder nach Dalmatien fliegen werde.',
    places: ['header.site-header', 'footer.entry-footer', 'div.comments-area', 'aside.widget-area', 'footer.site-footer'],
  },
];

/** The article's words (page text outside furniture, without the h1 and the standfirst) and the furniture's word count. */
const expected = (source: string, page: Page): Expected => expectedWords(source, page.subtitle || undefined);

describe.each(CASES)('a saved page: $file', (page) => {
  const source = readFileSync(new URL(page.file, PAGES), 'utf8');
  const diagnostics = new Diagnostics();
  const candidate = readHtml(page.file, source, { diagnostics })!.candidate;
  const want = expected(source, page);

  it('keeps every word of the article, in order, and nothing else', () => {
    expect(want.article.length).toBeGreaterThan(150);
    expect(words(allText(candidate))).toEqual(want.article);
    expect(candidate.meta['title']).toBe(page.title);
    expect(candidate.meta['subtitle']).toBe(page.subtitle || undefined);
    expect(article.safeParse(candidate).success).toBe(true);
  });

  it('says in one warning how many words of furniture it left out, and where from', () => {
    const furniture = diagnostics.warnings.filter((d) => d.code === 'read.html.furniture');
    expect(furniture).toHaveLength(1);
    const message = furniture[0]!.message;
    expect(message).toMatch(new RegExp(`^left out ${want.furniture} words of page furniture: `));
    const named = [...message.matchAll(/([\w.#-]+) \((\d+)\)/g)];
    expect(named.map((m) => m[1])).toEqual(page.places);
    expect(named.reduce((n, m) => n + Number(m[2]), 0)).toBe(want.furniture);
    expect(diagnostics.errors).toEqual([]);
  });
});

/** End to end through the CLI: the article's words come back from the EPUB and the PDF, the furniture's do not. */
describe('saved pages built by the CLI', () => {
  const pages = CASES.filter((c) => c.file === 'news-standfirst.html' || c.file === 'blog-noscript.html');
  const built = new Map<string, { epub: string; pdf: string; epubWords: string[]; pdfWords: string[] }>();
  let stderr = '';

  beforeAll(async () => {
    const dir = tempFolder();
    for (const page of pages) copyFileSync(new URL(page.file, PAGES), path.join(dir, page.file));
    const out = path.join(dir, 'out');
    const run = cli(['build', ...pages.map((p) => path.join(dir, p.file)), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    stderr = run.stderr;
    const outputs = readdirSync(out);
    for (const page of pages) {
      const slug = page.title.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 12);
      const epub = path.join(out, outputs.find((f) => f.endsWith('.epub') && f.startsWith(slug))!);
      const pdf = epub.replace(/\.epub$/, '.pdf');
      built.set(page.file, { epub, pdf, epubWords: words(await epubText(epub)), pdfWords: words(await pdfText(pdf)) });
    }
  }, 180_000);

  it.each(pages)('$file: every article word, in order, in the EPUB and the PDF', (page) => {
    const source = readFileSync(new URL(page.file, PAGES), 'utf8');
    const want = [...words(page.title), ...words(page.subtitle), ...expected(source, page).article];
    const { epubWords, pdfWords } = built.get(page.file)!;
    expect(missingInOrder(epubWords, want)).toBeUndefined();
    expect(missingInOrder(pdfWords, want, { joinBroken: true })).toBeUndefined();
  });

  it('leaves the furniture out of both files, and says so once per article', () => {
    const gone = ['Accept all', 'Share on Facebook', 'cinnamon buns', 'Flooded tunnel adds', 'Registered in England', 'Toller Bericht', 'Neueste Beiträge', 'Stolz präsentiert', 'Zählpixel', 'Jetzt buchen'];
    for (const { epubWords, pdfWords } of built.values()) {
      const epub = epubWords.join(' ');
      const pdf = pdfWords.join(' ');
      for (const phrase of gone) {
        expect(epub).not.toContain(phrase);
        expect(pdf).not.toContain(phrase);
      }
    }
    expect(stderr.match(/warning: left out \d+ words of page furniture/g)).toHaveLength(2);
  });

  it('gives an EPUB that EPUBCheck passes', async () => {
    const report = await runEpubcheck(built.get('blog-noscript.html')!.epub);
    expect(report.fatal + report.errors + report.warnings, JSON.stringify(report.messages.slice(0, 5))).toBe(0);
  }, 120_000);
});
