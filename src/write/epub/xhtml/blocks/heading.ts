import { slugify } from '../../../../model/slug.js';
import { inlineText } from '../../../../model/text.js';
import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { languageOf } from '../language.js';

/**
 * A section heading, `<h2>`–`<h6>` as in the model: the article title is the document's `<h1>`, so
 * levels stay gapless (WCAG 1.3.1). Every heading gets an id for the table of contents and links.
 */
export const heading: BlockHandler<'heading'> = (node, ctx) => {
  const [attrs, inner] = languageOf(node, ctx);
  const id = ctx.article.nodeIds.get(node) ?? ctx.article.ids.take(node.id ?? slugify(inlineText(node.children), 'section'), 'section');
  return el(`h${node.level}`, { id, ...attrs }, ctx.inlines(node.children, inner));
};
