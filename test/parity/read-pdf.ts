/**
 * Reads the PDF's two metadata stores as a client does: the document information dictionary
 * (`pdfinfo`, dates with `-isodates`; ISO 32000-1 §14.3.3) and the XMP packet (`pdfinfo -meta`,
 * parsed as XML; ISO 16684-1 with the Dublin Core, XMP and PDF schemas).
 */
import { runOk } from '../support/exec.js';
import { pdfInfo, pdfMeta } from '../support/pdf.js';
import type { ReadBack } from './record.js';
import { attr, list, parseXml, text } from './xml.js';

export interface InfoReadBack {
  record: ReadBack;
  /** The Info dictionary as pdfinfo prints it. */
  raw: Record<string, string>;
}

/**
 * Info: Title, Subject (the description), Author (creators joined by `; `), Keywords (subjects
 * joined by `, `), CreationDate and ModDate. Info has no place for roles, the subtitle, the
 * publisher, rights, the source or the language (the catalog's /Lang is not Info).
 */
export async function readInfo(pdfFile: string): Promise<InfoReadBack> {
  const raw = await pdfInfo(pdfFile);
  const iso = (await runOk('pdfinfo', ['-isodates', pdfFile])).stdout;
  const isoDate = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(iso);
    return m?.[1] === undefined ? undefined : Date.parse(m[1]);
  };
  const record: ReadBack = {
    ...(raw.Title !== undefined ? { title: raw.Title } : {}),
    ...(raw.Subject !== undefined ? { description: raw.Subject } : {}),
    // No Author / Keywords entry means no creators / subjects.
    creators: raw.Author === undefined ? [] : raw.Author.split('; ').map((name) => ({ name })),
    subjects: raw.Keywords === undefined ? [] : raw.Keywords.split(', '),
    published: isoDate('CreationDate'),
    modified: isoDate('ModDate'),
  };
  return { record: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ReadBack, raw };
}

export interface XmpReadBack {
  record: ReadBack;
  documentId?: string;
  /** pdf:Keywords, which must equal Info Keywords (PDF/A-2 §6.6.3). */
  keywords?: string;
  /** Every language alternative of the lang-alt properties must say the same (one language here). */
  alternatives: Record<string, string[]>;
  /** The packet as pdfinfo printed it. */
  packet: string;
}

type Props = Record<string, unknown>;

/** The XMP packet's properties, all `rdf:Description`s merged (they all describe `rdf:about=""`). */
function properties(packet: string): Props {
  const doc = parseXml(packet, ['rdf:Description', 'rdf:li']);
  const rdf = (doc['x:xmpmeta'] as Props | undefined)?.['rdf:RDF'] as Props | undefined;
  if (!rdf) throw new Error(`no x:xmpmeta/rdf:RDF in the XMP packet:\n${packet.slice(0, 500)}`);
  const merged: Props = {};
  for (const description of list(rdf['rdf:Description'])) {
    for (const [key, value] of Object.entries(description as Props)) if (!key.startsWith('@_')) merged[key] = value;
  }
  return merged;
}

/** Items of an rdf:Seq / rdf:Bag / rdf:Alt container. */
function items(value: unknown, container: 'rdf:Seq' | 'rdf:Bag' | 'rdf:Alt'): unknown[] {
  if (value === undefined || value === null || typeof value !== 'object') return [];
  return list((value as Props)[container] === undefined ? undefined : ((value as Props)[container] as Props)['rdf:li']);
}

/** The x-default of a lang-alt (XMP part 1 §8.2.2.4), and all its alternatives. */
function langAlt(value: unknown): { value?: string; all: string[] } {
  const lis = items(value, 'rdf:Alt');
  const byDefault = lis.find((li) => attr(li, 'xml:lang') === 'x-default') ?? lis[0];
  return { value: byDefault === undefined ? undefined : text(byDefault), all: lis.map((li) => text(li) ?? '') };
}

export async function readXmp(pdfFile: string): Promise<XmpReadBack> {
  const packet = await pdfMeta(pdfFile);
  const p = properties(packet);
  const simple = (key: string): string | undefined => (p[key] === undefined ? undefined : text(p[key]));
  const title = langAlt(p['dc:title']);
  const description = langAlt(p['dc:description']);
  const rights = langAlt(p['dc:rights']);
  const lang = items(p['dc:language'], 'rdf:Bag').map((li) => text(li) ?? '');
  const publisher = items(p['dc:publisher'], 'rdf:Bag').map((li) => text(li) ?? '');
  const createDate = simple('xmp:CreateDate');
  const modifyDate = simple('xmp:ModifyDate');
  const record: ReadBack = {
    identifier: simple('dc:identifier'),
    title: title.value,
    // Roles come from broadsheet:creatorRoles, a Seq parallel to dc:creator (metadata/xmp.ts).
    creators: items(p['dc:creator'], 'rdf:Seq').map((li, i) => ({ name: text(li) ?? '', role: text(items(p['broadsheet:creatorRoles'], 'rdf:Seq')[i]) ?? '' })),
    subtitle: simple('broadsheet:subtitle'),
    publisher: publisher[0],
    description: description.value,
    subjects: items(p['dc:subject'], 'rdf:Bag').map((li) => text(li) ?? ''),
    rights: rights.value,
    source: simple('dc:source'),
    lang: lang[0],
    published: createDate === undefined ? undefined : Date.parse(createDate),
    modified: modifyDate === undefined ? undefined : Date.parse(modifyDate),
  };
  const dcDate = items(p['dc:date'], 'rdf:Seq').map((li) => text(li) ?? '');
  return {
    record: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ReadBack,
    documentId: simple('xmpMM:DocumentID'),
    keywords: simple('pdf:Keywords'),
    alternatives: { title: title.all, description: description.all, rights: rights.all, 'dc:date': dcDate },
    packet,
  };
}
