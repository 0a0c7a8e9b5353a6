/**
 * Issue 7 (designed in with issue 3): with the PDF's page map the EPUB gets page-break markers at the
 * recorded points, a flat page-list, pageBreakSource and the page features; without one, none.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubAccessibility, writeEpub } from '../../../src/write/epub/index.js';
import type { PageMap } from '../../../src/write/page-map.js';
import { formatAce, runAce, type AceResult } from '../../support/ace.js';
import { openEpub, type EpubContents } from '../../support/epub.js';
import { formatEpubcheck, runEpubcheck, type EpubcheckResult } from '../../support/epubcheck.js';
import { writerInputFromJson } from '../../support/writer-input.js';

const PAGE_MAP: PageMap = {
  source: 'urn:isbn:9780000000001',
  pages: [
    { label: '1', pageIndex: 4, article: 0, block: [0], offset: 0 },
    // "Water is H2O; the harbour …": offset 18 is the start of "harbour".
    { label: '2', pageIndex: 5, article: 0, block: [2], offset: 18 },
    // Issue 10: in a quotation's attribution (one past its children), at "Barrow".
    { label: '2b', pageIndex: 6, article: 0, block: [5, 1], offset: 4 },
    // Inside the nested list: body[6] → item 1 → child 1 (the inner list) → item 2 → child 0.
    { label: '3', pageIndex: 7, article: 0, block: [6, 1, 1, 2, 0], offset: 6 },
    // The first note (body has 8 blocks): its paragraph, at "here".
    { label: '4', pageIndex: 8, article: 0, block: [8, 0], offset: 13 },
    { label: '5', pageIndex: 9, article: 1, block: [1], offset: 0 },
    // Issue 10: inside a code listing, at its third line ("totals = {}").
    { label: '5b', pageIndex: 10, article: 1, block: [5], offset: 12 },
    { label: 'vi', pageIndex: 11, article: 2, block: [2], offset: 0 },
  ],
};

let dir = '';
let epub: EpubContents;
let epubcheck: EpubcheckResult;
let ace: AceResult;
const warnings: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-epub-pages-'));
  const input = await writerInputFromJson();
  const path = join(dir, 'paged.epub');
  await writeFile(path, await writeEpub(input, PAGE_MAP));
  warnings.push(...input.diagnostics.items.map((d) => d.message));
  [epubcheck, ace, epub] = await Promise.all([runEpubcheck(path), runAce(path), openEpub(path)]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const doc = (href: string): string => epub.spine.find((d) => d.href === href)?.xhtml ?? '';
const marker = (label: string): string => `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${label}" aria-label="${label}"/>`;

describe('page list', () => {
  it('passes EPUBCheck and Ace with nothing reported', () => {
    expect(formatEpubcheck(epubcheck, ['FATAL', 'ERROR', 'WARNING', 'USAGE'])).toBe('');
    expect(formatAce(ace)).toBe('');
    expect(warnings).toEqual([]);
  });

  it('places each marker at its recorded character', () => {
    const first = doc('life-on-the-harbour-wall.xhtml');
    expect(first).toContain(`<p>${marker('1')}At dawn`);
    expect(first).toContain(`Water is H<sub>2</sub>O; the ${marker('2')}harbour master`);
    expect(first).toContain(`<p>bait, ${marker('3')}in order of preference:</p>`);
    expect(first).toContain(`<p>Spring tides ${marker('4')}here reach`);
    expect(doc('counting-the-catch.xhtml')).toContain(`${marker('5')}<table>`);
    expect(first).toContain(`— Tom ${marker('2b')}Barrow, trawlerman`);
    expect(doc('counting-the-catch.xhtml')).toContain(`<code class="language-python">import csv\n\n${marker('5b')}totals = {}`);
    expect(doc('grusse-aus-dem-hafen.xhtml')).toContain(`<p>${marker('vi')}Mehr dazu`);
  });

  it('lists every marker, in page order, in a flat page-list nav and the NCX', async () => {
    const nav = /<nav epub:type="page-list" role="doc-pagelist"[^>]*>([\s\S]*?)<\/nav>/.exec(doc('toc.xhtml'))?.[1] ?? '';
    expect([...nav.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      '1 life-on-the-harbour-wall.xhtml#page-1', '2 life-on-the-harbour-wall.xhtml#page-2', '2b life-on-the-harbour-wall.xhtml#page-2b',
      '3 life-on-the-harbour-wall.xhtml#page-3', '4 life-on-the-harbour-wall.xhtml#page-4', '5 counting-the-catch.xhtml#page-5',
      '5b counting-the-catch.xhtml#page-5b', 'vi grusse-aus-dem-hafen.xhtml#page-vi',
    ]);
    expect(nav).not.toMatch(/<ol>[^]*<ol>/);
    const ncx = (await epub.zip.file('OEBPS/toc.ncx')?.async('string')) ?? '';
    expect(ncx.match(/<pageTarget /g)).toHaveLength(8);
  });

  it('names the source and declares the page features', async () => {
    expect(epub.opf).toContain('<meta property="pageBreakSource">urn:isbn:9780000000001</meta>');
    for (const f of ['pageBreakMarkers', 'pageNavigation', 'printPageNumbers']) expect(epub.opf).toContain(`<meta property="schema:accessibilityFeature">${f}</meta>`);
    const a11y = epubAccessibility(await writerInputFromJson(), PAGE_MAP);
    expect(a11y.pageBreakSource).toBe('urn:isbn:9780000000001');
    expect(epubAccessibility(await writerInputFromJson()).accessibilityFeature).not.toContain('pageBreakMarkers');
  });

  it('places a page whose block does not exist at the nearest block, and says so', async () => {
    const input = await writerInputFromJson();
    const bytes = await writeEpub(input, { source: 'x', pages: [{ label: '9', pageIndex: 0, article: 0, block: [2, 7], offset: 3 }] });
    expect(bytes.length).toBeGreaterThan(0);
    expect(input.diagnostics.warnings.map((d) => d.code)).toEqual(['epub.page-break.block']);
  });
});
