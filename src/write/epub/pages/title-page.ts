/**
 * The title page (SSV `titlepage`; DPUB-ARIA has no matching role, so none is written): title,
 * subtitle, creators, publisher and series.
 */
import type { MetadataRecord } from '../../metadata/record.js';
import type { TextDirection } from '../../../model/language.js';
import type { Labels } from '../labels.js';
import { isolate } from '../xhtml/language.js';
import { el, escapeXml } from '../../xml.js';
import { nameList } from './dates.js';
import { xhtmlDocument } from './document.js';

export function titlePageDocument(record: MetadataRecord, labels: Labels, dir: TextDirection): string {
  const parts = [
    el('h1', {}, escapeXml(record.title)),
    record.subtitle ? el('p', { class: 'dek', 'epub:type': 'subtitle', role: 'doc-subtitle' }, escapeXml(record.subtitle)) : '',
    record.creators.length > 0 ? el('p', { class: 'creators' }, nameList(record.creators.map((c) => isolate(escapeXml(c.name), c.name, dir)), record.lang)) : '',
    record.series ? el('p', { class: 'series' }, escapeXml(record.series.position !== undefined ? `${record.series.name} · ${record.series.position}` : record.series.name)) : '',
    record.publisher ? el('p', { class: 'publisher' }, escapeXml(record.publisher)) : '',
  ];
  const body = el('section', { class: 'title-page', 'epub:type': 'titlepage', 'aria-label': labels.titlePage }, parts.filter(Boolean).join('\n'));
  return xhtmlDocument({ lang: record.lang, dir, title: record.title, body });
}
