/**
 * Untrusted SVG → safe SVG, as strictly as HTML: the document is parsed into a tree (fast-xml-parser,
 * entities left unexpanded) and a new document is written from it against the allowlist in
 * allowlist.ts. Nothing is filtered out of the source text; whatever is not rebuilt is gone:
 * scripts, event handlers, `foreignObject`, animation, the DOCTYPE and its entities (so no
 * "billion laughs"), links, and every reference outside the document except `data:` images, which
 * are decoded, sniffed and size-checked like any other image.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sniffImage } from '../sniff.js';
import {
  CORE_ATTRIBUTES,
  EMBEDDED_IMAGE_FORMATS,
  MAX_EMBEDDED_IMAGE_BYTES,
  PRESENTATION_ATTRIBUTES,
  REFERENCE_ATTRIBUTES,
  SVG_ELEMENTS,
  TEXT_ELEMENTS,
  UNWRAPPED_ELEMENTS,
} from './allowlist.js';
import { safeCssValue, sanitizeDeclarations, sanitizeStyleSheet } from './css.js';
import { svgSize } from './measure.js';

export interface SanitizedSvg {
  /** The rebuilt document, UTF-8 text with the SVG and XLink namespaces declared. */
  svg: string;
  /** Intrinsic size in CSS pixels. */
  width: number;
  height: number;
}

/** Parsed node of fast-xml-parser's `preserveOrder` form: `{ tag: children, ':@': attributes }`. */
type XmlNode = Record<string, unknown>;

const SHARED = new Set([...CORE_ATTRIBUTES, ...PRESENTATION_ATTRIBUTES]);
/** Nesting deeper than this is dropped: no real drawing needs it, and it bounds the recursion. */
const MAX_DEPTH = 256;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities stay as written: the DOCTYPE's are never expanded, the XML ones are decoded below.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
});

/** The sanitised SVG, or an error message saying why the bytes are not a usable SVG. */
export function sanitizeSvg(source: string): SanitizedSvg | { error: string } {
  const text = source.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  let tree: XmlNode[];
  try {
    tree = PARSER.parse(text) as XmlNode[];
  } catch (error) {
    return { error: `could not be parsed as XML (${error instanceof Error ? error.message : String(error)})` };
  }
  const root = tree.map((n) => element(n)).find((e) => e !== undefined);
  if (!root || localName(root.name) !== 'svg') return { error: 'has no <svg> root element' };
  const attrs = { ...root.attrs };
  const size = svgSize({ width: attrs['width'], height: attrs['height'], viewBox: attrs['viewBox'] });
  const body = root.children.map((c) => rebuild(c, 1)).join('');
  const rootAttrs = keptAttributes('svg', attrs);
  // Explicit pixel size and a viewBox, so every renderer (browser, resvg, svg-to-pdfkit) scales alike.
  if (!rootAttrs.some(([k]) => k === 'viewBox')) rootAttrs.push(['viewBox', `0 0 ${cssLength(attrs['width'], size.width)} ${cssLength(attrs['height'], size.height)}`]);
  const others = rootAttrs.filter(([k]) => k !== 'width' && k !== 'height' && k !== 'version');
  const head = [['xmlns', 'http://www.w3.org/2000/svg'], ['xmlns:xlink', 'http://www.w3.org/1999/xlink'], ['version', '1.1'], ['width', String(size.width)], ['height', String(size.height)], ...others];
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<svg${head.map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`).join('')}>${body}</svg>\n`;
  return { svg, ...size };
}

interface Element { name: string; attrs: Record<string, string>; children: XmlNode[] }

function element(node: XmlNode): Element | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name.startsWith('#') || name.startsWith('!')) return undefined;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) if (typeof v === 'string') attrs[k] = decodeEntities(v);
  const children = Array.isArray(node[name]) ? (node[name] as XmlNode[]) : [];
  return { name, attrs, children };
}

/** `svg:rect` → `rect`; other prefixes (inkscape:, sodipodi:) are foreign and return ''. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  return name.slice(0, colon) === 'svg' ? name.slice(colon + 1) : '';
}

function rebuild(node: XmlNode, depth: number, parent = ''): string {
  if (depth > MAX_DEPTH) return '';
  if ('#text' in node || '#cdata' in node) {
    if (!TEXT_ELEMENTS.includes(parent) || parent === 'style') return '';
    return escapeText(decodeEntities(textOf(node)));
  }
  const el = element(node);
  if (!el) return '';
  const name = localName(el.name);
  if (UNWRAPPED_ELEMENTS.includes(name)) return el.children.map((c) => rebuild(c, depth + 1, parent)).join('');
  if (!Object.hasOwn(SVG_ELEMENTS, name)) return '';
  const attrs = keptAttributes(name, el.attrs);
  if (name === 'image' && !attrs.some(([k]) => k === 'xlink:href')) return '';
  if (name === 'style') {
    const css = sanitizeStyleSheet(el.children.map((c) => decodeEntities(textOf(c))).join(''));
    return css ? `<style type="text/css">${escapeText(css)}</style>` : '';
  }
  const inner = el.children.map((c) => rebuild(c, depth + 1, name)).join('');
  const open = `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}`;
  return inner ? `${open}>${inner}</${name}>` : `${open}/>`;
}

/** The attributes of `name` that the allowlist keeps, with safe values; references as `xlink:href`. */
function keptAttributes(name: string, attrs: Record<string, string>): [string, string][] {
  const own = SVG_ELEMENTS[name] ?? [];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (REFERENCE_ATTRIBUTES.includes(key)) {
      if (!own.includes('href') || out.some(([k]) => k === 'xlink:href')) continue;
      const target = name === 'image' ? embeddedImage(value) : localFragment(value);
      if (target) out.push(['xlink:href', target]);
      continue;
    }
    if (key === 'style') {
      const style = sanitizeDeclarations(value);
      if (style) out.push(['style', style]);
      continue;
    }
    if (!own.includes(key) && !SHARED.has(key)) continue;
    const safe = safeCssValue(value);
    if (safe !== undefined) out.push([key, safe]);
  }
  return out;
}

function localFragment(value: string): string | undefined {
  const v = value.trim();
  return /^#[A-Za-z_][\w.:-]*$/.test(v) ? v : undefined;
}

/** A `data:` raster image, re-encoded from its decoded and sniffed bytes, or undefined. */
function embeddedImage(value: string): string | undefined {
  const m = /^\s*data:([^,;]*)((?:;[^,;]*)*),(.*)$/is.exec(value);
  if (!m || !/;base64/i.test(m[2] ?? '')) return undefined;
  const base64 = (m[3] ?? '').replace(/\s+/g, '');
  if (base64.length > (MAX_EMBEDDED_IMAGE_BYTES * 4) / 3 + 4) return undefined;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const format = sniffImage(bytes);
  if (!format || !EMBEDDED_IMAGE_FORMATS.includes(format)) return undefined;
  return `data:image/${format};base64,${Buffer.from(bytes).toString('base64')}`;
}

function textOf(node: XmlNode): string {
  if (typeof node['#text'] === 'string') return node['#text'];
  if (Array.isArray(node['#cdata'])) return (node['#cdata'] as XmlNode[]).map(textOf).join('');
  return '';
}

/** The five XML entities and character references; any other entity reference is dropped. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/gi, (_, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return xmlChar(code) ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref] ?? '';
  });
}

function xmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function cssLength(value: string | undefined, fallback: number): number {
  const n = Number(/^\s*([\d.]+)\s*(px)?\s*$/i.exec(value ?? '')?.[1]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, ' ');
