/**
 * Issue 10: odd links and empty header cells, end to end on test/fixtures/links (a dozen addresses
 * found on real pages, fragment links to a heading without an id and to a table, site-relative
 * links with and without a source URL, links between the two articles, tables with an empty
 * top-left header cell and a table with no header at all). Built once; EPUBCheck runs once.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { Diagnostic } from '../../src/check/diagnostic.js';
import { openEpub, xhtmlText } from '../support/epub.js';
import { runEpubcheck, formatEpubcheck, type EpubcheckResult } from '../support/epubcheck.js';
import { runOk } from '../support/exec.js';
import { pdfWordBoxes, type PdfWordBox } from '../support/pdf.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/links');

let epubFile: string;
let pdfFile: string;
let warnings: Diagnostic[];
let docs: Map<string, string>;
let epubcheck: EpubcheckResult;

beforeAll(async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-links-'));
  const result = await build({ inputs: [FIXTURE], outDir: out, lang: 'en', strict: false, sourceDateEpoch: 1_750_000_000 });
  epubFile = result.outputs.find((f) => f.endsWith('.epub'))!;
  pdfFile = result.outputs.find((f) => f.endsWith('.pdf'))!;
  warnings = result.warnings;
  const { spine } = await openEpub(epubFile);
  docs = new Map(spine.map((d) => [d.href, d.xhtml]));
  epubcheck = await runEpubcheck(epubFile);
}, 120_000);

const NASTY = 'addresses-found-in-the-wild.xhtml';
const FRAGMENTS = 'fragments-and-tables.xhtml';

/** `href` of every link in a document, by link text. */
function links(xhtml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xhtml.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([^<]*)<\/a>/g)) out.set(m[2]!.replace(/\s+/g, ' ').trim(), m[1]!.replace(/&amp;/g, '&'));
  return out;
}

describe('link addresses in the EPUB', () => {
  it('passes EPUBCheck with no error or warning (no RSC-020, no RSC-005)', () => {
    expect(epubcheck.fatal + epubcheck.errors + epubcheck.warnings, formatEpubcheck(epubcheck)).toBe(0);
  });

  it('writes each address as parsed by a browser, with what EPUBCheck refuses percent-encoded', () => {
    const l = links(docs.get(NASTY)!);
    expect(l.get('the rust channel')).toBe('https://webchat.freenode.net/?channels=#%23rust');
    expect(l.get('the notes with spaces')).toBe('https://example.com/release%20notes/2024%20edition.html');
    expect(l.get('the Munich street page')).toBe('https://xn--mnchen-3ya.de/stra%C3%9Fe?q=%C3%A4');
    expect(l.get('the Japanese test domain')).toBe('https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9');
    expect(l.get('the bracketed item')).toBe('https://en.wikipedia.org/wiki/Array_(data_structure)#list%5B1%5D');
    expect(l.get('the piped path')).toBe('https://example.com/a%7Cb');
    expect(l.get('the stray percent')).toBe('https://example.com/100%25_sure');
    expect(l.get('the braces query')).toBe('https://example.com/search?q=%7Bbraces%7D&r=%5Ecaret%60tick');
    expect(l.get('status page')).toBe('http://[::1]:8080/status');
    expect(l.get('write to Jane')).toBe('mailto:Jane%20Doe%20%3Cjane@example.com%3E?subject=Hello%20there');
    expect(l.get('call the newsroom')).toBe('tel:+44%2020%207946%200000');
  });

  it('keeps the words of links it cannot keep, and names them in one warning per article and kind', () => {
    const l = links(docs.get(NASTY)!);
    expect(l.has('the script link')).toBe(false);
    expect(l.has('the broken host')).toBe(false);
    const text = xhtmlText(docs.get(NASTY)!);
    expect(text).toContain('the script link keeps only its words');
    expect(text).toContain('the broken host cannot be repaired');
    const invalid = warnings.filter((w) => w.code === 'link.invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.message).toContain('Addresses Found in the Wild');
    expect(invalid[0]!.message).toContain('https://exa mple.com/');
    expect(invalid[0]!.file).toMatch(/nasty-urls\.md$/);
  });

  it('resolves site-relative links against the source URL, and keeps only their text without one', () => {
    const l = links(docs.get(NASTY)!);
    expect(l.get('the install docs')).toBe('https://blog.example.com/docs/install');
    expect(l.get('the archive')).toBe('https://blog.example.com/posts/archive/');
    expect(links(docs.get(FRAGMENTS)!).has('docs link')).toBe(false);
    expect(xhtmlText(docs.get(FRAGMENTS)!)).toContain('a site-relative docs link');
    const relative = warnings.filter((w) => w.code === 'link.relative');
    expect(relative).toHaveLength(1);
    expect(relative[0]!.message).toContain('Fragments and Tables');
    expect(relative[0]!.message).toContain('/docs/install');
  });

  it('turns fragment links into links to ids that exist, in this document or another', () => {
    const check = (from: string, href: string): void => {
      const [file, id] = href.includes('#') ? [href.slice(0, href.indexOf('#')) || from, href.slice(href.indexOf('#') + 1)] : [href, undefined];
      const doc = docs.get(file);
      expect(doc, `${href}: no document ${file}`).toBeDefined();
      if (id !== undefined) expect(doc, `${href}: no id ${id} in ${file}`).toContain(`id="${id}"`);
    };
    const fragments = links(docs.get(FRAGMENTS)!);
    expect(fragments.get('see the table')).toBe('#results');
    expect(docs.get(FRAGMENTS)).toMatch(/<h2 id="results">Results<\/h2>/);
    expect(fragments.get('the data')).toBe('#data');
    expect(docs.get(FRAGMENTS)).toMatch(/<table id="data">\s*<caption>Catch by port/);
    expect(fragments.get('the first article')).toBe(NASTY);
    expect(fragments.get('its last section')).toBe(`${NASTY}#more`);
    // Addresses of the web page an article was made from lead to the article in the book.
    expect(fragments.get('the first article online')).toBe(NASTY);
    expect(fragments.get('its last section online')).toBe(`${NASTY}#more`);
    const nasty = links(docs.get(NASTY)!);
    expect(nasty.get('back to the fragments article')).toBe(FRAGMENTS);
    expect(nasty.get('to its data table')).toBe(`${FRAGMENTS}#data`);
    expect(nasty.get('its results as a web page')).toBe(`${FRAGMENTS}#results`);
    for (const [from, doc] of [[FRAGMENTS, docs.get(FRAGMENTS)!], [NASTY, docs.get(NASTY)!]] as const) {
      for (const href of links(doc).values()) if (!/^[a-z]+:/.test(href)) check(from, href);
    }
  });

  it('makes a link to a missing id text, with a warning', () => {
    expect(links(docs.get(FRAGMENTS)!).has('to nowhere')).toBe(false);
    expect(xhtmlText(docs.get(FRAGMENTS)!)).toContain('A link to nowhere and');
    const missing = warnings.filter((w) => w.code === 'link.fragment');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('#no-such-id');
  });

  it('keeps the empty corner of a header row in its place as <td></td>, and a table without header cells as a plain grid', () => {
    const doc = docs.get(FRAGMENTS)!;
    const tables = [...doc.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    for (const t of tables.slice(0, 2)) {
      expect(t).toMatch(/<thead><tr><td><\/td>\s*<th scope="col">/);
      const rows = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[hd]\b/g) ?? []).length);
      expect(new Set(rows).size, `cells per row: ${rows.join(', ')}`).toBe(1);
    }
    expect(tables[2]).not.toMatch(/<th\b|<thead/);
  });
});

interface StructElement { type: string; attrs: string[]; kids: StructElement[]; objects: number }

/** The structure tree as `pdfinfo -struct` prints it (two spaces of indent per level). */
async function structureTree(file: string): Promise<StructElement> {
  const out = (await runOk('pdfinfo', ['-struct', file])).stdout;
  const root: StructElement = { type: 'root', attrs: [], kids: [], objects: 0 };
  const stack: { indent: number; node: StructElement }[] = [{ indent: -1, node: root }];
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (text.startsWith('/')) parent.attrs.push(text);
    else if (/^Object \d+ \d+$/.test(text)) parent.objects++;
    else {
      const node: StructElement = { type: text.replace(/[:\s].*$/, ''), attrs: [], kids: [], objects: 0 };
      parent.kids.push(node);
      stack.push({ indent, node });
    }
  }
  return root;
}

function all(node: StructElement, type: string): StructElement[] {
  return [...(node.type === type ? [node] : []), ...node.kids.flatMap((k) => all(k, type))];
}

describe('links and tables in the PDF', () => {
  interface LinkAnnotation { page: number; url?: string; dest?: { page: number; top: number } }
  let annotations: LinkAnnotation[];
  let words: PdfWordBox[];
  let tree: StructElement;

  beforeAll(async () => {
    words = await pdfWordBoxes(pdfFile);
    tree = await structureTree(pdfFile);
    const doc = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), verbosity: 0 }).promise;
    annotations = [];
    try {
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        for (const a of (await page.getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string; dest?: unknown }[]) {
          if (a.subtype !== 'Link') continue;
          if (typeof a.dest === 'string') {
            const dest = (await doc.getDestination(a.dest)) as [{ num: number; gen: number }, { name: string }, number, number];
            const index = await doc.getPageIndex(dest[0]);
            const height = (await doc.getPage(index + 1)).view[3]!;
            annotations.push({ page: p, dest: { page: index + 1, top: height - dest[3] } });
          } else {
            annotations.push({ page: p, url: a.unsafeUrl ?? a.url });
          }
        }
      }
    } finally {
      await doc.destroy();
    }
  }, 60_000);

  it('gives URI annotations the same repaired addresses as the EPUB', () => {
    const urls = annotations.flatMap((a) => (a.url ? [a.url] : []));
    for (const href of links(docs.get(NASTY)!).values()) if (/^[a-z]+:/.test(href)) expect(urls).toContain(href);
    expect(urls.some((u) => /javascript|exa mple/.test(u))).toBe(false);
  });

  it('points fragment links at named destinations on the page of their target, at its top', () => {
    const on = (word: string): PdfWordBox => {
      const hits = words.filter((w) => w.word === word);
      expect(hits, word).toHaveLength(1);
      return hits[0]!;
    };
    const dests = annotations.flatMap((a) => (a.dest ? [a.dest] : []));
    for (const target of [on('Results'), on('Catch'), on('More')]) {
      const hit = dests.find((d) => d.page === target.page && d.top < target.yMax && target.yMin - d.top < 60);
      expect(hit, `no link lands at “${target.word}” (page ${target.page}, y ${target.yMin}); dests: ${JSON.stringify(dests)}`).toBeDefined();
    }
    // The results table is after the long run-up: a link that worked by landing on page 1 would not pass.
    expect(on('Results').page).toBeGreaterThan(annotations.find((a) => a.dest)!.page);
  });

  it('tags every link as a Link element with the annotation as its OBJR', () => {
    const objects = all(tree, 'Link').reduce((n, l) => n + l.objects, 0);
    expect(objects).toBe(annotations.length);
    for (const link of all(tree, 'Link')) expect(link.objects, 'a Link without its annotation').toBeGreaterThan(0);
  });

  it('keeps every cell of a table with an empty header cell, as TH with a Scope, in rows of equal length', () => {
    const tables = all(tree, 'Table');
    expect(tables).toHaveLength(3);
    for (const table of tables.slice(0, 2)) {
      const rows = all(table, 'TR');
      const counts = rows.map((r) => r.kids.filter((k) => k.type === 'TH' || k.type === 'TD').length);
      expect(new Set(counts).size, `cells per row: ${counts.join(', ')}`).toBe(1);
      const head = all(table, 'THead')[0]!;
      const headerCells = all(head, 'TR')[0]!.kids;
      expect(headerCells.map((c) => c.type)).toEqual(['TH', 'TH', 'TH']);
      for (const th of all(table, 'TH')) expect(th.attrs.join(' ')).toMatch(/\/Scope \/(Column|Row)/);
    }
    const grid = tables[2]!;
    expect(all(grid, 'TH')).toHaveLength(0);
    expect(all(grid, 'THead')).toHaveLength(0);
    expect(all(grid, 'TD')).toHaveLength(4);
  });
});
