/**
 * Issue 3: the EPUB writer on the shared rich fixture and on a variant with a missing alt, checked
 * by the real validators (EPUBCheck 5, Ace by DAISY) and read back as a reading system would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/block.js';
import { blockText } from '../../../src/model/text.js';
import type { Article } from '../../../src/model/publication.js';
import { CONFORMANCE, writeEpub } from '../../../src/write/epub/index.js';
import type { WriterInput } from '../../../src/write/input.js';
import { formatAce, runAce, type AceResult } from '../../support/ace.js';
import { openEpub, xhtmlText, type EpubContents } from '../../support/epub.js';
import { formatEpubcheck, runEpubcheck, type EpubcheckResult } from '../../support/epubcheck.js';
import { figures, writerInputFromJson } from '../../support/writer-input.js';
import { assertInOrder } from '../../support/words.js';

interface Built {
  input: WriterInput;
  path: string;
  epub: EpubContents;
  epubcheck: EpubcheckResult;
  ace: AceResult;
}

let dir = '';
const built: Record<'rich' | 'missingAlt', Built | undefined> = { rich: undefined, missingAlt: undefined };

async function build(name: string, input: WriterInput): Promise<Built> {
  const path = join(dir, `${name}.epub`);
  await writeFile(path, await writeEpub(input));
  const [epubcheck, ace] = await Promise.all([runEpubcheck(path), runAce(path)]);
  return { input, path, epub: await openEpub(path), epubcheck, ace };
}

/** The missing-alt variant: the first figure (the harbour photo, which has a caption) loses its alt. */
async function missingAltInput(): Promise<WriterInput> {
  const input = await writerInputFromJson();
  const figure = figures((input.publication.articles[0] as Article).body)[0];
  if (!figure) throw new Error('fixture changed: no figure in article 1');
  delete figure.image.alt;
  return input;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-epub-'));
  [built.rich, built.missingAlt] = await Promise.all([build('rich', await writerInputFromJson()), build('missing-alt', await missingAltInput())]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (name: keyof typeof built): Built => {
  const b = built[name];
  if (!b) throw new Error(`${name} was not built`);
  return b;
};

/** Values of `<meta property="…">` in the package document, in order. */
function metaValues(opf: string, property: string): string[] {
  const re = new RegExp(`<meta\\b[^>]*\\bproperty="${property.replace(':', '\\:')}"[^>]*>([^<]*)</meta>`, 'g');
  return [...opf.matchAll(re)].map((m) => m[1] as string);
}

describe.each(['rich', 'missingAlt'] as const)('%s: validators', (name) => {
  it('EPUBCheck 5 reports nothing at all (no fatals, errors, warnings or usages)', () => {
    const { epubcheck } = get(name);
    expect(formatEpubcheck(epubcheck, ['FATAL', 'ERROR', 'WARNING', 'USAGE'])).toBe('');
    expect([epubcheck.fatal, epubcheck.errors, epubcheck.warnings, epubcheck.usages]).toEqual([0, 0, 0, 0]);
    expect(epubcheck.epubVersion).toBe('3.3');
  });

  it('Ace by DAISY reports no violation of any impact', () => {
    const { ace } = get(name);
    expect(formatAce(ace)).toBe('');
    expect(ace.violations).toHaveLength(0);
    expect(ace.a11yMetadata.missing.filter((m) => m.startsWith('schema:'))).toEqual([]);
  });
});

describe('accessibility metadata', () => {
  const common = {
    'schema:accessMode': ['textual', 'visual'],
    'schema:accessibilityHazard': ['none'],
  };

  it('rich fixture: every image described, so alternativeText and the conformance claim', () => {
    const { epub, input } = get('rich');
    expect(metaValues(epub.opf, 'schema:accessMode')).toEqual(common['schema:accessMode']);
    expect(metaValues(epub.opf, 'schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    expect(metaValues(epub.opf, 'schema:accessibilityFeature')).toEqual([
      'ARIA', 'alternativeText', 'displayTransformability', 'readingOrder', 'structuralNavigation', 'tableOfContents',
    ]);
    expect(metaValues(epub.opf, 'schema:accessibilityHazard')).toEqual(['none']);
    expect(metaValues(epub.opf, 'dcterms:conformsTo')).toEqual([CONFORMANCE]);
    expect(metaValues(epub.opf, 'a11y:certifiedBy')).toEqual(['broadsheet 0.0.0-test automated checks']);
    expect(metaValues(epub.opf, 'pageBreakSource')).toEqual([]);
    const [summary] = metaValues(epub.opf, 'schema:accessibilitySummary');
    expect(summary).toContain('meets EPUB Accessibility 1.1 at WCAG 2.2 Level AA');
    expect(summary).toContain('All 2 images have text descriptions; 1 decorative image is hidden from screen readers.');
    expect(input.diagnostics.items).toEqual([]);
  });

  it('missing alt: no alternativeText, no claim, textual alone is not sufficient, and a warning that says where', () => {
    const { epub, input } = get('missingAlt');
    expect(metaValues(epub.opf, 'schema:accessMode')).toEqual(common['schema:accessMode']);
    expect(metaValues(epub.opf, 'schema:accessModeSufficient')).toEqual(['textual,visual']);
    expect(metaValues(epub.opf, 'schema:accessibilityFeature')).toEqual([
      'ARIA', 'displayTransformability', 'readingOrder', 'structuralNavigation', 'tableOfContents',
    ]);
    expect(metaValues(epub.opf, 'dcterms:conformsTo')).toEqual([]);
    expect(metaValues(epub.opf, 'a11y:certifiedBy')).toEqual([]);
    expect(epub.opf).not.toContain('conformsTo');
    const [summary] = metaValues(epub.opf, 'schema:accessibilitySummary');
    expect(summary).toContain('does not claim EPUB Accessibility conformance, because some images have no text description');
    expect(summary).toContain('1 of 2 images have text descriptions');
    expect(input.diagnostics.items).toHaveLength(1);
    const [warning] = input.diagnostics.warnings;
    expect(warning).toMatchObject({ severity: 'warning', code: 'epub.a11y.alt-text', file: expect.stringMatching(/publication\.json$/) });
    expect(warning?.message).toMatch(/figure 1 \(“The wall at six in the morning.*”\), image .*harbour\.jpg, has no alt text in “Life on the Harbour Wall”/);
  });

  it('missing alt: the image is named by its caption rather than left without a name', () => {
    const doc = get('missingAlt').epub.spine.find((d) => d.href === 'life-on-the-harbour-wall.xhtml');
    expect(doc?.xhtml).toMatch(/<img src="images\/img-[0-9a-f]{12}\.jpg" aria-labelledby="figure-caption" width="1800" height="1200"\/>\n<figcaption id="figure-caption">/);
  });

  it('strict: the missing alt is an error', async () => {
    const input = await missingAltInput();
    input.options.strict = true;
    await writeEpub(input);
    expect(input.diagnostics.errors.map((d) => d.code)).toEqual(['epub.a11y.alt-text']);
    expect(input.diagnostics.warnings).toEqual([]);
  });
});

describe('package metadata', () => {
  it('formats the record: identifier, titles, creators with role and file-as, dates, subjects, source, rights, series', () => {
    const { opf } = get('rich').epub;
    expect(opf).toContain('<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="en-GB">');
    expect(opf).toContain('<dc:identifier id="pub-id">urn:uuid:6f1c2a4e-3b7d-4e8f-9a10-2b3c4d5e6f70</dc:identifier>');
    expect(opf).toContain('<dc:title id="title">Harbour &amp; Hinterland: “Notes” &lt;from&gt; the Coast</dc:title>');
    expect(opf).toContain('<dc:title id="subtitle">A small anthology for testing every block</dc:title>\n    <meta refines="#subtitle" property="title-type">subtitle</meta>');
    expect(opf).toContain('<dc:creator id="creator-1">Jane Q. Doe</dc:creator>\n    <meta refines="#creator-1" property="role" scheme="marc:relators">edt</meta>\n    <meta refines="#creator-1" property="file-as">Doe, Jane Q.</meta>');
    expect(opf).toContain('<meta refines="#creator-3" property="role" scheme="marc:relators">pht</meta>');
    expect(opf).toContain('<dc:date>2025-05-01</dc:date>');
    expect(metaValues(opf, 'dcterms:modified')).toEqual(['2025-05-03T10:30:00Z']);
    expect([...opf.matchAll(/<dc:subject>([^<]*)</g)].map((m) => m[1])).toEqual(['harbours', 'testing', 'typography', 'fisheries', 'data']);
    expect(opf).toContain('<dc:source>https://example.org/anthology/harbour</dc:source>');
    expect(opf).toContain('<dc:rights>© 2025 Broadsheet Test Press. CC BY 4.0.</dc:rights>');
    expect(opf).toContain('<meta property="belongs-to-collection" id="series">Coastal Notes</meta>\n    <meta refines="#series" property="collection-type">series</meta>\n    <meta refines="#series" property="group-position">2</meta>');
    expect(opf).toMatch(/<item id="cover-image" href="images\/cover\.jpg" media-type="image\/jpeg" properties="cover-image"\/>/);
  });
});

describe('navigation', () => {
  const nav = (): string => get('rich').epub.spine.find((d) => d.href === 'toc.xhtml')?.xhtml ?? '';

  it('has one toc nav nested publication → article → h2 → h3', () => {
    const toc = /<nav epub:type="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(nav())?.[1] ?? '';
    expect(nav().match(/epub:type="toc" role="doc-toc"/g)).toHaveLength(1);
    // Tags only, to see the nesting.
    const shape = toc.replace(/<a [^>]*href="([^"]*)"[^>]*>[\s\S]*?<\/a>/g, '[$1]').replace(/<h1[^>]*>.*?<\/h1>/, '');
    expect(shape).toBe(
      '<ol><li>[title-page.xhtml]<ol>' +
        '<li>[life-on-the-harbour-wall.xhtml]<ol><li>[life-on-the-harbour-wall.xhtml#morning-on-the-wall]<ol><li>[life-on-the-harbour-wall.xhtml#what-the-fishers-say]</li></ol></li><li>[life-on-the-harbour-wall.xhtml#notes]</li></ol></li>' +
        '<li>[counting-the-catch.xhtml]<ol><li>[counting-the-catch.xhtml#how-the-figures-were-made]</li></ol></li>' +
        '<li>[grusse-aus-dem-hafen.xhtml]<ol><li>[grusse-aus-dem-hafen.xhtml#zum-schluss]</li></ol></li>' +
        '</ol></li><li>[colophon.xhtml]</li></ol>',
    );
    expect(toc).toContain('<a href="grusse-aus-dem-hafen.xhtml" lang="de" xml:lang="de">Grüße aus dem Hafen</a>');
  });

  it('has landmarks: cover, title page, table of contents, start of the body', () => {
    const landmarks = /<nav epub:type="landmarks"[^>]*>([\s\S]*?)<\/nav>/.exec(nav())?.[1] ?? '';
    expect([...landmarks.matchAll(/epub:type="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'cover cover.xhtml', 'titlepage title-page.xhtml', 'toc toc.xhtml#toc', 'bodymatter life-on-the-harbour-wall.xhtml',
    ]);
  });

  it('has no page list without a page map', () => {
    expect(nav()).not.toContain('page-list');
    expect(get('rich').epub.spine.map((d) => d.xhtml).join('')).not.toContain('pagebreak');
  });

  it('has an NCX with the same tree', async () => {
    const ncx = (await get('rich').epub.zip.file('OEBPS/toc.ncx')?.async('string')) ?? '';
    expect([...ncx.matchAll(/<content src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'title-page.xhtml', 'life-on-the-harbour-wall.xhtml', 'life-on-the-harbour-wall.xhtml#morning-on-the-wall',
      'life-on-the-harbour-wall.xhtml#what-the-fishers-say', 'life-on-the-harbour-wall.xhtml#notes', 'counting-the-catch.xhtml',
      'counting-the-catch.xhtml#how-the-figures-were-made', 'grusse-aus-dem-hafen.xhtml', 'grusse-aus-dem-hafen.xhtml#zum-schluss', 'colophon.xhtml',
    ]);
    expect(ncx).toContain('<meta name="dtb:uid" content="urn:uuid:6f1c2a4e-3b7d-4e8f-9a10-2b3c4d5e6f70"/>');
  });

  it('reads cover → title page → contents → articles → colophon, each article its own document with its title', () => {
    const { spine } = get('rich').epub;
    expect(spine.map((d) => d.href)).toEqual([
      'cover.xhtml', 'title-page.xhtml', 'toc.xhtml', 'life-on-the-harbour-wall.xhtml', 'counting-the-catch.xhtml', 'grusse-aus-dem-hafen.xhtml', 'colophon.xhtml',
    ]);
    expect(spine[5]?.xhtml).toContain('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="de" xml:lang="de">');
    expect(spine[5]?.xhtml).toContain('<title>Grüße aus dem Hafen</title>');
  });
});

/** The words of an article as the model has them, in reading order. */
function articleWords(article: Article): string {
  const m = article.meta;
  const parts = [m.section ?? '', m.title, m.subtitle ?? '', ...m.authors.map((a) => a.name)];
  const text = (blocks: Block[]): string[] => blocks.map(blockText);
  return [...parts, ...text(article.body), ...article.notes.flatMap((n) => text(n.children))].join('\n');
}

describe('text fidelity', () => {
  it('every word of each article appears in its document, in order', () => {
    const { epub, input } = get('rich');
    input.publication.articles.forEach((article, i) => {
      const doc = epub.spine[3 + i];
      expect(doc).toBeDefined();
      // Note reference numbers are not words of the text (inlineText leaves them out too); glued to
      // the punctuation before them they would turn "less." into "less.1".
      const xhtml = (doc?.xhtml ?? '').replace(/<sup><a [^>]*role="doc-noteref"[^>]*>\d+<\/a><\/sup>/g, '');
      assertInOrder(xhtmlText(xhtml), articleWords(article));
    });
  });

  it('keeps the decorative image decorative and the language spans marked', () => {
    const { spine } = get('rich').epub;
    expect(spine[4]?.xhtml).toMatch(/<div class="figure decorative"><img src="images\/img-[0-9a-f]{12}\.png" alt="" width="\d+" height="\d+"\/><\/div>/);
    expect(spine[3]?.xhtml).toContain('<span lang="fr" xml:lang="fr">une mer d’huile</span>');
    expect(spine[5]?.xhtml).toContain('<span lang="el" xml:lang="el">Καλημέρα από το λιμάνι</span>');
    expect(spine[5]?.xhtml).toContain('<a href="life-on-the-harbour-wall.xhtml">ersten Artikel</a>');
  });
});

describe('determinism', () => {
  it('gives byte-identical EPUBs for the same input, with fixed zip dates and mimetype first and stored', async () => {
    const a = await writeEpub(await writerInputFromJson());
    const b = await writeEpub(await writerInputFromJson());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // Local file header: signature, version, flags, method (0 = stored), …, name at 30.
    const view = Buffer.from(a);
    expect(view.readUInt32LE(0)).toBe(0x04034b50);
    expect(view.readUInt16LE(8)).toBe(0);
    expect(view.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(view.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
    const dates = new Set(Object.values(get('rich').epub.zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(['2025-05-03T10:30:00.000Z']);
  });
});
