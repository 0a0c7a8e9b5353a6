import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/** Subscript: `<sub>` (chemical formulae, indices). */
export const subscript: InlineHandler<'subscript'> = (node, ctx) => el('sub', {}, ctx.inlines(node.children, ctx));
