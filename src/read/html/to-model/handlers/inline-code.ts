/** `<code>`, `<kbd>`, `<samp>` outside `<pre>` → inline code. Spaces are kept; line ends become spaces. */
import { textWithLineBlocks } from '../hast.js';
import type { Handler } from '../state.js';

export const inlineCode: Handler = (node) => {
  const value = textWithLineBlocks(node).replace(/\r\n?|\n/g, ' ');
  return value ? [{ type: 'code', value }] : [];
};
