/**
 * What an EPUB or a PDF says about itself, read back the way a reading system or a PDF validator
 * reads it: the EPUB's package document (EPUB 3.3 §5.5) and the PDF's XMP packet (ISO 16684-1), so
 * `broadsheet verify` can report the claims and the bag check can compare the editions.
 */
import JSZip from 'jszip';
import { attr, first, list, parseXml, text, type XmlObject } from './xml.js';

export interface EditionClaims {
  format: 'EPUB' | 'PDF';
  identifier?: string;
  title?: string;
  lang?: string;
  /** Last modification as written (`dcterms:modified`, `xmp:ModifyDate`). */
  modified?: string;
  /** Conformance claims: EPUB `dcterms:conformsTo` (with `a11y:certifiedBy`); PDF `pdfaid`/`pdfuaid`. */
  conformance: string[];
  /** EPUB: `schema:access*` and `accessibility*` metadata (https://www.w3.org/TR/epub-a11y-11/#sec-discovery). */
  accessibility: [string, string][];
  /** What could not be read: each becomes one problem line. */
  problems: string[];
}

/** Reads the package document of an EPUB (its bytes). */
export async function readEpubClaims(bytes: Uint8Array): Promise<EditionClaims> {
  const claims: EditionClaims = { format: 'EPUB', conformance: [], accessibility: [], problems: [] };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    claims.problems.push('not a zip file: the EPUB is damaged');
    return claims;
  }
  const mimetype = await zip.file('mimetype')?.async('string');
  if (mimetype !== 'application/epub+zip') claims.problems.push('the mimetype file does not say application/epub+zip');
  const container = parseXml((await zip.file('META-INF/container.xml')?.async('string')) ?? '');
  const rootfile = list(((container?.container as XmlObject | undefined)?.rootfiles as XmlObject | undefined)?.rootfile)[0];
  const opfPath = attr(rootfile, 'full-path');
  const opfText = opfPath ? await zip.file(opfPath)?.async('string') : undefined;
  const doc = opfText === undefined ? undefined : parseXml(opfText, ['dc:identifier', 'dc:title', 'meta', 'dc:language']);
  const pkg = doc?.package as XmlObject | undefined;
  const metadata = pkg?.metadata as XmlObject | undefined;
  if (!pkg || !metadata) {
    claims.problems.push('no readable package document (META-INF/container.xml → OPF)');
    return claims;
  }
  const uid = attr(pkg, 'unique-identifier');
  claims.identifier = text(list(metadata['dc:identifier']).find((n) => attr(n, 'id') === uid) ?? list(metadata['dc:identifier'])[0]);
  const metas = list(metadata.meta);
  const property = (name: string): string[] => metas.filter((m) => attr(m, 'property') === name && attr(m, 'refines') === undefined).map((m) => text(m) ?? '');
  const titles = list(metadata['dc:title']);
  const main = titles.find((t) => metas.some((m) => attr(m, 'refines') === `#${attr(t, 'id')}` && attr(m, 'property') === 'title-type' && text(m) === 'main'));
  claims.title = text(main ?? titles[0]);
  claims.lang = first(metadata['dc:language']);
  claims.modified = property('dcterms:modified')[0];
  const conformsTo = property('dcterms:conformsTo');
  const certifiedBy = property('a11y:certifiedBy')[0];
  claims.conformance = conformsTo.map((c) => (certifiedBy ? `${c} (certified by ${certifiedBy})` : c));
  for (const name of ['schema:accessMode', 'schema:accessModeSufficient', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary']) {
    const values = property(name);
    if (values.length > 0) claims.accessibility.push([name.replace('schema:', ''), values.join(', ')]);
  }
  if (!claims.identifier) claims.problems.push('the package document has no dc:identifier');
  if (!claims.title) claims.problems.push('the package document has no dc:title');
  if (!claims.lang) claims.problems.push('the package document has no dc:language');
  if (!claims.modified) claims.problems.push('the package document has no dcterms:modified');
  if (!metas.some((m) => attr(m, 'property') === 'schema:accessMode')) claims.problems.push('no accessibility metadata (schema:accessMode)');
  return claims;
}

const latin1 = new TextDecoder('latin1');

/**
 * The catalog's `/MarkInfo << /Marked true >>` (ISO 32000-1 §14.7.1), written inline or as an
 * indirect object (`/MarkInfo 79 0 R`, as pdfkit writes it).
 */
function markedTrue(raw: string): boolean {
  const m = /\/MarkInfo\s*(?:<<([\s\S]*?)>>|(\d+)\s+(\d+)\s+R)/.exec(raw);
  if (!m) return false;
  if (m[1] !== undefined) return /\/Marked\s+true/.test(m[1]);
  const object = new RegExp(`(?:^|\\s)${m[2]}\\s+${m[3]}\\s+obj([\\s\\S]*?)endobj`).exec(raw);
  return object !== null && /\/Marked\s+true/.test(object[1]);
}

/** The catalog's `/Lang` (the object holding `/Type /Catalog`), when written as a literal string. */
function catalogLang(raw: string): string | undefined {
  const at = raw.search(/\/Type\s*\/Catalog\b/);
  if (at < 0) return undefined;
  const start = raw.lastIndexOf(' obj', at);
  const end = raw.indexOf('endobj', at);
  return /\/Lang\s*\(([^)]*)\)/.exec(raw.slice(start < 0 ? at : start, end < 0 ? undefined : end))?.[1];
}

/** Reads a PDF's XMP packet (broadsheet writes it uncompressed, as PDF/A recommends). */
export function readPdfClaims(bytes: Uint8Array): EditionClaims {
  const claims: EditionClaims = { format: 'PDF', conformance: [], accessibility: [], problems: [] };
  const raw = latin1.decode(bytes);
  if (!raw.startsWith('%PDF-')) {
    claims.problems.push('not a PDF file (no %PDF- header)');
    return claims;
  }
  if (!/%%EOF\s*$/.test(raw.slice(-1024))) claims.problems.push('the PDF is truncated (no %%EOF at the end)');
  const start = raw.indexOf('<x:xmpmeta');
  const end = raw.indexOf('</x:xmpmeta>', start);
  if (start < 0 || end < 0) {
    claims.problems.push('no XMP metadata packet');
    return claims;
  }
  const packet = new TextDecoder('utf-8').decode(bytes.subarray(start, end + '</x:xmpmeta>'.length));
  const doc = parseXml(packet, ['rdf:Description', 'rdf:li']);
  const descriptions = list(((doc?.['x:xmpmeta'] as XmlObject | undefined)?.['rdf:RDF'] as XmlObject | undefined)?.['rdf:Description']) as XmlObject[];
  if (!doc || descriptions.length === 0) {
    claims.problems.push('the XMP packet is not well-formed XML');
    return claims;
  }
  const property = (name: string): unknown => descriptions.find((d) => d[name] !== undefined)?.[name];
  /** An rdf:Alt / Bag / Seq's first item, or the plain value. */
  const value = (name: string): string | undefined => {
    const node = property(name);
    if (node === undefined) return undefined;
    const container = node as XmlObject;
    for (const kind of ['rdf:Alt', 'rdf:Bag', 'rdf:Seq']) {
      const items = list((container[kind] as XmlObject | undefined)?.['rdf:li']);
      if (items.length > 0) return text(items[0]);
    }
    return text(node);
  };
  claims.identifier = value('dc:identifier');
  claims.title = value('dc:title');
  claims.lang = value('dc:language');
  claims.modified = value('xmp:ModifyDate');
  const pdfa = value('pdfaid:part');
  if (pdfa) claims.conformance.push(`PDF/A-${pdfa}${(value('pdfaid:conformance') ?? '').toLowerCase()}`);
  const attached = list(((property('broadsheet:associatedFiles') as XmlObject | undefined)?.['rdf:Bag'] as XmlObject | undefined)?.['rdf:li']).map((n) => text(n) ?? '');
  if (attached.length > 0) claims.accessibility.push(['associated files', attached.join(', ')]);
  const pdfua = value('pdfuaid:part');
  if (pdfua) claims.conformance.push(`PDF/UA-${pdfua}`);
  const tagged = markedTrue(raw);
  claims.accessibility.push(['tagged', tagged ? 'yes (MarkInfo /Marked true)' : 'no']);
  const lang = catalogLang(raw);
  if (lang) claims.accessibility.push(['document language (/Lang)', lang]);
  if (pdfua && !tagged) claims.problems.push('claims PDF/UA but is not tagged (no MarkInfo /Marked true)');
  if (!claims.title) claims.problems.push('the XMP has no dc:title');
  if (!claims.identifier) claims.problems.push('the XMP has no dc:identifier');
  return claims;
}
