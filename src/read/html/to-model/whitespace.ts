/**
 * Whitespace as a browser renders it (CSS `white-space: normal`): runs of HTML whitespace become one
 * space, spaces at the start and end of a block and around a line break disappear. U+00A0 is not
 * whitespace here (it is a deliberate non-breaking space) and code keeps its spaces.
 *
 * This runs once per block over all of its inlines, because a run of spaces can span several
 * elements: `a <em> b</em>` is "a " + em("b").
 */
import type { Inline } from '../../../model/index.js';
import { HTML_WHITESPACE } from './hast.js';

type Parent = Extract<Inline, { children: Inline[] }>;

function isParent(node: Inline): node is Parent {
  return 'children' in node;
}

/** The inlines of one block with collapsed whitespace, no empty nodes and adjacent text merged. */
export function normalizeInlines(nodes: readonly Inline[]): Inline[] {
  const forward = collapse(nodes, { space: true, start: true });
  const backward = trimEnds(forward, { trim: true, end: true });
  return prune(backward);
}

/** True when the inlines show something: text, code or a note reference. */
export function hasContent(nodes: readonly Inline[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'text') return node.value.length > 0;
    if (node.type === 'code' || node.type === 'noteRef') return true;
    return isParent(node) && hasContent(node.children);
  });
}

interface Forward { space: boolean; start: boolean }

function collapse(nodes: readonly Inline[], at: Forward): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      let value = node.value.replace(HTML_WHITESPACE, ' ');
      if (at.space && value.startsWith(' ')) value = value.slice(1);
      if (value) {
        at.space = value.endsWith(' ');
        at.start = false;
        out.push({ type: 'text', value });
      }
    } else if (node.type === 'break') {
      // A line break at the very start of a block shows nothing.
      if (at.start) continue;
      at.space = true;
      out.push(node);
    } else if (isParent(node)) {
      out.push({ ...node, children: collapse(node.children, at) });
    } else {
      at.space = false;
      at.start = false;
      out.push(node);
    }
  }
  return out;
}

interface Backward { trim: boolean; end: boolean }

function trimEnds(nodes: readonly Inline[], at: Backward): Inline[] {
  const out: Inline[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      const value = at.trim ? node.value.replace(/ +$/, '') : node.value;
      if (value) {
        at.trim = false;
        at.end = false;
        out.push({ type: 'text', value });
      }
    } else if (node.type === 'break') {
      // Trailing breaks show nothing; a space before a break is not rendered either.
      if (at.end) continue;
      at.trim = true;
      out.push(node);
    } else if (isParent(node)) {
      out.push({ ...node, children: trimEnds(node.children, at) });
    } else {
      at.trim = false;
      at.end = false;
      out.push(node);
    }
  }
  return out.reverse();
}

function prune(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!node.value) continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
      else out.push(node);
    } else if (isParent(node)) {
      const children = prune(node.children);
      // An empty wrapper (an anchor, an empty <em>) carries no text.
      if (children.length > 0) out.push({ ...node, children });
    } else {
      out.push(node);
    }
  }
  return out;
}
