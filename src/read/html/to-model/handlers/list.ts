/**
 * `<ul>`/`<ol>` → list, with `start`, nested lists, and GFM task-list checkboxes
 * (`<li><input type=checkbox checked> …`) as `checked`. Content that is not in an `<li>` gets an
 * item of its own rather than being lost.
 */
import type { Element, ElementContent } from 'hast';
import type { ListItem } from '../../../../model/index.js';
import { blockPiece } from '../content.js';
import { flow } from '../flow.js';
import { isNoteContainer } from '../footnotes.js';
import { hasProp, integerProp, isElement, significantChildren, stringProp } from '../hast.js';
import type { Handler, State } from '../state.js';
import { endnotes } from './notes.js';

export const list: Handler = (node, state) => {
  if (isNoteContainer(node)) return endnotes(node, state);
  const ordered = node.tagName === 'ol';
  const start = ordered ? integerProp(node, 'start') : undefined;
  const items: ListItem[] = [];
  let stray: ElementContent[] = [];
  const flushStray = (): void => {
    const children = flow(stray.flatMap((child) => state.one(child)));
    if (children.length > 0) items.push({ children });
    stray = [];
  };
  for (const child of node.children) {
    if (isElement(child, 'li')) {
      flushStray();
      items.push(listItem(child, state));
    } else {
      stray.push(child);
    }
  }
  flushStray();
  if (items.length === 0) return [];
  return [blockPiece({ type: 'list', ordered, ...(start !== undefined && { start }), items })];
};

function listItem(li: Element, state: State): ListItem {
  const checked = checkbox(li);
  const children = flow(state.all(li));
  return checked === undefined ? { children } : { children, checked };
}

/** The state of a checkbox that opens the item (directly, or in its first paragraph). */
function checkbox(li: Element): boolean | undefined {
  let first = significantChildren(li)[0];
  if (isElement(first, 'p')) first = significantChildren(first)[0];
  if (!isElement(first, 'input') || stringProp(first, 'type') !== 'checkbox') return undefined;
  return hasProp(first, 'checked');
}
