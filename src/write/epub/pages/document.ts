/**
 * The XHTML shell every content document shares: language on the root (both `lang` and
 * `xml:lang`), a meaningful `<title>`, the one style sheet
 * (https://www.w3.org/TR/epub-33/#sec-xhtml).
 */
import type { TextDirection } from '../../../model/language.js';
import { el, escapeXml } from '../../xml.js';
import { langAttrs } from '../xhtml/language.js';

export interface XhtmlDocument {
  lang: string;
  /** Written on `<html>` unless `ltr`, the default (https://www.w3.org/TR/epub-33/#sec-xhtml-dir). */
  dir?: TextDirection;
  title: string;
  /** Language of the title when it differs from the document's. */
  titleLang?: string;
  body: string;
  bodyClass?: string;
}

export function xhtmlDocument(doc: XhtmlDocument): string {
  const root = { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', ...langAttrs(doc.lang), dir: doc.dir === 'ltr' ? undefined : doc.dir };
  const head = el('head', {}, [
    '\n  <meta charset="UTF-8"/>\n  ',
    el('title', langAttrs(doc.titleLang), escapeXml(doc.title)),
    '\n  <link rel="stylesheet" type="text/css" href="style.css"/>\n',
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${el('html', root, `\n${head}\n${el('body', { class: doc.bodyClass }, `\n${doc.body}\n`)}\n`)}\n`;
}
