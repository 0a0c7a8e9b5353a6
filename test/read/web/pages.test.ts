/**
 * Issue 16: whole saved news pages with no one clear `<article>` (div soup, `<main>` full of
 * furniture), in English, French and Arabic. Readability finds the article; every word of it comes
 * back from the model in order (the `<aside>` pull quote, the figure's caption, the byline in the
 * header too), nothing of the furniture does, and the one furniture warning counts exactly the words
 * left out, listing each dropped block's first words for `--verbose`. Metadata the page declares
 * (JSON-LD, Open Graph, `article:*`, `<html lang dir>`) wins over Readability's guesses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { summarizeDiagnostics } from '../../../src/check/summary.js';
import { article } from '../../../src/model/index.js';
import { readHtml } from '../../../src/read/html/index.js';
import type { ExtractMode } from '../../../src/read/types.js';
import { words } from '../../support/words.js';
import { allText } from '../model-walk.js';
import { expectedWords } from './expected.js';

const WEB = new URL('../../fixtures/web/', import.meta.url);

interface Page {
  file: string;
  meta: Record<string, unknown>;
  /** A phrase of each kind of article text Readability alone would strip, which must stay. */
  kept: string[];
}

const CASES: Page[] = [
  {
    file: 'harbour-closure.html',
    meta: {
      title: 'Fish market to close after 160 years as rents treble',
      authors: [{ name: 'Callum Reid', url: 'https://westmouthpost.example/authors/callum-reid' }],
      published: '2025-11-03T07:00:00Z',
      publisher: 'Westmouth Evening Post',
      lang: 'en-GB',
      source: 'https://westmouthpost.example/news/fish-market-to-close',
    },
    kept: ['By Callum Reid', 'We are not closing because nobody wants fish. We are closing because of a spreadsheet." The harbour trust'],
  },
  {
    file: 'velo-lyon.html',
    meta: {
      title: 'À Lyon, les vélos-cargos remplacent les camionnettes sur le dernier kilomètre',
      subtitle: "Trois ans après l'interdiction des utilitaires diesel dans la Presqu'île, les livreurs à vélo assurent un colis sur quatre. Une petite révolution qui ne va pas sans heurts.",
      authors: [{ name: 'Élodie Marchand' }],
      published: '2025-10-21T05:45:00+02:00',
      publisher: 'Le Courrier du Rhône',
      tags: ['Transports', 'Commerce'],
      lang: 'fr',
    },
    kept: ['Par Élodie Marchand', 'Photo : Julien Favre', 'Les clients ne voient pas la différence'],
  },
  {
    file: 'maktaba.html',
    meta: {
      title: 'إعادة افتتاح المكتبة العامة في المدينة القديمة بعد ترميم دام أربع سنوات',
      authors: [{ name: 'ليلى حداد' }],
      published: '2025-09-08T09:30:00+03:00',
      publisher: 'صحيفة الساحل',
      section: 'ثقافة',
      lang: 'ar',
      dir: 'rtl',
    },
    kept: ['بقلم ليلى حداد', 'أردنا أن يعود الناس إلى المكتبة'],
  },
];

function read(file: string, extract: ExtractMode = 'auto'): { candidate: { meta: Record<string, unknown>; body: unknown }; diagnostics: Diagnostics; source: string } {
  const source = readFileSync(new URL(file, WEB), 'utf8');
  const diagnostics = new Diagnostics();
  const result = readHtml(file, source, { diagnostics, extract });
  if (!result) throw new Error(`${file} was not read: ${JSON.stringify(diagnostics.items)}`);
  return { candidate: result.candidate, diagnostics, source };
}

describe.each(CASES)('a whole saved page: $file', (page) => {
  const { candidate, diagnostics, source } = read(page.file);
  const want = expectedWords(source, page.meta['subtitle'] as string | undefined);
  const got = words(allText(candidate));

  it('keeps every word of the article, in order, and none of the furniture', () => {
    expect(want.article.length).toBeGreaterThan(150);
    expect(got).toEqual(want.article);
    const text = got.join(' ');
    for (const phrase of page.kept) expect(text).toContain(words(phrase).join(' '));
    for (const block of want.furnitureBlocks) expect(text).not.toContain(words(block).slice(0, 4).join(' '));
    expect(article.safeParse(candidate).success).toBe(true);
  });

  it("takes the page's declared metadata over Readability's guesses", () => {
    expect(candidate.meta).toMatchObject(page.meta);
  });

  it('counts the words it left out in one warning, and lists each dropped block with --verbose', () => {
    const furniture = diagnostics.warnings.filter((d) => d.code === 'read.html.furniture');
    expect(furniture).toHaveLength(1);
    expect(furniture[0]!.message).toMatch(new RegExp(`^left out ${want.furniture} words of page furniture: `));
    const details = furniture[0]!.details ?? [];
    expect(details).toHaveLength(want.furnitureBlocks.length);
    const counted = details.map((line) => Number(/\((\d+)\): “/.exec(line)?.[1]));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(want.furniture);
    // Each line starts at the block's line and quotes its first words.
    for (const block of want.furnitureBlocks) {
      const first = block.split(/\s+/).slice(0, 3).join(' ');
      expect(details.some((line) => /^\d+:\d+: /.test(line) && line.includes(`“${first}`)), first).toBe(true);
    }
    expect(summarizeDiagnostics(diagnostics.items)).toHaveLength(1);
    expect(summarizeDiagnostics(diagnostics.items, { verbose: true })).toHaveLength(1 + want.furnitureBlocks.length);
    expect(diagnostics.errors).toEqual([]);
  });
});

describe('--extract', () => {
  it('never: keeps the whole body, furniture included, and leaves nothing out', () => {
    const { candidate, diagnostics, source } = read('harbour-closure.html', 'never');
    const text = words(allText(candidate)).join(' ');
    for (const block of expectedWords(source).furnitureBlocks) expect(text).toContain(words(block).slice(0, 4).join(' '));
    expect(diagnostics.warnings.filter((d) => d.code === 'read.html.furniture')).toEqual([]);
  });

  it('always: runs Readability also on a page with one clear <article>, where auto keeps the chooser', () => {
    // The same page with the article wrapped in one <article>: today's path, which only knows
    // furniture by landmark and class, keeps the unnamed "Most read" list; auto did not (above).
    const source = readFileSync(new URL('harbour-closure.html', WEB), 'utf8').replace('<div class="wep-col-main">', '<article class="wep-col-main">').replace('</div>\n  <div class="wep-col-side"', '</article>\n  <div class="wep-col-side"');
    const diagnostics = new Diagnostics();
    const text = words(allText(readHtml('harbour-closure.html', source, { diagnostics, extract: 'auto' })!.candidate)).join(' ');
    expect(text).toContain('Man rescued from mudflats');
    const always = words(allText(readHtml('harbour-closure.html', source, { diagnostics: new Diagnostics(), extract: 'always' })!.candidate)).join(' ');
    expect(always).not.toContain('Man rescued from mudflats');
    expect(always).toContain(words('We are closing because of a spreadsheet').join(' '));
  });

  it('keeps a bare paragraph beside the article, however short, where Readability alone drops it', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    for (const around of [(inner: string) => `<div>${inner}</div>`, (inner: string) => `<section><div>${inner}</div></section><ul><li>x</li></ul>`]) {
      const page = `<html lang="en"><head><title>Soup</title></head><body><p>start</p>${around(`<p>${long}</p><p>${long}</p><p>${long}</p>`)}<p>end</p></body></html>`;
      const got = words(allText(readHtml('soup.html', page, { diagnostics: new Diagnostics(), extract: 'always' })!.candidate));
      expect(got[0]).toBe('start');
      expect(got.at(-1)).toBe('end');
      expect(got).toHaveLength(2 + 3 * 60);
    }
  });

  it('a fragment keeps the chooser: Readability never runs on it', () => {
    const fragment = '<h1>Short note</h1><p>One paragraph of a note about the harbour.</p><ul><li><a href="/a">A link</a></li><li><a href="/b">Another link</a></li></ul>';
    const { candidate } = { candidate: readHtml('note.html', fragment, { diagnostics: new Diagnostics(), extract: 'always' })!.candidate };
    expect(words(allText(candidate))).toEqual(words('One paragraph of a note about the harbour. A link Another link'));
  });
});

describe('the command line', () => {
  it('takes --extract, --title with URLs and --fetch-timeout, and refuses what makes no sense', async () => {
    const { parseBuildArgs, UsageError } = await import('../../../src/cli/build.parser.js');
    const parsed = parseBuildArgs(['https://example.org/a', 'https://example.org/b', '--fetch-remote', '--extract', 'never', '--title', ' Weekend reading ', '--fetch-timeout', '2.5'], {});
    expect(parsed.options).toMatchObject({ extract: 'never', title: 'Weekend reading', pageFetch: { timeoutMs: 2500 }, fetchRemote: true });
    expect(parseBuildArgs(['page.html'], {}).options.extract).toBe('auto');
    expect(() => parseBuildArgs(['page.html', '--extract', 'sometimes'], {})).toThrow(new UsageError('--extract "sometimes" is not a mode — use auto, always or never'));
    expect(() => parseBuildArgs(['page.html', '--title', 'X'], {})).toThrow(/--title names the publication that web addresses make/);
    expect(() => parseBuildArgs(['https://example.org/a', '--fetch-timeout', '0'], {})).toThrow(/--fetch-timeout "0" is not a positive number/);
  });
});
