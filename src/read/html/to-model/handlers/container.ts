/**
 * Block containers without a model node of their own (`div`, `section`, `header`, …): their blocks
 * pass through, and bare text inside them becomes paragraphs. Endnote sections are taken out here.
 */
import { blockPiece } from '../content.js';
import { flow } from '../flow.js';
import { isNoteContainer, isSingleNote } from '../footnotes.js';
import type { Handler } from '../state.js';
import { endnotes, singleNote } from './notes.js';

export const container: Handler = (node, state) => {
  if (isNoteContainer(node)) return endnotes(node, state);
  if (isSingleNote(node)) return singleNote(node, state);
  return flow(state.all(node)).map(blockPiece);
};
