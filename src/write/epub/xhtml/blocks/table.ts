import type { TableCell, TableRow } from '../../../../model/block.js';
import { inlineText, tableRowOffsets } from '../../../../model/text.js';
import type { PageMarker } from '../../page-breaks.js';
import { el } from '../../../xml.js';
import { pageBreak } from '../page-break.js';
import type { BlockHandler, RenderContext } from '../context.js';

/**
 * A data table with its `<caption>` and header cells that say what they head (`th scope`, WCAG 1.3.1,
 * https://www.w3.org/WAI/tutorials/tables/). A header cell without a scope heads its column in the
 * head rows and its row in the body. Alignment is a class, so the reader's style sheet can override it.
 */
export const table: BlockHandler<'table'> = (node, ctx) => {
  // A page of the print edition may begin at a row: its marker goes at the start of that row's
  // first cell (a <span> cannot stand between rows); one at or before the first row goes before
  // the table.
  const pending = [...(ctx.cursor?.pending ?? [])];
  const inner: RenderContext = { ...ctx, cursor: undefined };
  const starts = tableRowOffsets(node);
  const take = (end: number): string => {
    let out = '';
    while (pending.length > 0 && (pending[0] as PageMarker).offset < end) out += pageBreak(pending.shift() as PageMarker);
    return out;
  };
  const before = take((starts[0] ?? Infinity) + 1);
  const row = (r: TableRow, i: number, scope: 'col' | 'row'): string => tableRow(r, scope, inner, take(starts[i + 1] ?? Infinity));
  const caption = node.caption ? `${el('caption', {}, ctx.inlines(node.caption, inner))}\n` : '';
  const head = node.head.length > 0 ? el('thead', {}, node.head.map((r, i) => row(r, i, 'col')).join('\n')) : '';
  const body = el('tbody', {}, node.body.map((r, i) => row(r, node.head.length + i, 'row')).join('\n'));
  return before + el('table', { id: ctx.article.nodeIds.get(node) }, caption + head + body);
};

function tableRow(row: TableRow, defaultScope: 'col' | 'row', ctx: RenderContext, markers: string): string {
  return el('tr', {}, row.cells.map((cell, i) => tableCell(cell, defaultScope, ctx, i === 0 ? markers : '')).join('\n'));
}

function tableCell(cell: TableCell, defaultScope: 'col' | 'row', ctx: RenderContext, markers: string): string {
  // A header cell with no text (the blank corner of a comparison table) heads nothing: as a `th`
  // screen readers announce an empty header (Ace: empty-table-header), so it keeps its place as a
  // `td`, as the WAI tables tutorial writes the corner (https://www.w3.org/WAI/tutorials/tables/two-headers/).
  const header = cell.header && inlineText(cell.children).trim() !== '';
  const attrs = {
    scope: header ? (cell.scope ?? defaultScope) : undefined,
    colspan: cell.colspan !== undefined && cell.colspan > 1 ? cell.colspan : undefined,
    rowspan: cell.rowspan !== undefined && cell.rowspan > 1 ? cell.rowspan : undefined,
    class: cell.align ? `align-${cell.align}` : undefined,
  };
  return el(header ? 'th' : 'td', attrs, markers + ctx.inlines(cell.children, ctx));
}
