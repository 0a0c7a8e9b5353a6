import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { languageOf } from '../language.js';

/**
 * A block quotation. An attribution goes outside the `<blockquote>`, in the `<figcaption>` of a
 * wrapping `<figure>`, because the quote element must hold only the quoted words
 * (https://html.spec.whatwg.org/multipage/grouping-content.html#the-blockquote-element).
 */
export const blockquote: BlockHandler<'blockquote'> = (node, ctx, path) => {
  const [attrs, inner] = languageOf(node, ctx);
  const quote = el('blockquote', node.attribution ? {} : attrs, ctx.blocks(node.children, inner, path));
  if (!node.attribution) return quote;
  return el('figure', { class: 'quote', ...attrs }, `${quote}\n` + el('figcaption', { class: 'attribution' }, `— ${ctx.inlines(node.attribution, inner)}`));
};
