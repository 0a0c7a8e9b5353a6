/**
 * The handler map: one handler per element the sanitizer lets through. Typing it as a total record
 * over `AllowedElement` means adding an element to the allowlist does not compile until it has a
 * handler. Elements outside the allowlist (a tree that skipped the sanitizer) go to `fallback`.
 */
import type { AllowedElement } from '../../allowlist.js';
import type { Handler } from '../state.js';
import { blockquote } from './blockquote.js';
import { lineBreak, thematicBreak } from './breaks.js';
import { codeBlock } from './code.js';
import { container } from './container.js';
import { figure } from './figure.js';
import { heading } from './heading.js';
import { image } from './image.js';
import { inlineCode } from './inline-code.js';
import { link } from './link.js';
import { list } from './list.js';
import { emphasis, strikethrough, strong, subscript } from './marks.js';
import { paragraph } from './paragraph.js';
import { picture } from './picture.js';
import { quote } from './quote.js';
import { superscript } from './superscript.js';
import { table } from './table.js';
import { ignore, unwrap } from './unwrap.js';

export const handlers: Readonly<Record<AllowedElement, Handler>> = {
  p: paragraph,
  h1: heading, h2: heading, h3: heading, h4: heading, h5: heading, h6: heading,
  blockquote,
  figure,
  figcaption: container,
  ul: list, ol: list, li: container,
  table,
  // Table parts outside a table (the parser rarely leaves any) keep their text.
  caption: container, thead: container, tbody: container, tfoot: container, tr: container, th: container, td: container,
  pre: codeBlock,
  hr: thematicBreak,
  div: container, section: container, aside: container, header: container, footer: container,
  img: image,
  picture,
  // A <source> outside <picture> has no text and no image of its own.
  source: ignore,
  code: inlineCode, kbd: inlineCode, samp: inlineCode,
  em: emphasis, i: emphasis, cite: emphasis, dfn: emphasis,
  strong, b: strong,
  s: strikethrough, del: strikethrough, strike: strikethrough,
  sub: subscript,
  sup: superscript,
  q: quote,
  a: link,
  br: lineBreak,
  span: unwrap, small: unwrap, mark: unwrap, abbr: unwrap, time: unwrap, ins: unwrap, u: unwrap, bdi: unwrap, bdo: unwrap,
  input: ignore,
};

/** Elements that separate blocks; an unknown one of these is a container, any other is unwrapped. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'details', 'dialog', 'dd', 'dl', 'dt', 'fieldset', 'form', 'hgroup', 'main',
  'nav', 'summary', 'center', 'legend', 'menu', 'dir', 'body', 'html',
]);

/** For elements without a handler: block-like ones are containers, the rest are unwrapped. */
export const fallback: Handler = (node, state) =>
  BLOCK_ELEMENTS.has(node.tagName) ? container(node, state) : unwrap(node, state);

/** The handler of a tag name (own keys only, so `constructor` is not a handler). */
export function handlerFor(tagName: string): Handler {
  return Object.hasOwn(handlers, tagName) ? handlers[tagName as AllowedElement] : fallback;
}
