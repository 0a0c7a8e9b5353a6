/**
 * One XML parser setting for everything `verify` reads back (OPF, XMP, Dublin Core, MODS):
 * attributes kept as `@_name`, values left as strings, character references decoded as a real XML
 * client decodes them (fast-xml-parser leaves `&#39;` as text unless `htmlEntities` is on).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlObject = Record<string, unknown>;

export function parseXml(text: string, arrays: readonly string[] = []): XmlObject | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    trimValues: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text) as XmlObject;
}

/** `value` as a list (absent → empty). */
export function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Text of an element parsed with or without attributes. */
export function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node !== null && typeof node === 'object' && '#text' in node) {
    const value = (node as { '#text': unknown })['#text'];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as XmlObject)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The first text of `node` (or of the first element of a list). */
export function first(node: unknown): string | undefined {
  const n = list(node)[0];
  return n === undefined ? undefined : text(n);
}
