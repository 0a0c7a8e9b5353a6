/**
 * The EPUB's package document read back into the one metadata record: the inverse of
 * src/write/metadata/opf.ts (`opfMetadata`), plus the accessibility metadata the EPUB writer derived
 * (src/write/epub/a11y.ts), the cover image (`properties="cover-image"`, EPUB 3.3 §5.6.3.2) and the
 * reading direction of the spine.
 *
 * Why the OPF and not the JSON-LD: it is what reading systems read, and it alone keeps every field of
 * the record (relator codes, `file-as` sort names, the series position), so the catalogue formats
 * the very record the EPUB, the PDF and the JSON-LD were written from.
 */
import JSZip from 'jszip';
import type { MetadataRecord } from '../write/metadata/record.js';
import type { CatalogAccessibility } from '../write/catalog/entry.js';
import { attr, list, parseXml, text, type XmlObject } from '../verify/xml.js';

export interface PackageDocument {
  record: Omit<MetadataRecord, 'producer'>;
  accessibility: CatalogAccessibility;
  readingProgression?: 'ltr' | 'rtl';
  /** The cover image file, when the manifest names one. */
  cover?: { data: Uint8Array; mediaType: string };
}

/** Reads `epub`; a problem is thrown as an Error whose message says what is missing. */
export async function readPackageDocument(epub: Uint8Array): Promise<PackageDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(epub);
  } catch {
    throw new Error('is not a zip file (a damaged EPUB)');
  }
  const container = parseXml((await zip.file('META-INF/container.xml')?.async('string')) ?? '', ['rootfile']);
  const rootfile = list(((container?.container as XmlObject | undefined)?.rootfiles as XmlObject | undefined)?.rootfile)[0];
  const opfPath = attr(rootfile, 'full-path');
  const opfText = opfPath ? await zip.file(opfPath)?.async('string') : undefined;
  const repeated = ['dc:identifier', 'dc:title', 'dc:creator', 'dc:subject', 'dc:language', 'meta', 'item'];
  const pkg = (opfText === undefined ? undefined : parseXml(opfText, repeated))?.package as XmlObject | undefined;
  const metadata = pkg?.metadata as XmlObject | undefined;
  if (!opfPath || !pkg || !metadata) throw new Error('has no readable package document (META-INF/container.xml → OPF)');

  const metas = list(metadata.meta) as XmlObject[];
  const refining = (id: string | undefined, property: string): string | undefined =>
    id === undefined ? undefined : text(metas.find((m) => attr(m, 'refines') === `#${id}` && attr(m, 'property') === property));
  const global = (property: string): string[] =>
    metas.filter((m) => attr(m, 'property') === property && attr(m, 'refines') === undefined).map((m) => text(m) ?? '');
  const one = (name: string): string | undefined => text(list(metadata[name])[0]);

  const ids = list(metadata['dc:identifier']);
  const identifier = text(ids.find((n) => attr(n, 'id') === attr(pkg, 'unique-identifier')) ?? ids[0]);
  const titles = list(metadata['dc:title']);
  const titleOf = (type: string): string | undefined => text(titles.find((t) => refining(attr(t, 'id'), 'title-type') === type));
  const title = titleOf('main') ?? text(titles[0]);
  const lang = one('dc:language');
  const modified = global('dcterms:modified')[0];
  const published = one('dc:date');
  const missing = [['dc:identifier', identifier], ['dc:title', title], ['dc:language', lang], ['dcterms:modified', modified]].filter(([, v]) => !v).map(([n]) => n);
  if (missing.length > 0) throw new Error(`has no ${missing.join(', ')} in its package document`);

  const creators = list(metadata['dc:creator'])
    .map((c, i) => {
      const id = attr(c, 'id');
      const name = text(c) ?? '';
      return { name, role: refining(id, 'role') ?? 'aut', fileAs: refining(id, 'file-as') ?? name, seq: Number(refining(id, 'display-seq') ?? i + 1) };
    })
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq: _seq, ...c }) => c);
  const seriesMeta = metas.find((m) => attr(m, 'property') === 'belongs-to-collection' && attr(m, 'refines') === undefined);
  const position = refining(attr(seriesMeta, 'id'), 'group-position');
  const modifiedDate = new Date(modified!);
  const record: PackageDocument['record'] = {
    identifier: identifier!,
    title: title!,
    subtitle: titleOf('subtitle'),
    creators,
    publisher: one('dc:publisher'),
    published: published ? new Date(published) : modifiedDate,
    modified: modifiedDate,
    lang: lang!,
    description: one('dc:description') ?? '',
    subjects: list(metadata['dc:subject']).map((s) => text(s) ?? '').filter(Boolean),
    rights: one('dc:rights'),
    source: one('dc:source'),
    series: seriesMeta ? { name: text(seriesMeta) ?? '', ...(position !== undefined && { position: Number(position) }) } : undefined,
  };

  const accessibility: CatalogAccessibility = {
    accessMode: global('schema:accessMode'),
    accessModeSufficient: global('schema:accessModeSufficient'),
    features: global('schema:accessibilityFeature'),
    hazards: global('schema:accessibilityHazard'),
    summary: global('schema:accessibilitySummary')[0],
    conformsTo: global('dcterms:conformsTo'),
    certifiedBy: text(metas.find((m) => attr(m, 'property') === 'a11y:certifiedBy')),
  };

  const direction = attr(pkg.spine, 'page-progression-direction');
  const coverItem = (list((pkg.manifest as XmlObject | undefined)?.item) as XmlObject[]).find((i) => (attr(i, 'properties') ?? '').split(/\s+/).includes('cover-image'));
  const coverHref = attr(coverItem, 'href');
  let cover: PackageDocument['cover'];
  if (coverHref) {
    // Manifest hrefs are URLs relative to the package document (EPUB 3.3 §5.6.3).
    const zipPath = decodeURIComponent(new URL(coverHref, `epub:/${opfPath}`).pathname.slice(1));
    const data = await zip.file(zipPath)?.async('uint8array');
    if (data) cover = { data, mediaType: attr(coverItem, 'media-type') ?? '' };
  }
  return {
    record,
    accessibility,
    ...(direction === 'ltr' || direction === 'rtl' ? { readingProgression: direction } : {}),
    ...(cover && { cover }),
  };
}
