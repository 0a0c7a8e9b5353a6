/**
 * Reads the bag's library records back into the parity record (issue 13): Dublin Core in its
 * `oai_dc` container and MODS 3.8, parsed as XML the way a harvester reads them.
 *
 * Simple DC has one title, one date and no roles: `dc:creator` and `dc:contributor` give names (in
 * document order), `dc:date` the publication date. MODS has a place for every field.
 */
import { readFile } from 'node:fs/promises';
import type { ReadBack, ReadCreator } from './record.js';
import { attr, list, parseXml, text } from './xml.js';

const clean = (record: ReadBack): ReadBack => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ReadBack;
const first = (node: unknown): string | undefined => {
  const n = list(node)[0];
  return n === undefined ? undefined : text(n);
};
const date = (value: string | undefined): number | undefined => (value === undefined ? undefined : Date.parse(value));

export async function readDublinCore(file: string): Promise<ReadBack> {
  const xml = await readFile(file, 'utf8');
  // Creators and contributors interleave in record order: read them in document order.
  const creators: ReadCreator[] = [...xml.matchAll(/<dc:(creator|contributor)>([^<]*)<\/dc:\1>/g)].map((m) => ({ name: parseXml(`<x>${m[2]}</x>`, []).x as string }));
  const dc = parseXml(xml, ['dc:subject', 'dc:title', 'dc:date']) ['oai_dc:dc'] as Record<string, unknown>;
  return clean({
    identifier: first(dc['dc:identifier']),
    title: first(dc['dc:title']),
    creators,
    publisher: first(dc['dc:publisher']),
    description: first(dc['dc:description']),
    subjects: list(dc['dc:subject']).map((s) => text(s) ?? ''),
    rights: first(dc['dc:rights']),
    source: first(dc['dc:source']),
    lang: first(dc['dc:language']),
    published: date(first(dc['dc:date'])),
  });
}

export async function readMods(file: string): Promise<ReadBack> {
  const doc = parseXml(await readFile(file, 'utf8'), ['name', 'subject', 'titleInfo', 'identifier']);
  const mods = doc.mods as Record<string, unknown>;
  const title = list(mods.titleInfo).find((t) => attr(t, 'type') === undefined) as Record<string, unknown> | undefined;
  const origin = mods.originInfo as Record<string, unknown>;
  const names = list(mods.name) as Record<string, unknown>[];
  const location = mods.location as Record<string, unknown> | undefined;
  return clean({
    identifier: first(mods.identifier),
    title: title && first(title.title),
    subtitle: title && first(title.subTitle),
    creators: names.map((n) => ({ name: first(n.namePart) ?? '', role: first((n.role as Record<string, unknown>).roleTerm) })),
    publisher: first(origin.publisher),
    description: first(mods.abstract),
    subjects: list(mods.subject).map((s) => first((s as Record<string, unknown>).topic) ?? ''),
    rights: first(mods.accessCondition),
    source: location && first(location.url),
    lang: first((mods.language as Record<string, unknown>).languageTerm),
    published: date(first(origin.dateIssued)),
    modified: date(first(origin.dateModified)),
  });
}
