import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { languageOf } from '../language.js';
import { remainingMarkers } from '../page-break.js';

/** A paragraph; page breaks inside it were handed over in `ctx.cursor` by the block dispatcher. */
export const paragraph: BlockHandler<'paragraph'> = (node, ctx) => {
  const [attrs, inner] = languageOf(node, ctx);
  return el('p', attrs, ctx.inlines(node.children, inner) + remainingMarkers(ctx));
};
