/**
 * The metadata record as MODS 3.8 (https://www.loc.gov/standards/mods/), the Library of Congress's
 * bibliographic format that repositories (Islandora, Samvera, DSpace) ingest.
 *
 * Every value is the record's, in the OPF's date syntax (`opfDate`, `opfDateTime`), so MODS agrees
 * with the OPF, the XMP and the JSON-LD field for field. Roles are MARC relator codes
 * (https://id.loc.gov/vocabulary/relators), as in the OPF.
 */
import { opfDate, opfDateTime } from '../metadata/opf.js';
import type { MetadataRecord } from '../metadata/record.js';
import { el, escapeXml } from '../xml.js';
import { EDITION_FORMATS } from './dublin-core.js';

const text = (name: string, value: string, attrs: Record<string, string | undefined> = {}): string => el(name, attrs, escapeXml(value));

/** MODS `identifier@type` for the record's identifier (https://www.loc.gov/standards/sourcelist/standard-identifier.html). */
export function identifierType(identifier: string): string {
  if (/^urn:isbn:/i.test(identifier)) return 'isbn';
  if (/^urn:uuid:/i.test(identifier)) return 'uuid';
  if (/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/|10\.\d{4,}\/)/i.test(identifier)) return 'doi';
  return 'uri';
}

export function mods(record: MetadataRecord): string {
  const lines: string[] = [];
  const add = (line: string): number => lines.push(`  ${line}`);
  add(el('titleInfo', { 'xml:lang': record.lang }, [text('title', record.title), record.subtitle ? text('subTitle', record.subtitle) : ''].join('')));
  for (const c of record.creators) {
    add(el('name', {}, [
      text('namePart', c.name),
      text('displayForm', c.fileAs),
      el('role', {}, text('roleTerm', c.role, { type: 'code', authority: 'marcrelator', authorityURI: 'http://id.loc.gov/vocabulary/relators' })),
    ].join('')));
  }
  add(text('typeOfResource', 'text'));
  add(text('genre', 'book', { authority: 'marcgt' }));
  add(el('originInfo', { eventType: 'publication' }, [
    record.publisher ? text('publisher', record.publisher) : '',
    text('dateIssued', opfDate(record.published), { encoding: 'w3cdtf', keyDate: 'yes' }),
    text('dateModified', opfDateTime(record.modified), { encoding: 'w3cdtf' }),
    text('issuance', 'monographic'),
  ].join('')));
  add(el('language', {}, text('languageTerm', record.lang, { type: 'code', authority: 'rfc5646' })));
  add(el('physicalDescription', {}, [
    ...EDITION_FORMATS.map((f) => text('internetMediaType', f)),
    text('digitalOrigin', 'born digital'),
  ].join('')));
  add(text('abstract', record.description, { 'xml:lang': record.lang }));
  for (const subject of record.subjects) add(el('subject', {}, text('topic', subject)));
  if (record.series) {
    const position = record.series.position;
    add(el('relatedItem', { type: 'series' }, [
      el('titleInfo', {}, text('title', record.series.name)),
      position === undefined ? '' : el('part', {}, el('detail', { type: 'volume' }, text('number', String(position)))),
    ].join('')));
  }
  add(text('identifier', record.identifier, { type: identifierType(record.identifier) }));
  if (record.source) add(el('location', {}, text('url', record.source, { usage: 'primary', access: 'object in context' })));
  if (record.rights) add(text('accessCondition', record.rights, { type: 'use and reproduction' }));
  add(el('recordInfo', {}, [
    text('recordChangeDate', opfDateTime(record.modified), { encoding: 'w3cdtf' }),
    text('recordOrigin', record.producer),
  ].join('')));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<mods xmlns="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.8"' +
    ' xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd">\n' +
    `${lines.join('\n')}\n</mods>\n`
  );
}
