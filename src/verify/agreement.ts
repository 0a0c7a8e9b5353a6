/**
 * That the files in a bag still describe one publication: the EPUB's package document, the PDF's
 * XMP, the JSON-LD, Dublin Core and MODS give the same identifier, title, language and modification
 * instant, and the JSON-LD's checksums of the editions (its `encoding` entries) match the editions.
 * The checksum manifests prove the files are the ones bagged; this proves they belong together.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readEpubClaims, readPdfClaims } from './edition.js';
import { first, list, parseXml, type XmlObject } from './xml.js';

/** The fields every record carries, as read from one file. */
interface Said { source: string; identifier?: string; title?: string; lang?: string; modified?: string }

const FIELDS = ['identifier', 'title', 'lang', 'modified'] as const;

export async function checkAgreement(bag: string, payload: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const top = (ext: string): string[] => payload.filter((f) => /^data\/[^/]+$/.test(f) && f.endsWith(ext));
  const one = (ext: string): string | undefined => {
    const found = top(ext);
    if (found.length !== 1) problems.push(`data/: expected one ${ext} edition, found ${found.length}`);
    return found.length === 1 ? found[0] : undefined;
  };
  const read = (f: string): Promise<Buffer> => readFile(path.join(bag, ...f.split('/')));
  const said: Said[] = [];

  const epub = one('.epub');
  if (epub) {
    const c = await readEpubClaims(await read(epub));
    problems.push(...c.problems.map((p) => `${epub}: ${p}`));
    said.push({ source: `${epub} (OPF)`, ...pick(c) });
  }
  const pdf = one('.pdf');
  if (pdf) {
    const c = readPdfClaims(await read(pdf));
    problems.push(...c.problems.map((p) => `${pdf}: ${p}`));
    said.push({ source: `${pdf} (XMP)`, ...pick(c) });
  }
  const jsonld = one('.jsonld');
  if (jsonld) {
    let ld: Record<string, unknown> | undefined;
    try {
      ld = JSON.parse((await read(jsonld)).toString('utf8')) as Record<string, unknown>;
    } catch {
      problems.push(`${jsonld}: not valid JSON`);
    }
    if (ld) {
      const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
      said.push({ source: jsonld, identifier: str(ld.identifier), title: str(ld.name), lang: str(ld.inLanguage), modified: str(ld.dateModified) });
      for (const media of list(ld.encoding) as Record<string, unknown>[]) {
        const name = str(media.contentUrl) ?? str(media.name);
        const file = name === undefined ? undefined : `data/${name}`;
        if (!file || !payload.includes(file)) {
          problems.push(`${jsonld}: describes ${name ?? 'a file'} that is not in the bag`);
          continue;
        }
        const bytes = await read(file);
        if (str(media.sha256) !== createHash('sha256').update(bytes).digest('hex')) problems.push(`${jsonld}: the sha256 of ${name} does not match the file`);
        if (str(media.contentSize) !== String(bytes.length)) problems.push(`${jsonld}: the contentSize of ${name} does not match the file`);
      }
    }
  }
  if (payload.includes('data/metadata/dc.xml')) {
    const dc = parseXml((await read('data/metadata/dc.xml')).toString('utf8'))?.['oai_dc:dc'] as XmlObject | undefined;
    if (!dc) problems.push('data/metadata/dc.xml: not well-formed oai_dc XML');
    else said.push({ source: 'data/metadata/dc.xml', identifier: first(dc['dc:identifier']), title: first(dc['dc:title']), lang: first(dc['dc:language']) });
  }
  if (payload.includes('data/metadata/mods.xml')) {
    const mods = parseXml((await read('data/metadata/mods.xml')).toString('utf8'), ['titleInfo'])?.mods as XmlObject | undefined;
    if (!mods) problems.push('data/metadata/mods.xml: not well-formed MODS XML');
    else {
      const titleInfo = list(mods.titleInfo)[0] as XmlObject | undefined;
      const origin = mods.originInfo as XmlObject | undefined;
      said.push({
        source: 'data/metadata/mods.xml',
        identifier: first(mods.identifier),
        title: first(titleInfo?.title),
        lang: first((mods.language as XmlObject | undefined)?.languageTerm),
        modified: first(origin?.dateModified),
      });
    }
  }

  // The OPF is the reference, as in the parity tests; dates compare as instants.
  const [reference, ...others] = said;
  if (!reference) return problems;
  for (const other of others) {
    for (const field of FIELDS) {
      const a = reference[field];
      const b = other[field];
      if (b === undefined || a === undefined) continue;
      const same = field === 'modified' ? Date.parse(a) === Date.parse(b) : a === b;
      if (!same) problems.push(`${other.source}: ${field} "${b}" differs from ${reference.source} "${a}"`);
    }
  }
  return problems;
}

function pick(c: { identifier?: string; title?: string; lang?: string; modified?: string }): Omit<Said, 'source'> {
  return { identifier: c.identifier, title: c.title, lang: c.lang, modified: c.modified };
}
