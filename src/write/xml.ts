/**
 * The one place where text becomes XML. Every XML document broadsheet writes (the EPUB's documents,
 * the OPF, the PDF's XMP packet, the cover's SVG) escapes through {@link escapeXml}, and the EPUB's
 * are built from {@link el}, so no string reaches a file unescaped.
 */

/**
 * Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
 * https://www.w3.org/TR/xml/#charsets — readers strip them from input; the writer drops any that
 * slip through rather than produce a package no reading system can open.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Any character {@link NOT_XML} might match (every surrogate, paired or not): cheap tests that spare
 * most text the look-around of NOT_XML, which made escaping the costliest part of writing an EPUB.
 */
const MAY_BE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Either that or a character to escape: most text has neither, and is scanned once. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const SPECIALS = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values alike. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const xml = MAY_BE_NOT_XML.test(text) ? text.replace(NOT_XML, '') : text;
  return xml.replace(SPECIALS, (c) => ENTITIES[c] ?? c);
}

/** Attribute values; `undefined` and `false` leave the attribute out, `true` writes it empty. */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** ` name="value"` pairs in the given order (stable output), escaped. */
export function attrs(list: Attrs): string {
  let out = '';
  // Keys, not entries: no [name, value] array per attribute (about half the time of this function).
  for (const name of Object.keys(list)) {
    const value = list[name];
    if (value === undefined || value === false) continue;
    out += ` ${name}="${value === true ? '' : escapeXml(String(value))}"`;
  }
  return out;
}

/**
 * An element. `content` is markup that is already safe (built by `el`/`escapeXml`); `null` makes a
 * self-closing element (`<img/>`), which XHTML allows for any element.
 */
export function el(name: string, list: Attrs = {}, content: string | readonly string[] | null = ''): string {
  if (content === null) return `<${name}${attrs(list)}/>`;
  const inner = typeof content === 'string' ? content : content.join('');
  return `<${name}${attrs(list)}>${inner}</${name}>`;
}
