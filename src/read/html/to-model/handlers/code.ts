/**
 * `<pre>` → code block, its text exactly as written (whitespace is meaning here). The language
 * comes from `class="language-x"` (or `lang-x`) on the `<code>` or the `<pre>`, as highlighters and
 * remark write it.
 */
import type { Element } from 'hast';
import { blockPiece } from '../content.js';
import { classes, isElement, significantChildren } from '../hast.js';
import type { Handler } from '../state.js';

export const codeBlock: Handler = (node) => {
  const inner = significantChildren(node).find((child): child is Element => isElement(child, 'code'));
  const language = (inner && languageOf(inner)) ?? languageOf(node);
  // remark ends every code block with a line feed that is not part of the code.
  const value = preformattedText(node).replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return [blockPiece({ type: 'code', ...(language && { language }), value })];
};

/** Elements that start a line of their own when the parser has nested them inside a `<pre>`. */
const LINE_BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'tr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'hr']);

/**
 * The text of a `<pre>` as written, except that block elements the HTML parser nested inside it
 * (`<pre>a<p>b</p></pre>`, which browsers render on separate lines) keep their words apart.
 */
function preformattedText(node: Element): string {
  let out = '';
  const walk = (n: Element['children'][number]): void => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element') {
      if (n.tagName === 'br') {
        out += '\n';
        return;
      }
      const block = LINE_BLOCKS.has(n.tagName);
      if (block && out !== '' && !out.endsWith('\n')) out += '\n';
      n.children.forEach(walk);
      if (block && !out.endsWith('\n')) out += '\n';
    }
  };
  node.children.forEach(walk);
  return out;
}

function languageOf(node: Element): string | undefined {
  for (const name of classes(node)) {
    const match = /^(?:language|lang)-(.+)$/.exec(name);
    if (match) return match[1];
  }
  return undefined;
}
