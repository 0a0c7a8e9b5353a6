/**
 * The NCX, for reading systems that predate EPUB 3 (EPUB 2.0.1 / DAISY Z39.86-2005,
 * https://www.w3.org/TR/epub-33/#sec-opf2-ncx): the same tree as the navigation document, and the
 * page list when there is one.
 */
import type { MetadataRecord } from '../metadata/record.js';
import type { PageMarker } from './page-breaks.js';
import type { TocEntry } from './toc-tree.js';
import { el, escapeXml } from '../xml.js';

export function ncxDocument(record: MetadataRecord, toc: TocEntry[], pages: { file: string; marker: PageMarker }[]): string {
  let order = 0;
  const depth = (list: readonly TocEntry[]): number => (list.length === 0 ? 0 : 1 + Math.max(...list.map((e) => depth(e.children))));
  const point = (e: TocEntry): string => {
    const n = ++order;
    return el('navPoint', { id: `nav-${n}`, playOrder: n }, [
      el('navLabel', { 'xml:lang': e.lang }, el('text', {}, escapeXml(e.text))),
      el('content', { src: e.href }, null),
      ...e.children.map(point),
    ]);
  };
  const navMap = el('navMap', {}, toc.map(point));
  const pageList = pages.length === 0 ? '' : el('pageList', {}, pages.map(({ file, marker }) => {
    const n = ++order;
    const arabic = /^\d+$/.test(marker.label);
    return el('pageTarget', { id: `pt-${n}`, type: arabic ? 'normal' : 'front', value: arabic ? marker.label : undefined, playOrder: n }, [
      el('navLabel', {}, el('text', {}, escapeXml(marker.label))),
      el('content', { src: `${file}#${marker.id}` }, null),
    ]);
  }));
  const head = el('head', {}, [
    el('meta', { name: 'dtb:uid', content: record.identifier }, null),
    el('meta', { name: 'dtb:depth', content: depth(toc) }, null),
    el('meta', { name: 'dtb:totalPageCount', content: pages.length }, null),
    el('meta', { name: 'dtb:maxPageNumber', content: Math.max(0, ...pages.map((p) => (/^\d+$/.test(p.marker.label) ? Number(p.marker.label) : 0))) }, null),
  ]);
  const docTitle = el('docTitle', {}, el('text', {}, escapeXml(record.title)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': record.lang }, [head, docTitle, navMap, pageList])}\n`;
}
