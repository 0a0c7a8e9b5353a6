/**
 * What an element handler returns: model inlines, or whole blocks wrapped so they can travel through
 * inline context (a `<div>` inside an `<a>`, an image inside a paragraph) until a block container
 * places them. The wrapper also keeps inline `code` and block `code` apart.
 */
import type { Block, Inline } from '../../../model/index.js';

/** A block carried through a list of inlines. */
export interface BlockPiece { type: 'block'; block: Block }

export type Content = Inline | BlockPiece;

/** Wraps a block so it can pass through inline context. */
export function blockPiece(block: Block): BlockPiece {
  return { type: 'block', block };
}
