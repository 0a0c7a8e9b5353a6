/**
 * Reads the EPUB's package document as a reading system does (EPUB 3.3 §5.5): parsed as XML, with
 * `refines` resolved — `title-type` tells the main title from the subtitle, `role` (MARC relators)
 * and `file-as` belong to the creator they refine, `display-seq` orders the creators.
 * https://www.w3.org/TR/epub-33/#sec-metadata-elem-meta
 */
import path from 'node:path';
import { openEpub } from '../support/epub.js';
import type { ReadBack, ReadCreator } from './record.js';
import { attr, list, parseXml, text } from './xml.js';

export interface OpfReadBack {
  record: ReadBack;
  /** `file-as` of each creator, in creator order. */
  fileAs: (string | undefined)[];
  /** Dates as written, for syntax checks. */
  raw: { date?: string; modified?: string };
  /** The manifest item with `properties="cover-image"` (EPUB 3.3 §5.6.2), read from the zip. */
  cover?: { href: string; mediaType: string; data: Uint8Array };
}

const ARRAYS = ['dc:identifier', 'dc:title', 'dc:creator', 'dc:contributor', 'dc:subject', 'dc:date', 'dc:language', 'dc:publisher', 'dc:description', 'dc:rights', 'dc:source', 'meta', 'item'];

export async function readOpf(epubFile: string): Promise<OpfReadBack> {
  const { zip, opfPath, opf } = await openEpub(epubFile);
  const doc = parseXml(opf, ARRAYS);
  const pkg = doc.package as Record<string, unknown>;
  const metadata = pkg.metadata as Record<string, unknown>;
  const metas = list(metadata.meta);

  /** Values of `<meta refines="#id" property="…">`. */
  const refinement = (id: string | undefined, property: string): string | undefined => {
    if (id === undefined) return undefined;
    const hit = metas.find((m) => attr(m, 'refines') === `#${id}` && attr(m, 'property') === property);
    return hit === undefined ? undefined : text(hit);
  };
  const property = (name: string): string | undefined => {
    const hit = metas.find((m) => attr(m, 'property') === name && attr(m, 'refines') === undefined);
    return hit === undefined ? undefined : text(hit);
  };
  const first = (name: string): string | undefined => {
    const node = list(metadata[name])[0];
    return node === undefined ? undefined : text(node);
  };

  const uid = attr(pkg, 'unique-identifier');
  const identifier = list(metadata['dc:identifier']).find((n) => attr(n, 'id') === uid);

  const titles = list(metadata['dc:title']);
  const titleOfType = (type: string): unknown => titles.find((t) => refinement(attr(t, 'id'), 'title-type') === type);
  const main = titleOfType('main') ?? titles[0];
  const subtitle = titleOfType('subtitle');

  const creators = list(metadata['dc:creator'])
    .map((node, index) => ({ node, index, seq: Number(refinement(attr(node, 'id'), 'display-seq') ?? Number.NaN) }))
    .sort((a, b) => (Number.isNaN(a.seq) || Number.isNaN(b.seq) ? a.index - b.index : a.seq - b.seq));
  const readCreators: ReadCreator[] = creators.map(({ node }) => {
    const role = refinement(attr(node, 'id'), 'role');
    return { name: text(node) ?? '', ...(role !== undefined ? { role } : {}) };
  });

  const date = first('dc:date');
  const modified = property('dcterms:modified');
  const record: ReadBack = {
    identifier: identifier === undefined ? undefined : text(identifier),
    title: main === undefined ? undefined : text(main),
    subtitle: subtitle === undefined ? undefined : text(subtitle),
    creators: readCreators,
    publisher: first('dc:publisher'),
    description: first('dc:description'),
    subjects: list(metadata['dc:subject']).map((s) => text(s) ?? ''),
    rights: first('dc:rights'),
    source: first('dc:source'),
    lang: first('dc:language'),
    published: date === undefined ? undefined : Date.parse(date),
    modified: modified === undefined ? undefined : Date.parse(modified),
  };

  const items = list((pkg.manifest as Record<string, unknown>).item);
  const coverItem = items.find((i) => (attr(i, 'properties') ?? '').split(/\s+/).includes('cover-image'));
  let cover: OpfReadBack['cover'];
  if (coverItem !== undefined) {
    const href = attr(coverItem, 'href') ?? '';
    const zipPath = path.posix.join(path.posix.dirname(opfPath), decodeURI(href));
    const file = zip.file(zipPath);
    if (!file) throw new Error(`${epubFile}: cover-image item ${href} is not in the zip`);
    cover = { href, mediaType: attr(coverItem, 'media-type') ?? '', data: await file.async('uint8array') };
  }

  return {
    record: dropUndefined(record),
    fileAs: creators.map(({ node }) => refinement(attr(node, 'id'), 'file-as')),
    raw: { date, modified },
    cover,
  };
}

function dropUndefined(record: ReadBack): ReadBack {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ReadBack;
}
