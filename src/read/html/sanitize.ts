/**
 * Untrusted HTML → a safe hast tree, rebuilt against the allowlist in allowlist.ts (the way
 * hast-util-sanitize does it): every node of the input is read as untrusted, and only what the
 * allowlist names is copied into a new tree.
 *
 * It works on the one tree the HTML parser (parse5, the browsers' algorithm) built, and the model
 * mapping reads that same tree. An earlier version serialised parse5's tree and let sanitize-html
 * (htmlparser2) parse it again; the two parsers disagree on `<noscript>`, comments, `<svg><style>`
 * and other raw-text corners, so a comment inside `<noscript>` could swallow the paragraph after it.
 * With one parse there is nothing to disagree about.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlSchema } from 'property-information';
import type { Diagnostics } from '../../check/diagnostic.js';
import {
  ALLOWED_CLASSES,
  ALLOWED_ELEMENTS,
  ATTRIBUTE_VALUES,
  DISCARDED_WITH_CONTENT,
  ELEMENT_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  RENAMED_ELEMENTS,
  SPACED_ELEMENTS,
  URL_ATTRIBUTES,
  type AllowedElement,
} from './allowlist.js';
import { parseHtml } from './parse.js';
import { allowedHref, allowedSrc } from './url-policy.js';
import { stripXmlIllegal } from './xml-chars.js';

/** A sanitized tree and the number of XML-illegal characters removed from it. */
export interface SanitizedTree {
  tree: Root;
  /** Characters removed because XML forbids them; the caller warns when this is not 0. */
  removedCharacters: number;
}

/** Sanitized HTML (serialised from the sanitized tree), for callers that want text. */
export interface Sanitized {
  html: string;
  removedCharacters: number;
}

const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);
const DISCARDED = new Set(DISCARDED_WITH_CONTENT);
const GLOBAL = new Set(GLOBAL_ATTRIBUTES);
const SPACED = new Set(SPACED_ELEMENTS);

/**
 * Makes a parsed tree safe to map into the model. The input is not changed. Elements the allowlist
 * does not name are unwrapped (their text stays), renamed when they separate blocks, or dropped with
 * their content when they hold code or styling; comments, doctypes and raw nodes are dropped.
 */
export function sanitizeTree(tree: Root): SanitizedTree {
  const counter = { removed: 0 };
  return { tree: { type: 'root', children: children(tree.children as unknown[], counter) }, removedCharacters: counter.removed };
}

/** Makes untrusted HTML (a fragment or a whole document) safe: parsed once, sanitized as a tree. */
export function sanitize(input: string): Sanitized {
  const raw = stripXmlIllegal(input);
  const safe = sanitizeTree(parseHtml(raw.text, { fragment: true }).tree);
  return { html: toHtml(safe.tree, { closeSelfClosing: true }), removedCharacters: raw.removed + safe.removedCharacters };
}

interface Counter { removed: number }

/** The safe copies of a list of untrusted nodes. */
function children(nodes: unknown[], counter: Counter): ElementContent[] {
  return nodes.flatMap((node) => one(node, counter));
}

function one(node: unknown, counter: Counter): ElementContent[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: unknown };
  if (n.type === 'text') {
    const value = (node as { value?: unknown }).value;
    if (typeof value !== 'string') return [];
    return [{ type: 'text', value: clean(value, counter) }];
  }
  if (n.type !== 'element') return []; // comments, doctypes, raw HTML: never copied
  const { tagName, properties, children: kids } = node as { tagName?: unknown; properties?: unknown; children?: unknown };
  if (typeof tagName !== 'string') return [];
  const name = tagName.toLowerCase();
  const inner = Array.isArray(kids) ? kids : [];
  // `<template>` keeps its content outside `children` in hast; both are dropped with it.
  if (DISCARDED.has(name)) return [];
  const props = typeof properties === 'object' && properties !== null ? (properties as Properties) : {};
  const renamed = Object.hasOwn(RENAMED_ELEMENTS, name) ? RENAMED_ELEMENTS[name] : undefined;
  const target = renamed ?? (ALLOWED.has(name) ? (name as AllowedElement) : undefined);
  if (target === undefined) {
    const content = children(inner, counter);
    return SPACED.has(name) && content.length > 0 ? [{ type: 'text', value: ' ' }, ...content, { type: 'text', value: ' ' }] : content;
  }
  // Only task-list checkboxes are inputs worth keeping.
  if (target === 'input' && String(props['type'] ?? '').toLowerCase() !== 'checkbox') return [];
  const element: Element = { type: 'element', tagName: target, properties: attributes(target, props, counter), children: children(inner, counter) };
  return [element];
}

/** The allowed attributes of `tag`, with URLs checked by the URL policy and enumerations by value. */
function attributes(tag: AllowedElement, props: Properties, counter: Counter): Properties {
  const out: Properties = {};
  const perElement = ELEMENT_ATTRIBUTES[tag] ?? [];
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    const attribute = find(htmlSchema, key).attribute.toLowerCase();
    if (attribute === 'class') {
      const kept = allowedClasses(tag, value);
      if (kept.length > 0) out['className'] = kept;
      continue;
    }
    if (!GLOBAL.has(attribute) && !perElement.includes(attribute)) continue;
    const safe = safeValue(attribute, value, counter);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}

type Value = NonNullable<Properties[string]>;

function safeValue(attribute: string, value: Value, counter: Counter): Value | undefined {
  if (typeof value === 'boolean') return value;
  const text = clean(Array.isArray(value) ? value.join(' ') : String(value), counter);
  const kind = Object.hasOwn(URL_ATTRIBUTES, attribute) ? URL_ATTRIBUTES[attribute as keyof typeof URL_ATTRIBUTES] : undefined;
  if (kind === 'link') return allowedHref(text);
  if (kind === 'image') return allowedSrc(text);
  const values = Object.hasOwn(ATTRIBUTE_VALUES, attribute) ? ATTRIBUTE_VALUES[attribute] : undefined;
  if (!values) return typeof value === 'number' ? value : text;
  const tokens = text.toLowerCase().split(/[ \t\n\f\r]+/).filter((t) => values.includes(t));
  return tokens.length > 0 ? tokens.join(' ') : undefined;
}

/** Classes listed for `tag` in ALLOWED_CLASSES; `language-*` allows any class with that prefix. */
function allowedClasses(tag: AllowedElement, value: Value): string[] {
  const allowed = ALLOWED_CLASSES[tag];
  if (!allowed) return [];
  const names = Array.isArray(value) ? value.map(String) : String(value).split(/[ \t\n\f\r]+/);
  return names.filter((name) => {
    if (stripXmlIllegal(name).removed > 0) return false;
    return allowed.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) && name.length > pattern.length - 1 : name === pattern));
  });
}

/** Text without XML-illegal characters; the parser decodes `&#1;` into one, so this runs on the tree. */
function clean(value: string, counter: Counter): string {
  const stripped = stripXmlIllegal(value);
  counter.removed += stripped.removed;
  return stripped.text;
}

/** Tells the user how many characters XML forbids were removed from `file` (nothing disappears silently). */
export function warnRemovedCharacters(diagnostics: Diagnostics, file: string, removed: number): void {
  if (removed === 0) return;
  diagnostics.warn({
    code: 'read.illegal-characters',
    file,
    message: `${removed} character${removed === 1 ? '' : 's'} that XML does not allow (control characters, lone surrogates) ${removed === 1 ? 'was' : 'were'} removed`,
    fix: 'check the file’s encoding, or remove the invisible characters',
  });
}
