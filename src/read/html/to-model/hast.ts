/**
 * Reading hast elements: typed access to the properties hast-util-from-html produces
 * (`class` → `className`, `colspan` → `colSpan`, `data-footnote-ref` → `dataFootnoteRef`).
 */
import type { Element, ElementContent, Nodes } from 'hast';

/** Whether a node is an element, and (when `names` are given) one of those. */
export function isElement(node: Nodes | undefined, ...names: string[]): node is Element {
  return node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

/** Whether an element is one of `names` (not a type guard, so it works on known elements). */
export function hasTag(node: Element, ...names: string[]): boolean {
  return names.includes(node.tagName);
}

/** A property as a string (space-separated lists joined), or undefined when absent. */
export function stringProp(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

/** A positive integer property (`start`, `colSpan`), or undefined. */
export function integerProp(node: Element, name: string): number | undefined {
  const value = node.properties[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** True when a boolean or data attribute is present (`data-footnote-ref` has the value ''). */
export function hasProp(node: Element, name: string): boolean {
  const value = node.properties[name];
  return value !== undefined && value !== null && value !== false;
}

/** The element's class names. */
export function classes(node: Element): string[] {
  // Typed as string[] by @types/hast, but a hand-built tree may hold a string.
  const value: unknown = node.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/[ \t\n\f\r]+/).filter(Boolean) : [];
}

/** Space-separated tokens of `role`. */
export function roles(node: Element): string[] {
  return (stringProp(node, 'role') ?? '').split(/[ \t\n\f\r]+/).filter(Boolean);
}

/** HTML's whitespace, which (unlike JavaScript's `\s`) does not include U+00A0. */
export const HTML_WHITESPACE = /[ \t\n\f\r]+/g;

/** Comments and whitespace-only text: nothing a reader sees. */
export function isWhitespace(node: Nodes): boolean {
  return node.type === 'comment' || (node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value));
}

/** Child nodes that carry something: elements, and text that is not only whitespace. */
export function significantChildren(node: Element): ElementContent[] {
  return node.children.filter((child) => !isWhitespace(child));
}

/** Text of a subtree as written; `<br>` counts as a line feed (used for code). */
/** Elements that start a line of their own when the parser has nested them inside code. */
const LINE_BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'tr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'hr']);

/**
 * The text of code as written, except that block elements the HTML parser nested inside it
 * (`<pre>a<p>b</p></pre>`, an unclosed `<code>` before a `<p>`), which browsers render on lines of
 * their own, keep their words apart with a line feed.
 */
export function textWithLineBlocks(node: Element): string {
  let out = '';
  const walk = (n: Nodes): void => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element') {
      if (n.tagName === 'br') {
        out += '\n';
        return;
      }
      const block = LINE_BLOCKS.has(n.tagName);
      if (block && out !== '' && !out.endsWith('\n')) out += '\n';
      n.children.forEach(walk);
      if (block && !out.endsWith('\n')) out += '\n';
    }
  };
  node.children.forEach(walk);
  return out;
}

export function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  if (node.type === 'element' || node.type === 'root') return node.children.map(textContent).join('');
  return '';
}
