/**
 * One XML parser configuration for every read-back (OPF, XMP): attributes kept (`@_name`), values
 * left as strings, and character references decoded.
 *
 * Why `htmlEntities`: fast-xml-parser decodes only the five predefined entities by default and
 * leaves numeric character references (`&#39;`, which the OPF writes for `'`) as text; a real XML
 * client decodes them, and this option is the parser's switch for numeric references.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = string | { [key: string]: unknown };

export function parseXml(text: string, arrays: readonly string[]): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    // Values in these fixtures have no surrounding white space; trimming drops the indentation
    // between elements, which would otherwise become text nodes.
    trimValues: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** Text content of an element parsed with attributes (`{ '#text': …, '@_id': … }`) or without. */
export function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node !== null && typeof node === 'object' && '#text' in node) {
    const value = (node as { '#text': unknown })['#text'];
    return typeof value === 'string' ? value : undefined;
  }
  // An element with attributes but no content.
  if (node !== null && typeof node === 'object') return '';
  return undefined;
}

/** An attribute of a parsed element. */
export function attr(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** `value` as a list (absent → empty). */
export function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
