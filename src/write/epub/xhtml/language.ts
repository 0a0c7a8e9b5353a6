/**
 * Language marks on elements (WCAG 3.1.2 Language of Parts,
 * https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts). XHTML in EPUB carries both
 * `lang` and `xml:lang`, equal, as the EPUB 3.3 content rules recommend.
 */
import { differentLanguage } from '../labels.js';
import type { Attrs } from '../../xml.js';
import type { RenderContext } from './context.js';

/**
 * Attributes for a node that may set its own language and direction, and the context for its
 * children (in the new language). Nothing is written when the language is the surrounding one.
 */
export function languageOf(node: { lang?: string; dir?: 'ltr' | 'rtl' | 'auto' }, ctx: RenderContext): [Attrs, RenderContext] {
  const attrs: Attrs = {};
  let inner = ctx;
  if (node.lang && differentLanguage(node.lang, ctx.lang)) {
    attrs.lang = node.lang;
    attrs['xml:lang'] = node.lang;
    inner = { ...ctx, lang: node.lang };
  }
  if (node.dir) attrs.dir = node.dir;
  return [attrs, inner];
}

/** `lang` + `xml:lang` for a fixed tag, or nothing. */
export function langAttrs(lang: string | undefined): Attrs {
  return lang ? { lang, 'xml:lang': lang } : {};
}
