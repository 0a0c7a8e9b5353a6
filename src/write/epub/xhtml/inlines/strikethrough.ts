import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/** Text that is no longer accurate: `<s>`. */
export const strikethrough: InlineHandler<'strikethrough'> = (node, ctx) => el('s', {}, ctx.inlines(node.children, ctx));
