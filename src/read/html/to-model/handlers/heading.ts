/**
 * `<h1>`–`<h6>` → heading. An h1 that repeats the article title is left out (the writers print the
 * title); levels are renumbered after the whole body is mapped (see ../headings.ts).
 */
import type { Heading } from '../../../../model/index.js';
import { blockPiece } from '../content.js';
import { phrasing } from '../flow.js';
import { innerId, ownId } from '../anchor-ids.js';
import type { Handler } from '../state.js';

export const heading: Handler = (node, state) => {
  const source = Number(node.tagName.slice(1));
  const children = phrasing(state.all(node));
  if (children.length === 0) return [];
  if (source === 1 && state.claimTitle(children)) return [];
  const id = ownId(node) ?? innerId(node);
  // The level is a placeholder until normalizeHeadingLevels runs.
  const block: Heading = { type: 'heading', level: 2, ...(id && { id }), children };
  state.sourceLevels.set(block, source);
  return [blockPiece(block)];
};
