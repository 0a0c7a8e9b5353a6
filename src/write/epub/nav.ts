/**
 * The EPUB navigation document (https://www.w3.org/TR/epub-33/#sec-nav): the `toc` nav nested to the
 * article headings, `landmarks`, and with a page map a flat `page-list`. It is also a page in the
 * spine, so the visible contents is the same list reading systems use.
 */
import type { MetadataRecord } from '../metadata/record.js';
import { labelLang, labelsFor } from './labels.js';
import type { PageMarker } from './page-breaks.js';
import { FRONT_AND_BACK, type ArticlePlan } from './plan.js';
import type { TocEntry } from './toc-tree.js';
import { el, escapeXml } from '../xml.js';
import { localAttrs } from './xhtml/language.js';
import type { TextDirection } from '../../model/language.js';
import { xhtmlDocument } from './pages/document.js';

export interface NavInput {
  record: MetadataRecord;
  /** Direction of the publication's language. */
  dir: TextDirection;
  toc: TocEntry[];
  /** The first article: where the body matter starts. */
  first: ArticlePlan;
  /** Page-break markers in page order, with the file each sits in. */
  pages: { file: string; marker: PageMarker }[];
}

/** Entries in another language carry it, and its direction when that differs (an Arabic article in an English book). */
function entries(list: readonly TocEntry[], dir: TextDirection): string {
  return el('ol', {}, list.map((e) => el('li', {}, el('a', { href: e.href, ...localAttrs(e.lang, dir) }, e.label) + (e.children.length > 0 ? entries(e.children, dir) : ''))));
}

export function navDocument({ record, dir, toc, first, pages }: NavInput): string {
  const labels = labelsFor(record.lang);
  const mark = localAttrs(labelLang(labels, record.lang), dir);
  const heading = (level: number, id: string, text: string): string => el(`h${level}`, { id, ...mark }, escapeXml(text));
  const tocNav = el('nav', { 'epub:type': 'toc', role: 'doc-toc', id: 'toc', 'aria-labelledby': 'toc-title' }, heading(1, 'toc-title', labels.contents) + entries(toc, dir));
  const landmark = (type: string, href: string, text: string): string => el('li', {}, el('a', { 'epub:type': type, href, ...mark }, escapeXml(text)));
  const landmarks = el('nav', { 'epub:type': 'landmarks', id: 'landmarks', 'aria-labelledby': 'landmarks-title', hidden: true }, heading(2, 'landmarks-title', labels.landmarks) + el('ol', {}, [
    landmark('cover', FRONT_AND_BACK.cover, labels.cover),
    landmark('titlepage', FRONT_AND_BACK.titlePage, labels.titlePage),
    landmark('toc', `${FRONT_AND_BACK.nav}#toc`, labels.contents),
    landmark('bodymatter', first.file, labels.startOfContent),
  ]));
  const pageList = pages.length === 0 ? '' : el('nav', { 'epub:type': 'page-list', role: 'doc-pagelist', id: 'page-list', 'aria-labelledby': 'page-list-title', hidden: true },
    heading(2, 'page-list-title', labels.pages) + el('ol', {}, pages.map((p) => el('li', {}, el('a', { href: `${p.file}#${p.marker.id}` }, escapeXml(p.marker.label))))));
  return xhtmlDocument({ lang: record.lang, dir, title: labels.contents, titleLang: labelLang(labels, record.lang), body: [tocNav, landmarks, pageList].filter(Boolean).join('\n') });
}
