/**
 * The colophon (SSV `colophon` with DPUB-ARIA `doc-colophon`): what the edition is, where it comes
 * from, who may use it, and — in plain words — what a reader with a disability gets.
 */
import { opfDate } from '../../metadata/opf.js';
import type { MetadataRecord } from '../../metadata/record.js';
import { labelLang, type Labels } from '../labels.js';
import { el, escapeXml } from '../../xml.js';
import { webHref } from '../xhtml/href.js';
import { isolate, localAttrs } from '../xhtml/language.js';
import type { TextDirection } from '../../../model/language.js';
import { humanDate } from './dates.js';
import { xhtmlDocument } from './document.js';

export interface ColophonInput {
  record: MetadataRecord;
  /** Direction of the publication's language. */
  dir: TextDirection;
  labels: Labels;
  /** The generated accessibility summary and its language. */
  summary: string;
  summaryLang: string;
}

export function colophonDocument({ record, dir, labels, summary, summaryLang }: ColophonInput): string {
  const lang = record.lang;
  // The field names are broadsheet's words (perhaps English in a Persian book), the values the book's.
  const labelAttrs = localAttrs(labelLang(labels, lang), dir);
  const row = (term: string, value: string, valueLang?: string): string =>
    el('dt', labelAttrs, escapeXml(term)) + el('dd', localAttrs(valueLang, dir), value);
  const date = (d: Date): string => el('time', { datetime: opfDate(d) }, escapeXml(humanDate(d, lang)));
  const rows = [
    row(labels.identifier, isolate(escapeXml(record.identifier), record.identifier, dir)),
    record.source ? row(labels.source, isolate(sourceLink(record.source), record.source, dir)) : '',
    record.publisher ? row(labels.publisher, escapeXml(record.publisher)) : '',
    row(labels.published, date(record.published)),
    record.modified.getTime() !== record.published.getTime() ? row(labels.modified, date(record.modified)) : '',
    record.rights ? row(labels.rights, escapeXml(record.rights)) : '',
    record.series ? row(labels.series, escapeXml(record.series.position !== undefined ? `${record.series.name}, ${record.series.position}` : record.series.name)) : '',
    row(labels.accessibility, escapeXml(summary), labelLang({ ...labels, lang: summaryLang }, lang)),
    row(labels.producedWith, isolate(escapeXml(record.producer), record.producer, dir)),
  ];
  const headingId = 'colophon-title';
  const body = el('section', { class: 'colophon', 'epub:type': 'colophon', role: 'doc-colophon', 'aria-labelledby': headingId }, [
    el('h1', { id: headingId, ...labelAttrs }, escapeXml(labels.colophon)),
    el('dl', {}, rows.filter(Boolean).join('\n')),
  ]);
  return xhtmlDocument({ lang, dir, title: labels.colophon, titleLang: labelLang(labels, lang), body });
}

/** The source as a link when it is a web address (written as EPUBCheck accepts it), else as text. */
function sourceLink(source: string): string {
  const href = webHref(source);
  return href === undefined ? escapeXml(source) : el('a', { href }, escapeXml(source));
}
