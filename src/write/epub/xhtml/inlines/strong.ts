import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/** Strong importance: `<strong>`. */
export const strong: InlineHandler<'strong'> = (node, ctx) => el('strong', {}, ctx.inlines(node.children, ctx));
