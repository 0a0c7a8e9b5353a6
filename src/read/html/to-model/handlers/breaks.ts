/** `<br>` → line break, `<hr>` → thematic break. */
import { blockPiece } from '../content.js';
import type { Handler } from '../state.js';

export const lineBreak: Handler = () => [{ type: 'break' }];

export const thematicBreak: Handler = () => [blockPiece({ type: 'thematicBreak' })];
