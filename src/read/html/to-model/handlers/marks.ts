/**
 * Inline wrappers that map one to one: `em`/`i`/`cite`/`dfn` → emphasis, `strong`/`b` → strong,
 * `s`/`del`/`strike` → strikethrough, `sub` → subscript. (`sup` has its own handler: it may hold a
 * note reference.)
 */
import type { Emphasis, Strikethrough, Strong, Subscript } from '../../../../model/index.js';
import { wrapInline } from '../flow.js';
import type { Handler } from '../state.js';

type Mark = Emphasis | Strong | Strikethrough | Subscript;

function mark(type: Mark['type']): Handler {
  return (node, state) => wrapInline(state.all(node), (children) => ({ type, children }));
}

export const emphasis = mark('emphasis');
export const strong = mark('strong');
export const strikethrough = mark('strikethrough');
export const subscript = mark('subscript');
