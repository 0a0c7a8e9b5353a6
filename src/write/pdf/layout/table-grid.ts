/**
 * Where each table cell sits in the column grid once cells spanning rows are counted: a cell with
 * `rowspan` takes its columns out of the rows below it, as the HTML table model does
 * (https://html.spec.whatwg.org/multipage/tables.html#forming-a-table). Spans stop at the end of
 * their row group (head or body). Pure; sizing and drawing both read it, so they agree.
 */
import type { TableCell } from '../../../model/block.js';

export interface GridCell {
  /** First column (0-based). */
  column: number;
  colspan: number;
  /** Rows covered, clamped to the row group. */
  rowspan: number;
}

/** The grid of row groups (each a list of rows of cells): per row, per cell, its place. */
export function tableGrid(groups: readonly (readonly { cells: readonly TableCell[] }[])[]): { rows: GridCell[][]; columns: number } {
  const rows: GridCell[][] = [];
  let columns = 1;
  for (const group of groups) {
    /** Per column, how many more rows a cell from above still covers. */
    const covered: number[] = [];
    group.forEach((row, r) => {
      const out: GridCell[] = [];
      let col = 0;
      for (const cell of row.cells) {
        while ((covered[col] ?? 0) > 0) col++;
        const colspan = Math.max(1, cell.colspan ?? 1);
        const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, group.length - r));
        for (let c = col; c < col + colspan; c++) covered[c] = Math.max(covered[c] ?? 0, rowspan);
        out.push({ column: col, colspan, rowspan });
        col += colspan;
      }
      columns = Math.max(columns, col, covered.length);
      for (let c = 0; c < covered.length; c++) if ((covered[c] ?? 0) > 0) covered[c]! -= 1;
      rows.push(out);
    });
  }
  return { rows, columns };
}
