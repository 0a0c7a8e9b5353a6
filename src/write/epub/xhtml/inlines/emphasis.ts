import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/** Stress emphasis: `<em>`. */
export const emphasis: InlineHandler<'emphasis'> = (node, ctx) => el('em', {}, ctx.inlines(node.children, ctx));
