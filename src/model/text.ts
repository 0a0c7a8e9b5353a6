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
      // Caption (when there is one), then one line per row, empty rows included, so that
      // tableRowOffsets is exact.
      return [...(block.caption?.length ? [inlineText(block.caption)] : []), ...tableRows(block).map(rowText)].join('\n');
    case 'code':
      return block.value;
    case 'thematicBreak':
      return '';
  }
}

type TableBlock = Extract<Block, { type: 'table' }>;

function tableRows(table: TableBlock): TableBlock['head'] {
  return [...table.head, ...table.body];
}

function rowText(row: TableBlock['head'][number]): string {
  return row.cells.map((c) => inlineText(c.children)).join(' ');
}

/**
 * Where each row (head rows first) starts in the table's `blockText`: the page map's offsets for a
 * page that begins inside a table, shared by the PDF writer that records them and the EPUB writer
 * that places the markers.
 */
export function tableRowOffsets(table: TableBlock): number[] {
  let at = table.caption?.length ? inlineText(table.caption).length + 1 : 0;
  return tableRows(table).map((row) => {
    const start = at;
    at += rowText(row).length + 1;
    return start;
  });
}
