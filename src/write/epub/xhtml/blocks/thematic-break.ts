import type { BlockHandler } from '../context.js';

/** A change of topic or scene. */
export const thematicBreak: BlockHandler<'thematicBreak'> = () => '<hr/>';
