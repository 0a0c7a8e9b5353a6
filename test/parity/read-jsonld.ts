/**
 * Reads the schema.org JSON-LD record (a `Book`) back into the parity record. Roles come from the
 * property a person is listed under (https://schema.org/author, editor, translator, illustrator,
 * contributor); schema.org keeps order within one property, not across them.
 */
import { readFile } from 'node:fs/promises';
import type { ReadBack, ReadCreator } from './record.js';

/** schema.org property → MARC relator code. */
export const ROLE_PROPERTIES: readonly (readonly [string, string])[] = [
  ['author', 'aut'],
  ['editor', 'edt'],
  ['translator', 'trl'],
  ['illustrator', 'ill'],
  ['contributor', 'ctb'],
];

type JsonObject = Record<string, unknown>;

export interface JsonLdReadBack {
  record: ReadBack;
  /** Dates as written, for syntax checks. */
  raw: { datePublished?: string; dateModified?: string };
  json: JsonObject;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function readJsonLd(file: string): Promise<JsonLdReadBack> {
  const json = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
  const creators: ReadCreator[] = ROLE_PROPERTIES.flatMap(([property, role]) => {
    const people = Array.isArray(json[property]) ? (json[property] as JsonObject[]) : json[property] ? [json[property] as JsonObject] : [];
    return people.map((p) => ({ name: str(p.name) ?? '', role }));
  });
  const datePublished = str(json.datePublished);
  const dateModified = str(json.dateModified);
  const record: ReadBack = {
    identifier: str(json.identifier),
    title: str(json.name),
    subtitle: str(json.alternativeHeadline),
    creators,
    publisher: str((json.publisher as JsonObject | undefined)?.name),
    description: str(json.description),
    subjects: Array.isArray(json.keywords) ? (json.keywords as unknown[]).map((k) => str(k) ?? '') : [],
    // A URL is written as `license`, a notice as `copyrightNotice` (metadata/jsonld.ts).
    rights: str(json.license) ?? str(json.copyrightNotice),
    source: str(json.url),
    lang: str(json.inLanguage),
    published: datePublished === undefined ? undefined : Date.parse(datePublished),
    modified: dateModified === undefined ? undefined : Date.parse(dateModified),
  };
  return {
    record: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ReadBack,
    raw: { datePublished, dateModified },
    json,
  };
}

/**
 * `creators` as JSON-LD can give them back: grouped by role in `ROLE_PROPERTIES` order, the order
 * within a role kept (roles outside the named ones become `ctb`).
 */
export function groupedByRole(creators: readonly ReadCreator[]): ReadCreator[] {
  const named = ROLE_PROPERTIES.map(([, role]) => role);
  const roleOf = (c: ReadCreator): string => (c.role !== undefined && named.includes(c.role) ? c.role : 'ctb');
  return named.flatMap((role) => creators.filter((c) => roleOf(c) === role).map((c) => ({ name: c.name, role })));
}
