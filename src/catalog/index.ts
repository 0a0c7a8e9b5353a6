/**
 * `broadsheet catalog` as a library call: an OPDS catalogue of every publication built in a folder,
 * so e-reader apps can browse and download them from any static web server.
 *
 * read the folder (built-folder.ts: each JSON-LD record and the editions it lists, checked by
 * checksum) → read each EPUB's package document into the metadata record (package-document.ts) →
 * copy its cover and make a thumbnail → format both feeds (src/write/catalog/) → write
 * `catalog.json`, `catalog.xml` and `covers/` all or nothing. Nothing depends on the clock: the
 * feed's date is the latest modification of its entries, the order is fixed (newest first, then by
 * file name), so the same folder always gives the same bytes.
 */
import path from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { Diagnostics, type Diagnostic } from '../check/diagnostic.js';
import { bitmapInfo, thumbnail } from '../images/convert.js';
import { sniffImage } from '../images/sniff.js';
import { VERSION } from '../version.js';
import type { CatalogEntry, CatalogFeed } from '../write/catalog/entry.js';
import { opdsAtom } from '../write/catalog/opds1.js';
import { opdsJson } from '../write/catalog/opds2.js';
import { writeOutputs, type Output } from '../write/output.js';
import { findPublications, type BuiltPublication } from './built-folder.js';
import { readPackageDocument } from './package-document.js';

export interface CatalogOptions {
  /** The folder `broadsheet build` wrote into; the catalogue is written there too. */
  dir: string;
  /**
   * Where the folder will be served (`https://example.org/books/`): links become absolute. Default:
   * links relative to the catalogue, which works from any address the folder is served at.
   */
  baseUrl?: string;
  /** The catalogue's title. Default: the publisher all publications share, else the folder's name. */
  title?: string;
}

export interface CatalogResult {
  outputs: string[];
  entries: number;
  warnings: Diagnostic[];
}

/** Longest side of a cover thumbnail (OPDS readers show covers at about 100–500 px). */
export const THUMBNAIL_SIDE = 512;
/** The folder, inside the catalogue's, that holds the covers and thumbnails. */
export const COVERS = 'covers';
/** RFC 4122 namespace for a catalogue's id when no base URL gives it one (a fixed random UUID). */
const FEED_NAMESPACE = '0f7d3c2e-5b8a-4e61-9c4d-2a7e1f6b8d35';

export async function catalog(options: CatalogOptions): Promise<CatalogResult> {
  const diagnostics = new Diagnostics();
  const found = await findPublications(options.dir, diagnostics);
  diagnostics.checkpoint();
  if (found.length === 0) {
    diagnostics.error({ code: 'catalog.empty', file: options.dir, message: 'holds no publication built by broadsheet (no <slug>.jsonld records)', fix: 'run broadsheet build first, with --out pointing at this folder' });
    diagnostics.checkpoint();
  }
  const href = linker(options.baseUrl);
  const covers: { path: string; data: Uint8Array }[] = [];
  const entries: { entry: CatalogEntry; slug: string }[] = [];
  for (const pub of found) {
    const entry = await catalogEntry(pub, options.dir, href, covers, diagnostics);
    if (entry) entries.push({ entry, slug: pub.slug });
  }
  diagnostics.checkpoint();
  entries.sort((a, b) => b.entry.record.modified.getTime() - a.entry.record.modified.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const list = entries.map((e) => e.entry);
  const publishers = new Set(list.map((e) => e.record.publisher));
  const shared = publishers.size === 1 ? [...publishers][0] : undefined;
  const title = options.title ?? shared ?? path.basename(path.resolve(options.dir));
  const feed: CatalogFeed = {
    id: options.baseUrl ? href('catalog.xml') : `urn:uuid:${uuidv5(title, FEED_NAMESPACE)}`,
    title,
    author: shared ?? title,
    modified: new Date(Math.max(...list.map((e) => e.record.modified.getTime()))),
    json: href('catalog.json'),
    xml: href('catalog.xml'),
    generator: { name: 'broadsheet', version: VERSION },
    entries: list,
  };
  const outputs: Output[] = [
    { path: path.join(options.dir, 'catalog.json'), data: opdsJson(feed) },
    { path: path.join(options.dir, 'catalog.xml'), data: opdsAtom(feed) },
    { path: path.join(options.dir, COVERS), files: covers },
  ];
  await writeOutputs(outputs);
  return { outputs: outputs.map((o) => o.path), entries: list.length, warnings: diagnostics.warnings };
}

/** One publication's entry; its cover and thumbnail are added to `covers`. */
async function catalogEntry(pub: BuiltPublication, dir: string, href: (p: string) => string, covers: { path: string; data: Uint8Array }[], diagnostics: Diagnostics): Promise<CatalogEntry | undefined> {
  const epub = pub.editions.find((e) => e.mediaType === 'application/epub+zip')!;
  const epubFile = path.join(dir, epub.name);
  let doc;
  try {
    doc = await readPackageDocument(epub.data);
  } catch (error) {
    diagnostics.error({ code: 'catalog.epub.unreadable', file: epubFile, message: error instanceof Error ? error.message : String(error), fix: 'build the publication again with broadsheet build' });
    return undefined;
  }
  // The JSON-LD and the EPUB were written from one record; if they disagree they are from two builds.
  const ours = { identifier: doc.record.identifier, title: doc.record.title, lang: doc.record.lang };
  for (const [field, value] of Object.entries(ours) as [keyof typeof ours, string][]) {
    if (pub.said[field] !== value) {
      diagnostics.error({ code: 'catalog.record.disagrees', file: path.join(dir, pub.jsonld), message: `its ${field} ${JSON.stringify(pub.said[field] ?? null)} differs from ${epub.name}'s ${JSON.stringify(value)}: the files come from different builds`, fix: 'build the publication again with broadsheet build' });
      return undefined;
    }
  }
  if (pub.said.modified === undefined || Date.parse(pub.said.modified) !== doc.record.modified.getTime()) {
    diagnostics.error({ code: 'catalog.record.disagrees', file: path.join(dir, pub.jsonld), message: `its dateModified differs from ${epub.name}'s dcterms:modified: the files come from different builds`, fix: 'build the publication again with broadsheet build' });
    return undefined;
  }
  const format = doc.cover ? sniffImage(doc.cover.data) : undefined;
  if (!doc.cover || !format || format === 'svg') {
    diagnostics.error({ code: 'catalog.cover.missing', file: epubFile, message: 'has no bitmap cover image (manifest item with properties="cover-image"), which OPDS catalogues show', fix: 'build the publication again with broadsheet build (it always makes a cover)' });
    return undefined;
  }
  const info = await bitmapInfo(doc.cover.data, format);
  const small = await thumbnail(doc.cover.data, THUMBNAIL_SIDE);
  const ext = format === 'jpeg' ? 'jpg' : format;
  const coverName = `${pub.slug}.${ext}`;
  const thumbName = `${pub.slug}.thumbnail.jpg`;
  covers.push({ path: coverName, data: doc.cover.data }, { path: thumbName, data: small.data });
  return {
    record: doc.record,
    accessibility: doc.accessibility,
    ...(doc.readingProgression && { readingProgression: doc.readingProgression }),
    editions: [...pub.editions]
      .sort((a, b) => Number(b.mediaType === 'application/epub+zip') - Number(a.mediaType === 'application/epub+zip'))
      .map((e) => ({ href: href(e.name), type: e.mediaType, length: e.data.length })),
    jsonld: { href: href(pub.jsonld), type: 'application/ld+json' },
    cover: { href: href(`${COVERS}/${coverName}`), type: doc.cover.mediaType || `image/${format}`, width: info.width, height: info.height },
    thumbnail: { href: href(`${COVERS}/${thumbName}`), type: small.mediaType, width: small.width, height: small.height },
  };
}

/**
 * A link to a file of the folder: relative to the catalogue (each segment percent-encoded, so a slug
 * in any script is a valid URI reference), or absolute under `baseUrl`.
 */
function linker(baseUrl: string | undefined): (relative: string) => string {
  const base = baseUrl === undefined ? undefined : new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return (relative) => {
    const encoded = relative.split('/').map(encodeURIComponent).join('/');
    return base ? new URL(encoded, base).href : encoded;
  };
}
