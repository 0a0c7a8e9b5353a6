/**
 * Issue 13 (item 4): `broadsheet catalog DIR` writes an OPDS catalogue of every publication built
 * in DIR. `catalog.json` is validated against the official OPDS 2.0 JSON Schemas (and the Readium
 * schemas they reference) with ajv, `catalog.xml` against OPDS 1.2's RELAX NG grammar with
 * xmllint, and both are read back independently: every entry agrees with its EPUB's package
 * document and its JSON-LD, every link leads to the file it names, covers are the EPUB's own and
 * thumbnails at most 512 px.
 *
 * One build of three publications (the seed, the rich anthology with roles and a series, and a
 * one-article publication in Arabic, for a right-to-left book whose slug is not ASCII), then
 * catalogues of copies of that folder.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEpubClaims, readPdfClaims } from '../../src/verify/edition.js';
import { attr, list, parseXml, text, type XmlObject } from '../../src/verify/xml.js';
import { main } from '../../src/cli/main.js';
import { tempFolder } from '../support/cli.js';
import { validateOpdsAtom, validateOpdsFeed } from '../support/opds.js';

const ARABIC = `---
title: حقوق الإنسان في الميناء
author: هيئة التحرير
date: 2025-07-02
lang: ar
description: مقالة قصيرة عن حقوق العاملين في الميناء.
---

يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وُهبوا عقلًا وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.
`;
const ARABIC_SLUG = 'حقوق-الإنسان-في-الميناء';
const BASE = 'https://example.org/books/';
const ACQUISITION = 'http://opds-spec.org/acquisition';

interface Link { rel: string; href: string; type: string }
interface Image { href: string; type: string; width: number; height: number }
interface Publication { metadata: Record<string, unknown>; links: Link[]; images: Image[] }
interface Feed { metadata: Record<string, unknown>; links: Link[]; publications: Publication[] }

const built = tempFolder();
const relative = tempFolder();
const absolute = tempFolder();
let feed: Feed;
let atomText: string;
let absoluteFeed: Feed;

/** The command line, in process (as test/cli/main.test.ts runs it): exit status and what it printed. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The top-level files of `from` copied into `to` (a built folder, as a web server would hold it). */
async function copyBuilt(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) if (e.isFile()) await copyFile(path.join(from, e.name), path.join(to, e.name));
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;
const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const local = (dir: string, href: string): string => path.join(dir, ...decodeURIComponent(href).split('/'));

beforeAll(async () => {
  const arabic = tempFolder({ 'huquq.md': ARABIC });
  const b = await cli(['build', 'content', 'test/fixtures/rich/publication.json', path.join(arabic, 'huquq.md'), '--out', built]);
  if (b.code !== 0) throw new Error(`build failed (exit ${b.code}):\n${b.stderr}`);
  await copyBuilt(built, relative);
  await copyBuilt(built, absolute);
  const r = await cli(['catalog', relative]);
  const a = await cli(['catalog', absolute, '--base-url', 'https://example.org/books', '--title', 'Harbour Library']);
  if (r.code !== 0 || a.code !== 0) throw new Error(`catalog failed:\n${r.stderr}${a.stderr}`);
  feed = await readJson<Feed>(path.join(relative, 'catalog.json'));
  absoluteFeed = await readJson<Feed>(path.join(absolute, 'catalog.json'));
  atomText = await readFile(path.join(relative, 'catalog.xml'), 'utf8');
}, 600_000);

describe('catalog.json (OPDS 2.0)', () => {
  it('is valid against the official OPDS 2.0 and Readium schemas, with relative and absolute links', async () => {
    expect(await validateOpdsFeed(feed)).toEqual([]);
    expect(await validateOpdsFeed(absoluteFeed)).toEqual([]);
  });

  it('fails those schemas when a publication loses its images or its acquisition links (the validator bites)', async () => {
    const noImages = structuredClone(feed);
    delete (noImages.publications[0] as Partial<Publication>).images;
    expect((await validateOpdsFeed(noImages)).join('\n')).toMatch(/images/);
    const noAcquisition = structuredClone(feed);
    noAcquisition.publications[0]!.links = noAcquisition.publications[0]!.links.filter((l) => l.rel !== ACQUISITION);
    expect(await validateOpdsFeed(noAcquisition)).not.toEqual([]);
  });

  it('lists every publication of the folder, newest first, under a title and date from the content', () => {
    expect(feed.publications.map((p) => p.metadata.title)).toEqual([
      'حقوق الإنسان في الميناء',
      'U.S. Explores Israel–Syria Peace Talks',
      'Harbour & Hinterland: “Notes” <from> the Coast',
    ]);
    expect(feed.metadata).toMatchObject({ title: path.basename(relative), modified: '2025-07-02T00:00:00Z', numberOfItems: 3 });
    expect(absoluteFeed.metadata.title).toBe('Harbour Library');
  });

  it("agrees with each EPUB's package document, PDF's XMP and JSON-LD record field for field", async () => {
    for (const pub of feed.publications) {
      const epubLink = pub.links.find((l) => l.type === 'application/epub+zip')!;
      const claims = await readEpubClaims(new Uint8Array(await readFile(local(relative, epubLink.href))));
      const xmp = readPdfClaims(new Uint8Array(await readFile(local(relative, pub.links.find((l) => l.type === 'application/pdf')!.href))));
      expect([xmp.identifier, xmp.title, xmp.lang, Date.parse(xmp.modified!)]).toEqual([pub.metadata.identifier, pub.metadata.title, pub.metadata.language, Date.parse(pub.metadata.modified as string)]);
      const ld = await readJson<Record<string, unknown>>(local(relative, pub.links.find((l) => l.rel === 'describedby')!.href));
      const m = pub.metadata;
      expect(m.identifier).toBe(claims.identifier);
      expect(m.identifier).toBe(ld.identifier);
      expect(m.title).toBe(claims.title);
      expect(m.title).toBe(ld.name);
      expect(m.language).toBe(claims.lang);
      expect(m.language).toBe(ld.inLanguage);
      expect(m.modified).toBe(claims.modified);
      expect(m.modified).toBe(ld.dateModified);
      expect(m.published).toBe(ld.datePublished);
      expect(m.description).toBe(ld.description);
      expect(m.subtitle).toBe(ld.alternativeHeadline);
      const names = (v: unknown): string[] => (list(v) as { name: string }[]).map((p) => p.name);
      expect(names(m.author)).toEqual(names(ld.author));
      expect(names(m.editor)).toEqual(names(ld.editor));
      expect(m.publisher).toBe((ld.publisher as { name?: string } | undefined)?.name);
      expect(m.subject).toEqual(ld.keywords);
    }
  });

  it('carries roles, sort names, the series and the reading direction', () => {
    const [arabic, , rich] = feed.publications.map((p) => p.metadata);
    expect(rich!.editor).toEqual([{ name: 'Jane Q. Doe', sortAs: 'Doe, Jane Q.' }]);
    expect(rich!.contributor).toEqual([{ name: 'Zoë Ångström', sortAs: 'Ångström, Zoë', role: 'pht' }]);
    expect(rich!.belongsTo).toEqual({ series: { name: 'Coastal Notes', position: 2 } });
    expect(arabic!.readingProgression).toBe('rtl');
  });

  it("states the EPUB's accessibility: its conformance profile, summary and features", async () => {
    const seed = feed.publications[1]!.metadata.accessibility as Record<string, unknown>;
    const claims = await readEpubClaims(new Uint8Array(await readFile(path.join(relative, 'us-explores-israel-syria-peace-talks.epub'))));
    expect(claims.conformance[0]).toMatch(/^EPUB Accessibility 1\.1 - WCAG 2\.2 Level AA/);
    expect(seed.conformsTo).toEqual(['https://www.w3.org/TR/epub-a11y-11#wcag-2.2-aa']);
    expect(seed.summary).toBe(claims.accessibility.find(([k]) => k === 'accessibilitySummary')?.[1]);
    expect(seed.feature).toEqual(expect.arrayContaining(['tableOfContents', 'readingOrder', 'printPageNumbers']));
  });

  it('links the EPUB and the PDF as acquisitions, and the JSON-LD, to the files themselves', async () => {
    for (const pub of feed.publications) {
      const acquisitions = pub.links.filter((l) => l.rel === ACQUISITION);
      expect(acquisitions.map((l) => l.type)).toEqual(['application/epub+zip', 'application/pdf']);
      const ld = await readJson<{ encoding: { contentUrl: string; contentSize: string }[] }>(local(relative, pub.links.find((l) => l.rel === 'describedby')!.href));
      expect(acquisitions.map((l) => decodeURIComponent(l.href))).toEqual(ld.encoding.map((e) => e.contentUrl));
      for (const l of [...pub.links, ...pub.images]) expect((await readFile(local(relative, l.href))).length).toBeGreaterThan(0);
    }
    const arabic = feed.publications[0]!.links[0]!.href;
    expect(arabic).toBe(`${encodeURIComponent(ARABIC_SLUG)}.epub`);
  });

  it('makes every link absolute under --base-url, the feed itself included', () => {
    const hrefs = [...absoluteFeed.links, ...absoluteFeed.publications.flatMap((p) => [...p.links, ...p.images])].map((l) => l.href);
    for (const href of hrefs) expect(href.startsWith(BASE)).toBe(true);
    expect(absoluteFeed.links.find((l) => l.rel === 'self')!.href).toBe(`${BASE}catalog.json`);
    expect(absoluteFeed.publications.map((p) => p.links.map((l) => l.href.slice(BASE.length)))).toEqual(feed.publications.map((p) => p.links.map((l) => l.href)));
  });

  it("offers the EPUB's own cover and a JPEG thumbnail whose long side is at most 512 px", async () => {
    for (const pub of feed.publications) {
      const [cover, thumb] = pub.images;
      const epub = await JSZip.loadAsync(await readFile(local(relative, pub.links[0]!.href)));
      const inEpub = await epub.file(/images\/cover\.(png|jpe?g)$/)[0]!.async('uint8array');
      expect(sha256(await readFile(local(relative, cover!.href)))).toBe(sha256(inEpub));
      const c = await sharp(await readFile(local(relative, cover!.href))).metadata();
      expect([cover!.width, cover!.height]).toEqual([c.width, c.height]);
      const t = await sharp(await readFile(local(relative, thumb!.href))).metadata();
      expect(t.format).toBe('jpeg');
      expect(thumb!.type).toBe('image/jpeg');
      expect([thumb!.width, thumb!.height]).toEqual([t.width, t.height]);
      expect(Math.max(t.width!, t.height!)).toBe(Math.min(512, Math.max(c.width!, c.height!)));
      expect(Math.abs(t.width! / t.height! - c.width! / c.height!)).toBeLessThan(0.01);
    }
  });
});

describe('catalog.xml (OPDS 1.2)', () => {
  it('is valid against the OPDS 1.2 RELAX NG grammar (xmllint), and a broken entry is not', async () => {
    const result = await validateOpdsAtom(path.join(relative, 'catalog.xml'));
    expect(result.messages).toBe('');
    expect(result.ok).toBe(true);
    const broken = path.join(tempFolder(), 'broken.xml');
    await writeFile(broken, atomText.replace(/<id>urn:uuid:f5bb[^<]*<\/id>/, ''));
    expect((await validateOpdsAtom(broken)).ok).toBe(false);
  });

  it('is an Atom acquisition feed with the same entries, and the links and lengths of the JSON feed', async () => {
    const doc = parseXml(atomText, ['entry', 'link', 'author'])!.feed as XmlObject;
    expect(text(doc.id)).toMatch(/^urn:uuid:/);
    expect(text(doc.updated)).toBe('2025-07-02T00:00:00Z');
    expect(list(doc.author)).toHaveLength(1);
    const self = (list(doc.link) as XmlObject[]).find((l) => attr(l, 'rel') === 'self');
    expect(attr(self, 'type')).toBe('application/atom+xml;profile=opds-catalog;kind=acquisition');
    const entries = list(doc.entry) as XmlObject[];
    expect(entries.map((e) => text(e.id))).toEqual(feed.publications.map((p) => p.metadata.identifier));
    expect(entries.map((e) => text(e.title))).toEqual(feed.publications.map((p) => p.metadata.title));
    for (const [i, entry] of entries.entries()) {
      const pub = feed.publications[i]!;
      // RFC 4287's Schematron rules, which xmllint does not run: content or an alternate link.
      expect(text(entry.content)).toBe(pub.metadata.description);
      expect(text(entry.updated)).toBe(pub.metadata.modified);
      expect(text(entry['dc:language'])).toBe(pub.metadata.language);
      const links = list(entry.link) as XmlObject[];
      const acquisitions = links.filter((l) => attr(l, 'rel') === ACQUISITION);
      expect(acquisitions.map((l) => [attr(l, 'href'), attr(l, 'type')])).toEqual(pub.links.filter((l) => l.rel === ACQUISITION).map((l) => [l.href, l.type]));
      for (const l of acquisitions) expect(Number(attr(l, 'length'))).toBe((await readFile(local(relative, attr(l, 'href')!))).length);
      expect(links.filter((l) => attr(l, 'rel')?.startsWith('http://opds-spec.org/image')).map((l) => attr(l, 'href'))).toEqual(pub.images.map((im) => im.href));
    }
  });
});

describe('the catalogue as a whole', () => {
  it('is byte-identical when made again', async () => {
    const before = await Promise.all(['catalog.json', 'catalog.xml'].map((f) => readFile(path.join(relative, f))));
    const thumbs = sha256(await readFile(local(relative, feed.publications[2]!.images[1]!.href)));
    const again = await cli(['catalog', relative]);
    expect(again.code).toBe(0);
    const after = await Promise.all(['catalog.json', 'catalog.xml'].map((f) => readFile(path.join(relative, f))));
    expect(after).toEqual(before);
    expect(sha256(await readFile(local(relative, feed.publications[2]!.images[1]!.href)))).toBe(thumbs);
  });

  it('refuses an edition that is not the file its record describes, naming it, and writes nothing', async () => {
    const dir = tempFolder();
    await copyBuilt(built, dir);
    const pdf = path.join(dir, 'us-explores-israel-syria-peace-talks.pdf');
    await writeFile(pdf, Buffer.concat([await readFile(pdf), Buffer.from('\n')]));
    await rm(path.join(dir, `${ARABIC_SLUG}.epub`));
    const r = await cli(['catalog', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'us-explores-israel-syria-peace-talks.jsonld')}: us-explores-israel-syria-peace-talks.pdf is not the file this record describes`);
    expect(r.stderr).toContain(`${path.join(dir, `${ARABIC_SLUG}.jsonld`)}: encoding[0] lists ${ARABIC_SLUG}.epub, which is not in`);
    expect((await readdir(dir)).filter((f) => f.startsWith('catalog') || f === 'covers')).toEqual([]);
  });

  it('leaves out, with a warning, an EPUB no record lists', async () => {
    const dir = tempFolder();
    await copyBuilt(built, dir);
    await rm(path.join(dir, `${ARABIC_SLUG}.jsonld`));
    const r = await cli(['catalog', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${path.join(dir, `${ARABIC_SLUG}.epub`)}: warning: left out of the catalogue: no JSON-LD record in the folder lists it — build the publication again with broadsheet build, into this folder`);
    const partial = await readJson<Feed>(path.join(dir, 'catalog.json'));
    expect(partial.publications.map((p) => p.metadata.title)).toEqual(feed.publications.slice(1).map((p) => p.metadata.title));
  });

  it('says so when a folder holds no built publication, and rejects a base URL that is not http(s)', async () => {
    const empty = await cli(['catalog', tempFolder({ 'notes.txt': 'x' })]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/holds no publication built by broadsheet .* run broadsheet build first/);
    const usage = await cli(['catalog', relative, '--base-url', 'example.org/books']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--base-url "example.org\/books" is not an http\(s\) address/);
  });
});
