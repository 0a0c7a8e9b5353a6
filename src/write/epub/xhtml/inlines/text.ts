import type { InlineHandler } from '../context.js';
import { textWithMarkers } from '../page-break.js';

/** Plain text, escaped; page breaks that fall inside it are written at their character. */
export const text: InlineHandler<'text'> = (node, ctx) => textWithMarkers(node.value, ctx);
