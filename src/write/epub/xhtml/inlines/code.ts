import { el, escapeXml } from '../../../xml.js';
import type { InlineHandler } from '../context.js';
import { markersBefore } from '../page-break.js';

/**
 * Inline code. A page that begins inside it gets its marker before the `<code>` (never split code).
 * In right-to-left text it is an isolate that reads left to right, so `a = f(b);` keeps its order.
 */
export const code: InlineHandler<'code'> = (node, ctx) => {
  const before = markersBefore(ctx, (ctx.cursor?.position ?? 0) + node.value.length);
  if (ctx.cursor) ctx.cursor.position += node.value.length;
  return before + el('code', { dir: ctx.dir === 'ltr' ? undefined : 'ltr' }, escapeXml(node.value));
};
