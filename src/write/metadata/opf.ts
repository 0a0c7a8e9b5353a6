/**
 * The metadata record as EPUB package metadata (EPUB 3.3 §5.5, https://www.w3.org/TR/epub-33/#sec-pkg-metadata).
 * Only the bibliographic record: the accessibility metadata is derived from the content by the
 * EPUB writer (src/write/epub/a11y.ts), because only it knows what the content holds.
 */
import { escapeXml, el } from '../xml.js';
import type { MetadataRecord } from './record.js';

/** Id of the `dc:identifier` that `<package unique-identifier>` names. */
export const IDENTIFIER_ID = 'pub-id';

/** `dcterms:modified` form: `YYYY-MM-DDThh:mm:ssZ`, exactly (https://www.w3.org/TR/epub-33/#sec-metadata-last-modified). */
export function opfDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `dc:date`: the calendar date when the instant is midnight UTC (a date-only input), else the instant. */
export function opfDate(date: Date): string {
  const iso = opfDateTime(date);
  return iso.endsWith('T00:00:00Z') ? iso.slice(0, 10) : iso;
}

/** The `<metadata>` children for `record`, indented for the package document, one per line. */
export function opfMetadata(record: MetadataRecord): string {
  const dc = (name: string, value: string, attrs: Record<string, string | undefined> = {}): string => el(`dc:${name}`, attrs, escapeXml(value));
  const meta = (property: string, value: string, refines?: string, scheme?: string): string =>
    el('meta', { refines: refines ? `#${refines}` : undefined, property, scheme }, escapeXml(value));
  const lines: string[] = [
    dc('identifier', record.identifier, { id: IDENTIFIER_ID }),
    dc('title', record.title, { id: 'title' }),
    meta('title-type', 'main', 'title'),
  ];
  if (record.subtitle) lines.push(dc('title', record.subtitle, { id: 'subtitle' }), meta('title-type', 'subtitle', 'subtitle'));
  record.creators.forEach((creator, i) => {
    const id = `creator-${i + 1}`;
    lines.push(
      dc('creator', creator.name, { id }),
      // https://www.w3.org/TR/epub-33/#sec-role with MARC relators (https://www.loc.gov/marc/relators/).
      meta('role', creator.role, id, 'marc:relators'),
      meta('file-as', creator.fileAs, id),
      meta('display-seq', String(i + 1), id),
    );
  });
  if (record.publisher) lines.push(dc('publisher', record.publisher));
  lines.push(dc('date', opfDate(record.published)), meta('dcterms:modified', opfDateTime(record.modified)));
  lines.push(dc('language', record.lang), dc('description', record.description));
  for (const subject of record.subjects) lines.push(dc('subject', subject));
  if (record.source) lines.push(dc('source', record.source));
  if (record.rights) lines.push(dc('rights', record.rights));
  if (record.series) {
    // https://www.w3.org/TR/epub-33/#sec-belongs-to-collection
    lines.push(el('meta', { property: 'belongs-to-collection', id: 'series' }, escapeXml(record.series.name)), meta('collection-type', 'series', 'series'));
    if (record.series.position !== undefined) lines.push(meta('group-position', String(record.series.position), 'series'));
  }
  return lines.map((l) => `    ${l}`).join('\n');
}
