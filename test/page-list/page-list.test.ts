/**
 * Issue 7: the EPUB's page-break markers and page-list match the print edition.
 *
 * For the seed and a multi-article fixture of about twenty A5 pages (test/fixtures/page-list), built
 * by the CLI as a user would: for every page N of the PDF with body text, the first words of the
 * page (pdftotext -f N -l N, running heads and folios cropped away) equal the words that follow
 * marker N in the EPUB's reading order; the page-list has one entry per body page, in order, each
 * resolving to its marker; pageBreakSource names the PDF; the map is the same on every build.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEpub } from '../../src/write/epub/index.js';
import { formatAce, runAce } from '../support/ace.js';
import { BIN, ROOT } from '../support/cli.js';
import { openEpub, type EpubContents } from '../support/epub.js';
import { formatEpubcheck, runEpubcheck } from '../support/epubcheck.js';
import { run } from '../support/exec.js';
import { words } from '../support/words.js';
import { writerInputFromJson } from '../support/writer-input.js';
import { pdfIdentifier, printPages, type PrintPage } from './print-pages.js';
import { markerReadings, type MarkerReading } from './reading-order.js';

/** Words compared at the top of every page. */
const K = 4;
/** Letters compared on an article's opening page (kicker and title: case and letter-spacing are presentation). */
const OPENING_LETTERS = 40;

interface Fixture {
  name: string;
  input: string;
  /** Validate the EPUB with EPUBCheck and Ace here (the seed is validated by its own suites). */
  validate: boolean;
  /** The fixture was written to contain these page starts (the seed is what it is). */
  exercisesEveryCase: boolean;
  /** `--page-size` of the build (default: the publication's). */
  pageSize?: string;
  /** Build twice and compare (default true); a size variant of a fixture checked already need not. */
  reproducible?: boolean;
  /**
   * Elements a page must begin inside (issue 10: a code listing, list, quotation and table longer
   * than a page), each named by the element the EPUB's marker then stands in.
   */
  splitsInside?: string[];
}

const SPLIT_BLOCKS = ['pre', 'li', 'blockquote', 'table'];

const FIXTURES: Fixture[] = [
  { name: 'the seed', input: 'content', validate: false, exercisesEveryCase: false },
  { name: 'the page-list fixture', input: 'test/fixtures/page-list', validate: true, exercisesEveryCase: true },
  // Issue 10: blocks split across pages, at page sizes that put the breaks on different lines.
  // Markers inside <pre><code> and attributions are validated by EPUBCheck and Ace in test/write/epub/page-list.test.ts.
  { name: 'the split-blocks fixture (A5)', input: 'test/fixtures/page-list-split', validate: false, exercisesEveryCase: false, reproducible: false, splitsInside: SPLIT_BLOCKS },
  { name: 'the split-blocks fixture (Letter)', input: 'test/fixtures/page-list-split', pageSize: 'Letter', validate: false, exercisesEveryCase: false, reproducible: false, splitsInside: ['pre', 'li', 'table'] },
];

interface Build {
  dir: string;
  epub: string;
  pdf: string;
  stderr: string;
}

async function build(input: string, pageSize?: string): Promise<Build> {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-page-list-'));
  const size = pageSize === undefined ? [] : ['--page-size', pageSize];
  const proc = await run(process.execPath, [BIN, 'build', input, ...size, '--out', dir], { cwd: ROOT, timeoutMs: 300_000 });
  if (proc.code !== 0) throw new Error(`build of ${input} failed (exit ${proc.code}):\n${proc.stderr}`);
  const file = (ext: string): string => {
    const m = new RegExp(`^wrote (.+\\.${ext})$`, 'm').exec(proc.stdout);
    if (!m?.[1]) throw new Error(`build of ${input} wrote no .${ext}:\n${proc.stdout}`);
    return m[1];
  };
  return { dir, epub: file('epub'), pdf: file('pdf'), stderr: proc.stderr };
}

/** Entries of the nav document's page-list, in order. */
interface PageListEntry { label: string; file: string; id: string; href: string }

function navDocument(epub: EpubContents): { href: string; xhtml: string } {
  const item = [...epub.opf.matchAll(/<item\b[^>]*>/g)].map((m) => m[0]).find((tag) => /\bproperties="[^"]*\bnav\b/.test(tag));
  const href = /\bhref="([^"]+)"/.exec(item ?? '')?.[1];
  const doc = epub.spine.find((d) => d.href === href);
  if (!doc) throw new Error('no navigation document in the spine');
  return doc;
}

function pageListNav(xhtml: string): string | undefined {
  return /<nav\b[^>]*epub:type="page-list"[^>]*>[\s\S]*?<\/nav>/.exec(xhtml)?.[0];
}

function pageListEntries(nav: string): PageListEntry[] {
  return [...nav.matchAll(/<a\b[^>]*href="([^"#]*)#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({
    file: m[1] as string, id: m[2] as string, label: (m[3] as string).trim(), href: `${m[1]}#${m[2]}`,
  }));
}

/**
 * Words of every table's header rows. The print edition repeats a table's header at the top of each
 * page the table continues on, as an artifact (not in the structure tree, so not in the reading
 * order): those words are not where the page begins.
 */
function tableHeaders(spine: readonly { xhtml: string }[]): string[][] {
  return spine.flatMap((d) => [...d.xhtml.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => words((m[1] as string).replace(/<[^>]*>/g, ' '))));
}

const startsWith = (list: readonly string[], prefix: readonly string[]): boolean => prefix.length > 0 && prefix.every((w, i) => list[i] === w);

/**
 * The first words of a page and of the text after its marker, with a repeated table header taken
 * off the page's words (and off the marker's, when it stands before the same header: the page
 * then begins at the table's first row, where the marker must be followed by that row).
 */
function firstWords(page: readonly string[], marker: readonly string[], headers: readonly string[][]): { pdf: string[]; epub: string[] } {
  const header = headers.find((h) => startsWith(page, h));
  if (!header) return { pdf: page.slice(0, K), epub: marker.slice(0, K) };
  return { pdf: page.slice(header.length, header.length + K), epub: (startsWith(marker, header) ? marker.slice(header.length) : marker).slice(0, K) };
}

const letters = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** One body page of the print edition next to the EPUB's marker for it. */
interface Comparison {
  page: PrintPage;
  marker: MarkerReading;
  pdf: string[];
  epub: string[];
  /** The marker is the first of its article document: the page opens the article. */
  opening: boolean;
  /** The page's first word is the end of a word broken across the page break. */
  midWord: boolean;
}

/** The first words of page and marker agree (a page starting inside a word shows the word's end). */
function agrees(c: Comparison): boolean {
  const [p, ...pRest] = c.pdf;
  const [e, ...eRest] = c.epub;
  if (p === undefined || e === undefined) return false;
  const first = p === e || (c.midWord && e.endsWith(p));
  return first && pRest.join(' ') === eRest.slice(0, pRest.length).join(' ');
}

const describeComparison = (c: Comparison): string =>
  `page ${c.page.label} (PDF page ${c.page.index + 1}, ${c.marker.doc}#${c.marker.id}): PDF ${JSON.stringify(c.pdf.join(' '))} vs EPUB ${JSON.stringify(c.epub.join(' '))}`;

for (const fixture of FIXTURES) {
  describe(`issue 7: page-list of ${fixture.name}`, () => {
    let first: Build;
    let second: Build;
    let epub: EpubContents;
    let pages: PrintPage[];
    let readings: MarkerReading[];
    let entries: PageListEntry[];
    let comparisons: Comparison[];
    let bodyPages: PrintPage[];

    beforeAll(async () => {
      [first, second] = fixture.reproducible === false
        ? [await build(fixture.input, fixture.pageSize), undefined as unknown as Build]
        : await Promise.all([build(fixture.input, fixture.pageSize), build(fixture.input, fixture.pageSize)]);
      [epub, pages] = await Promise.all([openEpub(first.epub), printPages(first.pdf, fixture.pageSize)]);
      readings = markerReadings(epub.spine);
      entries = pageListEntries(pageListNav(navDocument(epub).xhtml) ?? '');
      // Body pages: from the page labelled 1 on, those with text in the text block (blank versos have none).
      const one = pages.findIndex((p) => p.label === '1');
      bodyPages = pages.filter((p) => one >= 0 && p.index >= one && p.words.length > 0);
      const byLabel = new Map(readings.map((r) => [r.label, r]));
      const headers = tableHeaders(epub.spine);
      comparisons = bodyPages.flatMap((page) => {
        const marker = byLabel.get(page.label);
        if (!marker) return [];
        const { pdf, epub: epubWords } = firstWords(page.words, words(marker.after), headers);
        const e0 = epubWords[0] ?? '';
        const p0 = pdf[0] ?? '';
        return [{ page, marker, pdf, epub: epubWords, opening: marker.inDocument === 0, midWord: p0 !== e0 && p0.length > 0 && e0.endsWith(p0) }];
      });
    });

    afterAll(async () => {
      for (const b of [first, second]) if (b) await rm(b.dir, { recursive: true, force: true });
    });

    it('builds without a warning (no page start that the EPUB cannot place)', () => {
      expect(first.stderr).toBe('');
    });

    it('has one page-list entry per body page of the PDF, in page order, and no entry for other pages', () => {
      expect(bodyPages.length).toBeGreaterThan(0);
      expect(entries.map((e) => e.label)).toEqual(bodyPages.map((p) => p.label));
      const labelled = new Set(entries.map((e) => e.label));
      for (const p of pages) if (p.words.length === 0) expect(labelled.has(p.label), `page ${p.label} has no body text`).toBe(false);
    });

    it('resolves every page-list entry to its marker, and links every marker', () => {
      const markers = new Map(readings.map((r) => [`${r.doc}#${r.id}`, r]));
      for (const e of entries) {
        const marker = markers.get(e.href);
        expect(marker, `${e.href} is not a page-break marker in ${e.file}`).toBeDefined();
        expect(marker?.label).toBe(e.label);
        const doc = epub.spine.find((d) => d.href === e.file);
        expect(doc?.xhtml.match(new RegExp(`\\bid="${e.id}"`, 'g')), `id ${e.id} in ${e.file}`).toHaveLength(1);
      }
      expect(new Set(markers.keys())).toEqual(new Set(entries.map((e) => e.href)));
      expect(readings.map((r) => r.label)).toEqual(entries.map((e) => e.label));
      for (const r of readings) expect(r.id).toBe(`page-${r.label}`);
    });

    it(`places marker N before the first ${K} words of page N (continuation pages)`, () => {
      const checked = comparisons.filter((c) => !c.opening);
      expect(checked.length).toBeGreaterThan(0);
      const wrong = checked.filter((c) => !agrees(c)).map(describeComparison);
      expect(wrong).toEqual([]);
    });

    it('places the marker of an article’s opening page before the article’s opening (kicker, title)', () => {
      const opening = comparisons.filter((c) => c.opening);
      expect(opening.length).toBeGreaterThan(0);
      const wrong = opening
        .filter((c) => letters(c.marker.after).slice(0, OPENING_LETTERS) !== letters(c.page.text).slice(0, OPENING_LETTERS))
        .map((c) => `page ${c.page.label} (${c.marker.doc}#${c.marker.id}): PDF begins ${JSON.stringify(c.page.words.slice(0, 8).join(' '))}, EPUB marker is followed by ${JSON.stringify(words(c.marker.after).slice(0, 8).join(' '))}`);
      expect(wrong).toEqual([]);
    });

    it('has a marker for every body page', () => {
      const marked = new Set(comparisons.map((c) => c.page.label));
      expect(bodyPages.filter((p) => !marked.has(p.label)).map((p) => p.label)).toEqual([]);
    });

    it.runIf(fixture.exercisesEveryCase)('has a page that begins inside a hyphenated word, with the marker before the whole word', () => {
      const mid = comparisons.filter((c) => c.midWord);
      expect(mid.map(describeComparison)).not.toEqual([]);
      for (const c of mid) {
        // The word's first part ends the previous page: both parts make the word after the marker.
        const previous = pages[c.page.index - 1]?.words;
        expect(`${previous?.[previous.length - 1] ?? ''}${c.pdf[0]}`, describeComparison(c)).toBe(c.epub[0]);
      }
    });

    it.runIf(fixture.exercisesEveryCase)('has a page that begins in the middle of a paragraph', () => {
      const mid = comparisons.filter((c) => !c.marker.atBlockStart && !c.opening);
      expect(mid.length).toBeGreaterThan(0);
      expect(mid.filter((c) => !agrees(c)).map(describeComparison)).toEqual([]);
    });

    it('names the PDF as pageBreakSource and declares the page features', async () => {
      const id = await pdfIdentifier(first.pdf);
      expect(id).toBeTruthy();
      const sources = [...epub.opf.matchAll(/<meta property="pageBreakSource">([^<]*)<\/meta>/g)].map((m) => m[1]);
      expect(sources).toEqual([id]);
      const features = [...epub.opf.matchAll(/<meta property="schema:accessibilityFeature">([^<]*)<\/meta>/g)].map((m) => m[1]);
      expect(features).toEqual(expect.arrayContaining(['pageBreakMarkers', 'printPageNumbers', 'pageNavigation']));
    });

    it('lists the same pages in the NCX pageList', async () => {
      const ncxPath = Object.keys(epub.zip.files).find((n) => n.endsWith('.ncx'));
      const ncx = ncxPath ? ((await epub.zip.file(ncxPath)?.async('string')) ?? '') : '';
      const targets = [...ncx.matchAll(/<pageTarget\b[\s\S]*?<text>([^<]*)<\/text>[\s\S]*?<content src="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(targets).toEqual(entries.map((e) => `${e.label} ${e.href}`));
    });

    it.runIf(fixture.splitsInside !== undefined)('has pages that begin inside a code listing, a list, a quotation and a table, each marked where the page begins', () => {
      for (const element of fixture.splitsInside ?? []) {
        // In a listing, not at its start: a page that begins with a whole listing proves nothing.
        const inside = comparisons.filter((c) => c.marker.within.includes(element) && (element !== 'pre' || !c.marker.atBlockStart));
        expect(inside.map(describeComparison), `a page that begins inside <${element}>`).not.toEqual([]);
        expect(inside.filter((c) => !agrees(c)).map(describeComparison)).toEqual([]);
      }
    });

    it.runIf(fixture.reproducible !== false)('gives the same page map on every build', async () => {
      const again = await openEpub(second.epub);
      expect(pageListNav(navDocument(again).xhtml)).toBe(pageListNav(navDocument(epub).xhtml));
      // Not only the list: each marker stands at the same place in the same text.
      expect(markerReadings(again.spine)).toEqual(readings);
      expect(Buffer.compare(await readFile(second.pdf), await readFile(first.pdf))).toBe(0);
      expect(Buffer.compare(await readFile(second.epub), await readFile(first.epub))).toBe(0);
    });

    it.runIf(fixture.validate)('passes EPUBCheck 5 with no finding and Ace with no violation', async () => {
      const [check, ace] = await Promise.all([runEpubcheck(first.epub), runAce(first.epub)]);
      expect(formatEpubcheck(check)).toBe('');
      expect(check.fatal + check.errors + check.warnings).toBe(0);
      expect(formatAce(ace)).toBe('');
    }, 300_000);
  });
}

describe('issue 7: an EPUB written without the print edition', () => {
  it('has no page-list, no markers, no pageBreakSource and claims no page features', async () => {
    const input = await writerInputFromJson();
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-page-list-'));
    try {
      const file = path.join(dir, 'unpaged.epub');
      await writeFile(file, await writeEpub(input));
      const epub = await openEpub(file);
      expect(pageListNav(navDocument(epub).xhtml)).toBeUndefined();
      expect(markerReadings(epub.spine)).toEqual([]);
      for (const d of epub.spine) expect(d.xhtml).not.toMatch(/pagebreak|doc-pagebreak/);
      expect(epub.opf).not.toContain('pageBreakSource');
      for (const f of ['pageBreakMarkers', 'printPageNumbers', 'pageNavigation']) expect(epub.opf).not.toContain(`>${f}<`);
      const ncxPath = Object.keys(epub.zip.files).find((n) => n.endsWith('.ncx'));
      expect((await epub.zip.file(ncxPath ?? '')?.async('string')) ?? '').not.toContain('pageList');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
