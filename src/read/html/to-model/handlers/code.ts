/**
 * `<pre>` → code block, its text exactly as written (whitespace is meaning here). The language
 * comes from `class="language-x"` (or `lang-x`) on the `<code>` or the `<pre>`, as highlighters and
 * the Markdown reader (markdown-it) write it.
 */
import type { Element } from 'hast';
import { blockPiece } from '../content.js';
import { classes, isElement, significantChildren, textWithLineBlocks } from '../hast.js';
import type { Handler } from '../state.js';

export const codeBlock: Handler = (node) => {
  const inner = significantChildren(node).find((child): child is Element => isElement(child, 'code'));
  const language = (inner && languageOf(inner)) ?? languageOf(node);
  // Markdown readers end every code block with a line feed that is not part of the code.
  const value = textWithLineBlocks(node).replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return [blockPiece({ type: 'code', ...(language && { language }), value })];
};

function languageOf(node: Element): string | undefined {
  for (const name of classes(node)) {
    const match = /^(?:language|lang)-(.+)$/.exec(name);
    if (match) return match[1];
  }
  return undefined;
}
