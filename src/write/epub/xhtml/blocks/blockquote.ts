import { el } from '../../../xml.js';
import { pathKey } from '../../page-breaks.js';
import type { BlockHandler, RenderContext } from '../context.js';
import { remainingMarkers } from '../page-break.js';
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
  // A printed page may begin in the attribution (block path: one past the quote's children).
  const markers = ctx.label ? [] : (ctx.article.pages.get(pathKey([...path, node.children.length])) ?? []);
  const cited: RenderContext = markers.length > 0 ? { ...inner, cursor: { position: 0, pending: [...markers] } } : inner;
  const attribution = ctx.inlines(node.attribution, cited) + remainingMarkers(cited);
  return el('figure', { class: 'quote', ...attrs }, `${quote}\n` + el('figcaption', { class: 'attribution' }, `— ${attribution}`));
};
