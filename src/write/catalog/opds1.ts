/**
 * The catalogue as an OPDS 1.2 acquisition feed (`catalog.xml`, https://specs.opds.io/opds-1.2),
 * an Atom feed (RFC 4287) that every OPDS reader understands (KOReader, Moon+ Reader, Foliate,
 * Thorium): one `atom:entry` per publication with Dublin Core terms, the cover and thumbnail
 * image links and acquisition links to the EPUB and the PDF with their `length`.
 *
 * Atom asks each entry for an author (or one on the feed: the feed has one) and for a content or an
 * alternate link: the description is the entry's `content`.
 */
import { v5 as uuidv5 } from 'uuid';
import { opfDate, opfDateTime } from '../metadata/opf.js';
import { el, escapeXml } from '../xml.js';
import { ACQUISITION, isAbsoluteUri, OPDS_ATOM_TYPE, OPDS_JSON_TYPE, type CatalogEntry, type CatalogFeed } from './entry.js';

/** RFC 4122 namespace for entry ids made from identifiers that are not URIs (a fixed random UUID). */
const ENTRY_NAMESPACE = '6c1f7b52-8f0e-4d3a-a0a5-3f4e2b9d7c81';

export function opdsAtom(feed: CatalogFeed): string {
  const head = [
    el('id', {}, escapeXml(feed.id)),
    el('title', {}, escapeXml(feed.title)),
    el('updated', {}, opfDateTime(feed.modified)),
    el('author', {}, el('name', {}, escapeXml(feed.author))),
    el('generator', { version: feed.generator.version }, escapeXml(feed.generator.name)),
    link('self', feed.xml, OPDS_ATOM_TYPE),
    link('start', feed.xml, OPDS_ATOM_TYPE),
    link('alternate', feed.json, OPDS_JSON_TYPE),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog">\n' +
    head.map((line) => `  ${line}\n`).join('') +
    feed.entries.map(entry).join('') +
    '</feed>\n'
  );
}

/** An entry id: the identifier itself when it is a URI, else a name-based UUID of it (RFC 4287 §4.2.6). */
export function entryId(identifier: string): string {
  return isAbsoluteUri(identifier) ? identifier : `urn:uuid:${uuidv5(identifier, ENTRY_NAMESPACE)}`;
}

function entry(e: CatalogEntry): string {
  const r = e.record;
  const lang = { 'xml:lang': r.lang };
  const lines: string[] = [
    el('title', lang, escapeXml(r.title)),
    el('id', {}, escapeXml(entryId(r.identifier))),
    el('updated', {}, opfDateTime(r.modified)),
  ];
  for (const c of r.creators) {
    // Atom has authors and contributors; the role itself is kept for readers that look (MARC relator).
    const name = el('name', {}, escapeXml(c.name));
    lines.push(c.role === 'aut' ? el('author', {}, name) : el('contributor', {}, name));
  }
  lines.push(el('dc:identifier', {}, escapeXml(r.identifier)));
  if (r.subtitle) lines.push(el('dc:alternative', lang, escapeXml(r.subtitle)));
  if (r.publisher) lines.push(el('dc:publisher', {}, escapeXml(r.publisher)));
  lines.push(el('dc:issued', {}, opfDate(r.published)), el('dc:language', {}, escapeXml(r.lang)));
  if (r.series) lines.push(el('dc:isPartOf', {}, escapeXml(r.series.position === undefined ? r.series.name : `${r.series.name} ${r.series.position}`)));
  for (const subject of r.subjects) lines.push(el('category', { term: subject, label: subject }, null));
  if (r.rights) lines.push(el('rights', lang, escapeXml(r.rights)));
  lines.push(el('content', { type: 'text', ...lang }, escapeXml(r.description)));
  lines.push(
    link('http://opds-spec.org/image', e.cover.href, e.cover.type),
    link('http://opds-spec.org/image/thumbnail', e.thumbnail.href, e.thumbnail.type),
    ...e.editions.map((ed) => link(ACQUISITION, ed.href, ed.type, ed.length)),
    link('describedby', e.jsonld.href, e.jsonld.type),
  );
  return `  <entry>\n${lines.map((l) => `    ${l}\n`).join('')}  </entry>\n`;
}

function link(rel: string, href: string, type: string, length?: number): string {
  return el('link', { rel, href, type, length }, null);
}

