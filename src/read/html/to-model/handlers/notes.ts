/**
 * Note definitions → the article's `notes`. An endnotes section gives one note per `<li id>`; its
 * heading ("Footnotes") and rule are chrome the writers make themselves and are dropped. Anything
 * else in the section stays in the body, so no text is lost.
 */
import type { Element } from 'hast';
import { blockPiece, type Content } from '../content.js';
import { flow } from '../flow.js';
import { noteId } from '../footnotes.js';
import { isElement, stringProp } from '../hast.js';
import type { State } from '../state.js';

const CHROME = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr'];

/** An endnotes section (or list): its notes go to the article, anything else stays in the body. */
export function endnotes(node: Element, state: State): Content[] {
  if (node.tagName === 'ol' || node.tagName === 'ul') return noteList(node, state);
  const rest: Content[] = [];
  for (const child of node.children) {
    if (isElement(child, ...CHROME)) continue;
    if (isElement(child, 'ol', 'ul')) rest.push(...noteList(child, state));
    else rest.push(...state.one(child));
  }
  return flow(rest).map(blockPiece);
}

/** One note on its own, such as `<aside role="doc-footnote" id="n1">`. */
export function singleNote(node: Element, state: State): Content[] {
  const id = stringProp(node, 'id');
  const children = flow(state.all(node));
  if (id === undefined) return children.map(blockPiece);
  state.addNote(noteId(id), children);
  return [];
}

function noteList(list: Element, state: State): Content[] {
  const rest: Content[] = [];
  for (const child of list.children) {
    const id = isElement(child, 'li') ? stringProp(child, 'id') : undefined;
    if (isElement(child, 'li') && id !== undefined) state.addNote(noteId(id), flow(state.all(child)));
    else rest.push(...state.one(child));
  }
  return rest;
}
