import type { TableCell, TableRow } from '../../../../model/block.js';
import { el } from '../../xml.js';
import type { BlockHandler, RenderContext } from '../context.js';

/**
 * A data table with its `<caption>` and header cells that say what they head (`th scope`, WCAG 1.3.1,
 * https://www.w3.org/WAI/tutorials/tables/). A header cell without a scope heads its column in the
 * head rows and its row in the body. Alignment is a class, so the reader's style sheet can override it.
 */
export const table: BlockHandler<'table'> = (node, ctx) => {
  const caption = node.caption ? `${el('caption', {}, ctx.inlines(node.caption, ctx))}\n` : '';
  const head = node.head.length > 0 ? el('thead', {}, node.head.map((row) => tableRow(row, 'col', ctx)).join('\n')) : '';
  const body = el('tbody', {}, node.body.map((row) => tableRow(row, 'row', ctx)).join('\n'));
  return el('table', { id: ctx.article.nodeIds.get(node) }, caption + head + body);
};

function tableRow(row: TableRow, defaultScope: 'col' | 'row', ctx: RenderContext): string {
  return el('tr', {}, row.cells.map((cell) => tableCell(cell, defaultScope, ctx)).join('\n'));
}

function tableCell(cell: TableCell, defaultScope: 'col' | 'row', ctx: RenderContext): string {
  const attrs = {
    scope: cell.header ? (cell.scope ?? defaultScope) : undefined,
    colspan: cell.colspan !== undefined && cell.colspan > 1 ? cell.colspan : undefined,
    rowspan: cell.rowspan !== undefined && cell.rowspan > 1 ? cell.rowspan : undefined,
    class: cell.align ? `align-${cell.align}` : undefined,
  };
  return el(cell.header ? 'th' : 'td', attrs, ctx.inlines(cell.children, ctx));
}
