import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';
import { webHref } from '../href.js';

/**
 * A short quotation. `<q>` lets the reading system add the quotation marks of the language
 * (https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-q-element); `cite` is kept
 * only when it is a web address.
 */
export const quote: InlineHandler<'quote'> = (node, ctx) =>
  el('q', { cite: node.cite === undefined ? undefined : webHref(node.cite) }, ctx.inlines(node.children, ctx));
