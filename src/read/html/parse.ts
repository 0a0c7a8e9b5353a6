/**
 * The one HTML parse of the reader: parse5 (the WHATWG algorithm browsers use) into hast. Every
 * later step — choosing the article, sanitizing, mapping to the model — reads this one tree, so
 * no second parser can see a different document than the first.
 *
 * Parsed with scripting enabled, as the browsers readers use: `<noscript>` content is then raw
 * text (dropped by the sanitizer with the element), so a comment or tag inside it cannot reach
 * the paragraphs after it. hast-util-from-html always parses with scripting disabled, hence parse5
 * is called directly here.
 * https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments
 */
import type { Comment, Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, parseFragment, type DefaultTreeAdapterMap, type ParserError } from 'parse5';
import { VFile } from 'vfile';
import type { Place } from '../types.js';

/**
 * Deepest nesting kept, as in Chromium's parser (kMaximumHTMLParserDOMTreeDepth): deeper elements
 * become siblings inside the element at this depth. Every later step walks the tree recursively, and
 * a page of thousands of unclosed `<div>`s would otherwise overflow the stack (an internal error).
 */
export const MAX_DEPTH = 512;

export interface Parsed {
  tree: Root;
  /**
   * Where a comment left open to the end of the file began, when one did. Browsers hide everything
   * after it; the reader keeps that text (see `reopenUnclosedComment`) and says so.
   */
  unclosedComment?: Place;
}

/**
 * Parses a whole document (or, with `fragment`, a fragment in `<body>`'s context). `positions: false`
 * (for HTML written from Markdown, whose places mean nothing to the user) skips recording where each
 * node was, a fifth of the parse; an unclosed comment is then not located.
 */
export function parseHtml(text: string, options: { fragment?: boolean; positions?: boolean } = {}): Parsed {
  let open = false;
  const onParseError = (error: ParserError): void => {
    if (error.code === 'eof-in-comment') open = true;
  };
  const positions = options.positions ?? true;
  const settings = { sourceCodeLocationInfo: positions, scriptingEnabled: true, onParseError };
  const p5 = options.fragment ? parseFragment(text, settings) : parse(text, settings);
  capDepth(p5);
  const tree = fromParse5(p5, positions ? { file: new VFile(text) } : {}) as Root;
  // parse5 reports the error where the file ends; the comment that reaches it is the one (its end
  // offset may be one past the end).
  const unclosed = open ? commentEndingAt(tree, text.length) : undefined;
  return { tree, ...(unclosed && { unclosedComment: unclosed }) };
}

function commentEndingAt(node: Root | Element, offset: number): Place | undefined {
  for (const child of node.children) {
    const position = child.type === 'comment' ? child.position : undefined;
    if (position && (position.end.offset ?? -1) >= offset) return { line: position.start.line, column: position.start.column };
    if (child.type === 'element') {
      const inner = commentEndingAt(child, offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * Puts back the markup of a comment that was never closed (`<!-- note` and then the rest of the
 * article), the one that began at `place`: its text is parsed as a fragment and takes its place (in
 * `<body>` when the comment began in `<head>`). Returns the number of nodes restored.
 */
export function reopenUnclosedComment(tree: Root, place: Place): number {
  const found = findComment(tree, place);
  if (!found) return 0;
  const { parent, comment } = found;
  const restored = parseHtml(comment.value, { fragment: true }).tree.children as ElementContent[];
  const index = parent.children.indexOf(comment);
  parent.children.splice(index, 1);
  const inHead = parent.type === 'root' || parent.tagName === 'head' || parent.tagName === 'html';
  const body = inHead ? findBody(tree) : undefined;
  if (body) body.children.push(...restored);
  else (parent.children as RootContent[]).splice(index, 0, ...restored);
  return restored.length;
}

function findComment(node: Root | Element, place: Place): { parent: Root | Element; comment: Comment } | undefined {
  for (const child of node.children) {
    if (child.type === 'comment') {
      const start = child.position?.start;
      if (start && start.line === place.line && start.column === place.column) return { parent: node, comment: child };
    } else if (child.type === 'element') {
      const inner = findComment(child, place);
      if (inner) return inner;
    }
  }
  return undefined;
}

function findBody(tree: Root): Element | undefined {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'body') return child;
    const inner = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'body');
    if (inner) return inner;
  }
  return undefined;
}

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** Flattens everything below MAX_DEPTH into the element at that depth, keeping document order. */
function capDepth(root: P5Parent): void {
  const stack: { node: P5Parent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= MAX_DEPTH) {
      node.childNodes = flatten(node);
      continue;
    }
    for (const child of node.childNodes) if ('childNodes' in child) stack.push({ node: child, depth: depth + 1 });
  }
}

/** The descendants of `parent` in document order, each emptied and re-parented to it. */
function flatten(parent: P5Parent): P5Node[] {
  const out: P5Node[] = [];
  const stack: P5Node[] = [...parent.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    if ('childNodes' in node) {
      stack.push(...[...node.childNodes].reverse());
      node.childNodes = [];
    }
    (node as { parentNode: P5Parent | null }).parentNode = parent;
  }
  return out;
}
