/**
 * Language and direction marks on elements (WCAG 3.1.2 Language of Parts,
 * https://www.w3.org/WAI/WCAG22/Understanding/language-of-parts). XHTML in EPUB carries both
 * `lang` and `xml:lang`, equal, as the EPUB 3.3 content rules recommend. `dir` follows the language
 * (an Arabic span in an English paragraph is `dir="rtl"`, an English one in Arabic text `dir="ltr"`)
 * unless the source said otherwise, and is written only where the direction changes: an element
 * with `dir` is a bidi isolate, so the text around it keeps its own order
 * (https://www.w3.org/International/articles/inline-bidi-markup/).
 */
import { firstStrongDirection, languageDirection, type TextDirection } from '../../../model/language.js';
import { differentLanguage } from '../labels.js';
import { el, type Attrs } from '../../xml.js';
import type { RenderContext } from './context.js';

/**
 * Attributes for a node that may set its own language and direction, and the context for its
 * children. Nothing is written when language and direction are the surrounding ones.
 */
export function languageOf(node: { lang?: string; dir?: TextDirection }, ctx: RenderContext): [Attrs, RenderContext] {
  const attrs: Attrs = {};
  let inner = ctx;
  const newLang = node.lang !== undefined && differentLanguage(node.lang, ctx.lang);
  if (newLang && node.lang) {
    attrs.lang = node.lang;
    attrs['xml:lang'] = node.lang;
    inner = { ...inner, lang: node.lang };
  }
  const dir = node.dir ?? (newLang && node.lang ? languageDirection(node.lang) : undefined);
  if (dir !== undefined && dir !== ctx.dir) {
    attrs.dir = dir;
    inner = { ...inner, dir };
  }
  return [attrs, inner];
}

/** `lang` + `xml:lang` for a fixed tag, or nothing. */
export function langAttrs(lang: string | undefined): Attrs {
  return lang ? { lang, 'xml:lang': lang } : {};
}

/**
 * `lang` + `xml:lang` for text in `lang` inside an element of direction `around`, with `dir` when
 * the language is written the other way (English labels in a Persian book get `dir="ltr"`).
 */
export function localAttrs(lang: string | undefined, around: TextDirection): Attrs {
  if (!lang) return {};
  const dir = languageDirection(lang);
  return dir === around ? langAttrs(lang) : { ...langAttrs(lang), dir };
}

/**
 * `xhtml` (the markup of `text`) isolated in a `<bdi>` when its first letter runs against `around`:
 * a Hebrew name in an English byline, or a Latin one in an Arabic byline, then keeps its commas and
 * neighbours in place (https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-bdi-element).
 */
export function isolate(xhtml: string, text: string, around: TextDirection, attrs: Attrs = {}): string {
  const dir = firstStrongDirection(text);
  const needed = Object.keys(attrs).length > 0 || (dir !== undefined && dir !== around);
  return needed ? el('bdi', attrs, xhtml) : xhtml;
}

/** The direction a document or element in `lang` takes: the source's `dir`, else its language's. */
export function directionOf(lang: string, dir?: TextDirection): TextDirection {
  return dir ?? languageDirection(lang);
}
