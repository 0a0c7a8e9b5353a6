/**
 * Plain text of model nodes: for navigation labels, alt text checks, and text-fidelity tests.
 */
import type { Block } from './block.js';
import type { Inline } from './inline.js';

/** The visible text of inlines, as a reader would see it (a note reference shows nothing here). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'noteRef':
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

/** The text of a block and all it contains, one line per paragraph-like block. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.children);
    case 'blockquote':
      return [...block.children.map(blockText), block.attribution ? inlineText(block.attribution) : '']
        .filter(Boolean)
        .join('\n');
    case 'list':
      return block.items.map((item) => item.children.map(blockText).join('\n')).join('\n');
    case 'figure':
      return [block.caption ? inlineText(block.caption) : '', block.credit ? inlineText(block.credit) : '']
        .filter(Boolean)
        .join('\n');
    case 'table':
      return [
        block.caption ? inlineText(block.caption) : '',
        ...[...block.head, ...block.body].map((row) => row.cells.map((c) => inlineText(c.children)).join(' ')),
      ]
        .filter(Boolean)
        .join('\n');
    case 'code':
      return block.value;
    case 'thematicBreak':
      return '';
  }
}
