/** `<p>` → paragraph. An image alone in a paragraph comes out as a figure (the image handler makes it). */
import { blockPiece } from '../content.js';
import { flow } from '../flow.js';
import type { Handler } from '../state.js';

export const paragraph: Handler = (node, state) => flow(state.all(node)).map(blockPiece);
