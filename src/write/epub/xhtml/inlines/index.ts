/**
 * The inline handlers, one per node type, in a map the compiler checks for completeness.
 */
import type { Inline } from '../../../../model/inline.js';
import type { InlineHandler, InlineOf, RenderContext } from '../context.js';
import { lineBreak } from './break.js';
import { code } from './code.js';
import { emphasis } from './emphasis.js';
import { link } from './link.js';
import { noteRef } from './note-ref.js';
import { quote } from './quote.js';
import { span } from './span.js';
import { strikethrough } from './strikethrough.js';
import { strong } from './strong.js';
import { subscript } from './subscript.js';
import { superscript } from './superscript.js';
import { text } from './text.js';

export const inlineHandlers: { [K in Inline['type']]: InlineHandler<K> } = {
  text, emphasis, strong, strikethrough, subscript, superscript, code, break: lineBreak, link, quote, span, noteRef,
};

/** Writes one inline with the handler for its type. */
export function renderInline<K extends Inline['type']>(node: InlineOf<K>, ctx: RenderContext): string {
  return (inlineHandlers[node.type] as InlineHandler<K>)(node, ctx);
}

/** Writes inlines in order. */
export function renderInlines(nodes: readonly Inline[], ctx: RenderContext): string {
  let out = '';
  for (const node of nodes) out += renderInline(node, ctx);
  return out;
}
