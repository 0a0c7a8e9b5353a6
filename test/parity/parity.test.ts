/**
 * Issue 5: the EPUB, the PDF and the JSON-LD of one build say the same thing, read back as real
 * clients read them — the OPF parsed as XML, calibre's `ebook-meta`, the PDF's Info (`pdfinfo`) and
 * XMP (`pdfinfo -meta`, parsed as XML), the JSON-LD — and carry the same cover picture. Issue 13:
 * the bag's (`--bag`) Dublin Core and MODS records say the same too, and are schema-valid.
 *
 * Three builds: the seed (content/, generated cover), a fixture with every field and characters that
 * must be escaped (`&`, `<`, straight and curly quotes, an apostrophe) in French with a user cover,
 * and a fixture without a cover (generated). The OPF is the reference every other read-back is
 * compared with, and the OPF itself is checked against what the author wrote.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../support/cli.js';
import { openEpub } from '../support/epub.js';
import { run } from '../support/exec.js';
import { validateXsd } from '../support/xsd.js';
import { decode } from '../write/cover/picture.js';
import { aspect, centreCrop, pdfCoverImage, pdfFirstPage, pictureDifference, type Raster } from './cover.js';
import { CALIBRE_LANGUAGE, calibreOnlyDate, hasCalibre, readCalibre, type CalibreReadBack } from './read-calibre.js';
import { groupedByRole, readJsonLd, type JsonLdReadBack } from './read-jsonld.js';
import { readDublinCore, readMods } from './read-archive.js';
import { readOpf, type OpfReadBack } from './read-opf.js';
import { readInfo, readXmp, type InfoReadBack, type XmpReadBack } from './read-pdf.js';
import { compare, formatMismatches, type Field, type ReadBack, type ReadCreator } from './record.js';

interface Fixture {
  name: string;
  /** Build input, relative to the repository root. */
  input: string;
  cover: 'image' | 'generated';
}

const FIXTURES: readonly Fixture[] = [
  { name: 'seed', input: 'content', cover: 'generated' },
  { name: 'full', input: 'test/fixtures/parity/full', cover: 'image' },
  { name: 'no-cover', input: 'test/fixtures/parity/no-cover', cover: 'generated' },
];

/**
 * Which fields each read-back has a place for. Left out, by format:
 * - Info: subtitle, publisher, rights, source, language, identifier (ISO 32000-1 Table 317 has no
 *   such keys), and roles (Author is one string of names).
 * - XMP: nothing. Dublin Core has no subtitle and no roles, so broadsheet:subtitle and
 *   broadsheet:creatorRoles (declared in the packet's PDF/A extension schema) carry them.
 */
const CARRIES: Record<'xmp' | 'info' | 'jsonld' | 'dc' | 'mods', readonly Field[]> = {
  xmp: ['identifier', 'title', 'subtitle', 'creators', 'publisher', 'description', 'subjects', 'rights', 'source', 'lang', 'published', 'modified'],
  info: ['title', 'creators', 'description', 'subjects', 'published', 'modified'],
  jsonld: ['identifier', 'title', 'subtitle', 'creators', 'publisher', 'description', 'subjects', 'rights', 'source', 'lang', 'published', 'modified'],
  // Simple DC (the bag's oai_dc record): one title, one date, names without roles.
  dc: ['identifier', 'title', 'creators', 'publisher', 'description', 'subjects', 'rights', 'source', 'lang', 'published'],
  mods: ['identifier', 'title', 'subtitle', 'creators', 'publisher', 'description', 'subjects', 'rights', 'source', 'lang', 'published', 'modified'],
};

/** Largest mean channel difference (0–255, on the 64 × 96 grid) for "the same picture". */
const SAME_PICTURE = 2;
/** Smallest difference for "different pictures": the guard that the comparison can fail. */
const DIFFERENT_PICTURES = 10;

interface Built {
  fixture: Fixture;
  files: { epub: string; pdf: string; jsonld: string; dc: string; mods: string };
  opf: OpfReadBack;
  xmp: XmpReadBack;
  info: InfoReadBack;
  jsonld: JsonLdReadBack;
  dc: ReadBack;
  mods: ReadBack;
  calibre?: CalibreReadBack;
  epubCover: Raster;
  pdfCover: Raster;
  buildMs: number;
}

const built = new Map<string, Built>();

async function build(fixture: Fixture): Promise<Built> {
  const out = tempFolder();
  const proc = await run(process.execPath, [BIN, 'build', fixture.input, '--bag', '--out', out], { cwd: ROOT, timeoutMs: 300_000 });
  if (proc.code !== 0 || proc.stderr !== '') throw new Error(`build of ${fixture.input} failed (exit ${proc.code}):\n${proc.stderr}${proc.stdout}`);
  const wrote = [...proc.stdout.matchAll(/^wrote (.+)$/gm)].map((m) => m[1]);
  const pick = (ext: string): string => {
    const file = wrote.find((f) => f.endsWith(ext));
    if (!file) throw new Error(`build of ${fixture.input} wrote no ${ext}:\n${proc.stdout}`);
    return path.resolve(ROOT, file);
  };
  const bag = pick('.bag');
  const files = { epub: pick('.epub'), pdf: pick('.pdf'), jsonld: pick('.jsonld'), dc: path.join(bag, 'data/metadata/dc.xml'), mods: path.join(bag, 'data/metadata/mods.xml') };
  const [opf, xmp, info, jsonld, dc, mods, calibre, pdfCover] = await Promise.all([
    readOpf(files.epub),
    readXmp(files.pdf),
    readInfo(files.pdf),
    readJsonLd(files.jsonld),
    readDublinCore(files.dc),
    readMods(files.mods),
    hasCalibre ? readCalibre(files.epub) : Promise.resolve(undefined),
    pdfCoverImage(files.pdf),
  ]);
  if (!opf.cover) throw new Error(`${files.epub}: no manifest item with properties="cover-image"`);
  const epubCover = decode({ data: opf.cover.data, mediaType: opf.cover.mediaType as 'image/png' | 'image/jpeg' });
  return { fixture, files, opf, xmp, info, jsonld, dc, mods, calibre, epubCover, pdfCover, buildMs: proc.ms };
}

beforeAll(async () => {
  const all = await Promise.all(FIXTURES.map(build));
  for (const b of all) built.set(b.fixture.name, b);
});

const get = (name: string): Built => {
  const b = built.get(name);
  if (!b) throw new Error(`fixture ${name} was not built`);
  return b;
};

/** What the author wrote in a parity fixture's publication.yaml. */
interface AuthorInput {
  title: string;
  subtitle: string;
  authors: { name: string; role: string }[];
  publisher: string;
  identifier: string;
  lang: string;
  date: string;
  modified?: string;
  description: string;
  tags: string[];
  source: string;
  rights: string;
  series?: { name: string; position: number };
}

async function authorInput(fixture: Fixture): Promise<AuthorInput> {
  return parseYaml(await readFile(path.join(ROOT, fixture.input, 'publication.yaml'), 'utf8')) as AuthorInput;
}

const RELATOR: Record<string, string> = { author: 'aut', editor: 'edt', translator: 'trl' };
const names = (creators: readonly ReadCreator[] | undefined): ReadCreator[] => (creators ?? []).map((c) => ({ name: c.name }));

describe.each(FIXTURES.map((f) => [f.name, f] as const))('metadata parity: %s', (name) => {
  it('writes well-formed XML metadata (OPF and the XMP packet)', async () => {
    const b = get(name);
    const { opf } = await openEpub(b.files.epub);
    expect(XMLValidator.validate(opf)).toBe(true);
    expect(XMLValidator.validate(b.xmp.packet)).toBe(true);
  });

  it('the OPF says what the author wrote, byte for byte', async () => {
    const b = get(name);
    const opf = b.opf.record;
    if (name === 'seed') {
      // content/2025-06-30-us-explores-israel-syria-peace-talks.md
      expect(opf).toMatchObject({
        title: 'U.S. Explores Israel–Syria Peace Talks',
        subtitle: 'Trump administration begins early talks with Israel and Syria on security deal.',
        creators: [{ name: 'ClashReport Editor', role: 'aut' }],
        publisher: 'ClashReport',
        lang: 'en-US',
        published: Date.parse('2025-06-30T00:00:00Z'),
      });
      return;
    }
    const input = await authorInput(b.fixture);
    expect(opf.identifier).toBe(input.identifier);
    expect(opf.title).toBe(input.title);
    expect(opf.subtitle).toBe(input.subtitle);
    expect(opf.creators).toEqual(input.authors.map((a) => ({ name: a.name, role: RELATOR[a.role] })));
    expect(opf.publisher).toBe(input.publisher);
    expect(opf.description).toBe(input.description);
    // Publication tags first, then the articles' own.
    expect(opf.subjects?.slice(0, input.tags.length)).toEqual(input.tags);
    expect(opf.rights).toBe(input.rights);
    expect(opf.source).toBe(input.source);
    expect(opf.lang).toBe(input.lang);
    expect(opf.published).toBe(Date.parse(input.date));
    if (input.modified !== undefined) expect(opf.modified).toBe(Date.parse(input.modified));
  });

  it('writes dates in each format\'s own syntax', () => {
    const b = get(name);
    // EPUB 3.3 §5.5.6: exactly YYYY-MM-DDThh:mm:ssZ; dc:date is a W3CDTF date or date-time.
    expect(b.opf.raw.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(b.opf.raw.date).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/);
    // The JSON-LD writes the OPF's strings (metadata/jsonld.ts).
    expect(b.jsonld.raw).toEqual({ datePublished: b.opf.raw.date, dateModified: b.opf.raw.modified });
    // XMP dc:date holds the publication instant too.
    expect(b.xmp.alternatives['dc:date'].map((d) => Date.parse(d))).toEqual([b.opf.record.published]);
  });

  it('XMP agrees with the OPF on every field it carries', () => {
    const b = get(name);
    const reference: ReadBack = { ...b.opf.record };
    expect(formatMismatches(compare('xmp', reference, b.xmp.record, CARRIES.xmp))).toBe('');
    // Every language alternative says the same as x-default.
    for (const key of ['title', 'description', 'rights'] as const) {
      const value = b.opf.record[key];
      expect(b.xmp.alternatives[key], key).toEqual(value === undefined ? [] : [value, value]);
    }
  });

  it('XMP identifies the document by the same identifier (xmpMM:DocumentID)', () => {
    const b = get(name);
    const identifier = b.opf.record.identifier ?? '';
    const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(identifier)?.[1];
    if (uuid) expect(b.xmp.documentId).toBe(`uuid:${uuid.toLowerCase()}`);
    // Otherwise a name-based (v5) UUID of the identifier.
    else expect(b.xmp.documentId).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('Info agrees with the OPF and the XMP on every field it carries', () => {
    const b = get(name);
    const reference: ReadBack = { ...b.opf.record, creators: names(b.opf.record.creators) };
    expect(formatMismatches(compare('info', reference, b.info.record, CARRIES.info))).toBe('');
    // PDF/A-2 §6.6.3: Info Keywords and pdf:Keywords are one value.
    expect(b.xmp.keywords).toBe(b.info.raw.Keywords);
  });

  it('the JSON-LD agrees with the OPF on every field', () => {
    const b = get(name);
    const reference: ReadBack = { ...b.opf.record, creators: groupedByRole(b.opf.record.creators ?? []) };
    expect(formatMismatches(compare('jsonld', reference, b.jsonld.record, CARRIES.jsonld))).toBe('');
  });

  it('Dublin Core (oai_dc) agrees with the OPF on every field it carries', () => {
    const b = get(name);
    const reference: ReadBack = { ...b.opf.record, creators: names(b.opf.record.creators) };
    expect(formatMismatches(compare('dc', reference, b.dc, CARRIES.dc))).toBe('');
  });

  it('MODS agrees with the OPF on every field, roles included', () => {
    const b = get(name);
    expect(formatMismatches(compare('mods', b.opf.record, b.mods, CARRIES.mods))).toBe('');
  });

  it('Dublin Core and MODS are valid against their XML Schemas', async () => {
    const b = get(name);
    expect(await validateXsd(b.files.dc, 'oai_dc')).toEqual({ ok: true, messages: '' });
    expect(await validateXsd(b.files.mods, 'mods')).toEqual({ ok: true, messages: '' });
  });

  it.skipIf(!hasCalibre)('calibre (ebook-meta) reads the same metadata from the EPUB', () => {
    const b = get(name);
    const c = b.calibre as CalibreReadBack;
    const opf = b.opf.record;
    const authors = (opf.creators ?? []).map((creator, i) => ({ ...creator, fileAs: b.opf.fileAs[i] })).filter((x) => x.role === 'aut' || x.role === undefined);
    const dateOnly = !(b.opf.raw.date ?? '').includes('T');
    const isbn = /^urn:isbn:(.+)$/.exec(opf.identifier ?? '')?.[1];
    const series = name === 'full' ? "Carnets de l'Atlantique #3" : undefined;
    expect({
      title: c.title,
      authors: c.authors,
      authorSort: c.authorSort,
      publisher: c.publisher,
      tags: c.tags,
      languages: c.languages,
      published: c.published === undefined ? undefined : new Date(c.published).toISOString(),
      isbn: c.identifiers.isbn,
      series: c.series,
      comments: c.comments,
    }).toEqual({
      title: opf.subtitle ? `${opf.title}: ${opf.subtitle}` : opf.title,
      authors: authors.map((a) => a.name),
      authorSort: authors.map((a) => a.fileAs).join(' & '),
      publisher: opf.publisher,
      tags: opf.subjects,
      languages: [CALIBRE_LANGUAGE[(opf.lang ?? '').split('-')[0]]],
      published: new Date(dateOnly ? calibreOnlyDate(opf.published ?? Number.NaN) : (opf.published ?? Number.NaN)).toISOString(),
      isbn,
      series,
      comments: opf.description,
    });
  });
});

describe('cover parity', () => {
  it.each(FIXTURES.map((f) => [f.name] as const))('%s: the EPUB cover-image and the PDF first-page image are one picture', (name) => {
    const b = get(name);
    expect(Math.abs(aspect(b.epubCover) / aspect(b.pdfCover) - 1)).toBeLessThan(0.01);
    expect(pictureDifference(b.epubCover, b.pdfCover)).toBeLessThan(SAME_PICTURE);
  });

  it.each(FIXTURES.map((f) => [f.name] as const))('%s: the rendered first page shows the EPUB cover filling the page', async (name) => {
    const b = get(name);
    const page = await pdfFirstPage(b.files.pdf);
    // A picture whose ratio differs from the trim is centre-cropped to fill the page (the full
    // fixture's 2:3 JPEG on A5 loses about 2.7 % at the top and at the bottom).
    expect(pictureDifference(centreCrop(b.epubCover, aspect(page)), page)).toBeLessThan(SAME_PICTURE * 2);
  });

  it('a user cover reaches both editions as the picture the author gave', async () => {
    const b = get('full');
    const original = decode({ data: await readFile(path.join(ROOT, 'test/fixtures/parity/full/cover.jpg')), mediaType: 'image/jpeg' });
    expect(b.pdfCover.width / b.pdfCover.height).toBeCloseTo(original.width / original.height, 3);
    expect(pictureDifference(original, b.epubCover)).toBeLessThan(SAME_PICTURE);
    expect(pictureDifference(original, b.pdfCover)).toBeLessThan(SAME_PICTURE);
  });

  it('the comparison tells different pictures apart (guard)', () => {
    const covers = FIXTURES.map((f) => ({ name: f.name, picture: get(f.name).epubCover }));
    for (const a of covers) {
      for (const c of covers) {
        if (a.name < c.name) expect(pictureDifference(a.picture, c.picture), `${a.name} vs ${c.name}`).toBeGreaterThan(DIFFERENT_PICTURES);
      }
    }
    // The same picture mirrored is a different cover.
    const full = get('full').pdfCover;
    expect(pictureDifference(full, mirror(full))).toBeGreaterThan(DIFFERENT_PICTURES);
  });

  it('a fixture without a cover gets a generated one in both editions', () => {
    for (const f of FIXTURES.filter((x) => x.cover === 'generated')) {
      const b = get(f.name);
      expect(b.opf.cover?.mediaType, f.name).toBe('image/png');
      expect(pictureDifference(b.epubCover, b.pdfCover), f.name).toBeLessThan(SAME_PICTURE);
    }
  });
});

/** `r` flipped left to right. */
function mirror(r: Raster): Raster {
  const data = new Uint8Array(r.data.length);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const from = (y * r.width + x) * 4;
      const to = (y * r.width + (r.width - 1 - x)) * 4;
      data.set(r.data.subarray(from, from + 4), to);
    }
  }
  return { width: r.width, height: r.height, data };
}
