/**
 * The metadata record as simple Dublin Core in the `oai_dc` container that OAI-PMH harvesters ask
 * for (http://www.openarchives.org/OAI/2.0/oai_dc.xsd; elements: https://www.dublincore.org/specifications/dublin-core/dces/).
 *
 * Why from the record, in the OPF's own syntax: `dc:date` is `opfDate`, names and strings are the
 * record's, so a harvester, a reading system and a PDF viewer read the same values (parity tests).
 * Simple DC has one date and no roles: authors (`aut`) are `dc:creator`, everyone else
 * `dc:contributor`; the subtitle and the modification date have no element here (MODS carries them).
 */
import { opfDate } from '../metadata/opf.js';
import type { MetadataRecord } from '../metadata/record.js';
import { el, escapeXml } from '../xml.js';

/** The media types of the two editions a build makes (`dc:format`). */
export const EDITION_FORMATS = ['application/epub+zip', 'application/pdf'] as const;

export function dublinCore(record: MetadataRecord): string {
  const dc = (name: string, value: string, lang?: string): string =>
    `  ${el(`dc:${name}`, { 'xml:lang': lang }, escapeXml(value))}\n`;
  let body = dc('identifier', record.identifier);
  body += dc('title', record.title, record.lang);
  for (const c of record.creators) body += dc(c.role === 'aut' ? 'creator' : 'contributor', c.name);
  if (record.publisher) body += dc('publisher', record.publisher);
  body += dc('date', opfDate(record.published));
  body += dc('language', record.lang);
  body += dc('description', record.description, record.lang);
  for (const subject of record.subjects) body += dc('subject', subject, record.lang);
  // DCMI Type Vocabulary: https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/
  body += dc('type', 'Text');
  for (const format of EDITION_FORMATS) body += dc('format', format);
  if (record.source) body += dc('source', record.source);
  if (record.series) body += dc('relation', record.series.name);
  if (record.rights) body += dc('rights', record.rights);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">\n' +
    `${body}</oai_dc:dc>\n`
  );
}
