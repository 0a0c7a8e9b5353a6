import { el } from '../../../xml.js';
import type { BlockHandler } from '../context.js';
import { languageOf } from '../language.js';

/**
 * An ordered or unordered list. A task item shows its state as a symbol whose accessible name says
 * done or not done. List items are two path steps: the item, then its child block.
 */
export const list: BlockHandler<'list'> = (node, ctx, path) => {
  const [attrs, inner] = languageOf(node, ctx);
  const items = node.items.map((item, i) => {
    const mark =
      item.checked === undefined
        ? ''
        : el('span', { class: 'task-mark', role: 'img', 'aria-label': item.checked ? ctx.labels.done : ctx.labels.notDone }, item.checked ? '☑' : '☐') + ' ';
    return el('li', { class: item.checked === undefined ? undefined : 'task' }, mark + ctx.blocks(item.children, inner, [...path, i]));
  });
  const start = node.ordered && node.start !== undefined && node.start !== 1 ? node.start : undefined;
  return el(node.ordered ? 'ol' : 'ul', { start, ...attrs }, items.join('\n'));
};
