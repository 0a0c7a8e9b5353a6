import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';
import { languageOf } from '../language.js';

/** A run in another language or direction (WCAG 3.1.2); without either it is just its text. */
export const span: InlineHandler<'span'> = (node, ctx) => {
  const [attrs, inner] = languageOf(node, ctx);
  const content = ctx.inlines(node.children, inner);
  return Object.keys(attrs).length > 0 ? el('span', attrs, content) : content;
};
