import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/** Superscript: `<sup>` (ordinals, exponents). */
export const superscript: InlineHandler<'superscript'> = (node, ctx) => el('sup', {}, ctx.inlines(node.children, ctx));
