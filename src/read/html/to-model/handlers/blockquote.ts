/**
 * `<blockquote>` → blockquote. Its attribution is a trailing `<footer>` or `<cite>`, or a last
 * paragraph that starts with a dash (— or ―); the dash is dropped because the writers set their own.
 */
import type { Block, BlockQuote, Inline } from '../../../../model/index.js';
import { blockPiece } from '../content.js';
import { flow, phrasing } from '../flow.js';
import { isElement, significantChildren } from '../hast.js';
import type { Handler } from '../state.js';
import { normalizeInlines } from '../whitespace.js';

const DASH = /^[\u2014\u2015][ \u00a0]*/;

export const blockquote: Handler = (node, state) => {
  const last = significantChildren(node).at(-1);
  let attribution: Inline[] | undefined;
  let children: Block[];
  if (isElement(last, 'footer', 'cite')) {
    attribution = stripDash(phrasing(state.all(last)));
    children = flow(node.children.filter((child) => child !== last).flatMap((child) => state.one(child)));
  } else {
    children = flow(state.all(node));
    const tail = children.at(-1);
    const first = tail?.type === 'paragraph' ? tail.children[0] : undefined;
    if (tail?.type === 'paragraph' && first?.type === 'text' && DASH.test(first.value) && children.length > 1) {
      attribution = stripDash(tail.children);
      children = children.slice(0, -1);
    }
  }
  const quote: BlockQuote = { type: 'blockquote', children, ...(attribution?.length && { attribution }) };
  return [blockPiece(quote)];
};

function stripDash(inlines: Inline[]): Inline[] {
  const [first, ...rest] = inlines;
  if (first?.type !== 'text') return inlines;
  return normalizeInlines([{ type: 'text', value: first.value.replace(DASH, '') }, ...rest]);
}
