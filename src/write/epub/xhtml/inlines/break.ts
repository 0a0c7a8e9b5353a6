import type { InlineHandler } from '../context.js';
import { markersBefore } from '../page-break.js';

/** A hard line break; it is one character (`\n`) of the paragraph's plain text. */
export const lineBreak: InlineHandler<'break'> = (_node, ctx) => {
  if (ctx.label) return ' ';
  const before = markersBefore(ctx, (ctx.cursor?.position ?? 0) + 1);
  if (ctx.cursor) ctx.cursor.position += 1;
  return `${before}<br/>`;
};
