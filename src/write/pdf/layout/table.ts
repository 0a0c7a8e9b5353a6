/**
 * Tables: column widths from the cells' content, rows that never split, header rows repeated
 * (as artifacts) after every page break, booktabs rules, and the full table structure
 * (Table → Caption, THead/TBody → TR → TH with /Scope | TD) that pdfkit's own table lacks.
 */
import type { Table, TableCell } from '../../../model/block.js';
import { inlineText, tableRowOffsets } from '../../../model/text.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import { styleKey, type Face } from '../text-style.js';
import { textUnits, type FlowContext, type Place } from './blocks.js';
import { shiftItem, type Unit } from './flow.js';
import { tableGrid } from './table-grid.js';
import type { PageItem } from './page-items.js';

interface Sized { min: number; natural: number }

/** Column widths that fill `width`: at least each column's longest word, then by content. */
export function columnWidths(sizes: readonly Sized[], width: number): number[] {
  const natural = sizes.reduce((s, c) => s + c.natural, 0);
  if (natural <= width) {
    const extra = (width - natural) / Math.max(1, sizes.length);
    return sizes.map((c) => c.natural + extra);
  }
  const min = sizes.reduce((s, c) => s + c.min, 0);
  // Longest words wider than the table together: half the width shared equally, half by longest
  // word, so that no column of short words is squeezed to a letter a line by a column of URLs.
  if (min >= width) return sizes.map((c) => width * (0.5 / sizes.length + (0.5 * c.min) / min));
  const flexible = natural - min;
  return sizes.map((c) => c.min + ((c.natural - c.min) / flexible) * (width - min));
}

export function tableUnits(block: Table, place: Place, ctx: FlowContext): Unit[] {
  const table = structChild(place.parent, 'Table');
  const size = ctx.fontSize * 0.9;
  const leading = Math.round(size * 1.35 * 4) / 4;
  const pad = size * 0.4;
  const rows = [...block.head, ...block.body];
  const grid = tableGrid([block.head, block.body]);
  const columns = grid.columns;
  const sizes: Sized[] = Array.from({ length: columns }, () => ({ min: size * 2, natural: size * 2 }));
  rows.forEach((row, r) => {
    row.cells.forEach((cell, k) => {
      const at = grid.rows[r]?.[k];
      if (!at || at.colspan !== 1) return;
      const face: Face = cell.header ? 'bold' : 'regular';
      const text = inlineText(cell.children);
      // Measured as the typesetter will set them (its style keys round the size): a column as wide
      // as its longest word by another measure can be a hair too narrow and break the word.
      const style = styleKey({ face, size });
      const textWidth = (t: string): number => ctx.measurer.width(t, style);
      const words = text.split(/\s+/).map((w) => textWidth(w));
      const s = sizes[at.column]!;
      s.min = Math.max(s.min, Math.max(0, ...words) + 2 * pad);
      // A cell spanning rows may wrap: its text need not set the column's natural width alone.
      const natural = textWidth(text) / at.rowspan;
      s.natural = Math.max(s.natural, natural + 2 * pad);
    });
  });
  const widths = columnWidths(sizes, place.width);
  const lefts = widths.map((_, i) => place.x + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const units: Unit[] = [];

  if (block.caption && block.caption.length > 0) {
    const caption = structChild(table, 'Caption');
    const captionUnits = textUnits(block.caption, caption, {
      place: { ...place, parent: caption, indent: false, first: false }, ctx, face: 'italic', size, leading, align: 'left', hyphenate: false, spaceBefore: place.first ? 0 : ctx.leading * 0.75,
    });
    for (const u of captionUnits) u.keepWithNext = true;
    units.push(...captionUnits);
  }

  // A page that begins inside the table points at the table block and at the row's place in its
  // plain text (model/text.ts blockText: caption, then one line per row), the page map's contract.
  const rowOffsets = tableRowOffsets(block);

  /**
   * Rows are laid out in two steps so that cells spanning rows take their columns out of the rows
   * below (no overlap) and make the last row they span tall enough for their text.
   */
  interface CellLayout { units: Unit[]; height: number; rowspan: number; node: StructNode; x: number }
  interface RowLayout { cells: CellLayout[]; height: number; row: number }
  const layoutRow = (cells: TableCell[], rowNode: StructNode, inHead: boolean, row: number): RowLayout => {
    const out: CellLayout[] = [];
    cells.forEach((cell, k) => {
      const at = grid.rows[row]?.[k] ?? { column: 0, colspan: 1, rowspan: 1 };
      const { column, colspan: span, rowspan } = at;
      const x = lefts[column] ?? place.x;
      const w = widths.slice(column, column + span).reduce((sum, v) => sum + v, 0);
      const scope = cell.scope === 'row' ? 'Row' : cell.scope === 'col' ? 'Column' : inHead ? 'Column' : 'Row';
      const node = structChild(rowNode, cell.header ? 'TH' : 'TD', {
        ...(cell.header ? { scope } : {}),
        ...(span > 1 ? { colSpan: span } : {}),
        ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
      });
      const u = textUnits(cell.children, node, {
        place: { ...place, parent: node, x: x + pad, width: Math.max(size, w - 2 * pad), path: [...place.path, row, k], indent: false, first: true },
        ctx, face: cell.header ? 'bold' : 'regular', size, leading,
        align: cell.align === 'right' ? 'end' : cell.align === 'center' ? 'center' : 'left', hyphenate: true, spaceBefore: 0,
      });
      out.push({ units: u, height: u.reduce((h, v) => h + v.height, 0), rowspan, node, x });
    });
    const height = Math.max(leading, ...out.filter((c) => c.rowspan === 1).map((c) => c.height));
    return { cells: out, height, row };
  };

  /**
   * Units of a row group; rows joined by a cell spanning them are kept on one page. A row taller
   * than `maxHeight` (long words in narrow columns make them) is cut between its lines into
   * several units, so that pagination can carry it over pages instead of running it off the page.
   */
  const groupUnits = (layouts: RowLayout[], maxHeight: number): Unit[] => {
    const heights = layouts.map((l) => l.height);
    layouts.forEach((l, r) => {
      for (const c of l.cells) {
        if (c.rowspan === 1) continue;
        const last = r + c.rowspan - 1;
        const have = heights.slice(r, last + 1).reduce((h, v) => h + v, 0) + 2 * pad * (c.rowspan - 1);
        if (c.height > have) heights[last]! += c.height - have;
      }
    });
    let joinedUntil = -1;
    return layouts.flatMap((l, r) => {
      const joined = r <= joinedUntil || l.cells.some((c) => c.rowspan > 1);
      // Lines per piece of a row that is cut: as many as fit in `maxHeight` (at least one).
      const cut = !joined && heights[r]! + 2 * pad > maxHeight;
      const slice = cut ? Math.max(leading, Math.floor((maxHeight - 2 * pad) / leading) * leading) : heights[r]! + 1;
      const pieces: PageItem[][] = [[]];
      for (const c of l.cells) {
        // Every cell, empty or not, takes its place in the row's structure before its content.
        pieces[0]!.push({ kind: 'element', node: c.node, x: c.x, y: pad });
        let y = 0;
        for (const line of c.units) {
          const k = Math.min(Math.floor((y + 1e-6) / slice), Math.floor(heights[r]! / slice));
          while (pieces.length <= k) pieces.push([]);
          for (const item of line.items) {
            const copy = { ...item };
            shiftItem(copy, 0, pad + y - k * slice);
            pieces[k]!.push(copy);
          }
          y += line.height;
        }
        joinedUntil = Math.max(joinedUntil, r + c.rowspan - 1);
      }
      const origin = { block: place.path, offset: rowOffsets[l.row] ?? 0 };
      const last = pieces.length - 1;
      return pieces.map((items, k) => ({
        height: (k < last ? slice : heights[r]! - k * slice) + 2 * pad,
        items,
        spaceBefore: 0,
        keepWithNext: k < last ? false : r < joinedUntil,
        origin,
        article: ctx.article,
      }));
    });
  };

  const rule = (y: number, weight: number): PageItem => ({ kind: 'rule', x1: place.x, x2: place.x + place.width, y1: y, y2: y, lineWidth: weight });
  const headNode = block.head.length > 0 ? structChild(table, 'THead') : undefined;
  const headLayouts = block.head.map((row, r) => layoutRow(row.cells, structChild(headNode!, 'TR'), true, r));
  const headUnits = groupUnits(headLayouts, ctx.areaHeight);
  for (const u of headUnits) u.keepWithNext = true;
  headUnits[0]?.items.push(rule(0, 0.8));
  const lastHead = headUnits[headUnits.length - 1];
  lastHead?.items.push(rule(lastHead.height, 0.5));
  // The repeat copies are drawn again after a page break: page furniture, not content. A header
  // taller than a third of the page is not repeated: it would leave too little room for the rows.
  const headHeight = headUnits.reduce((h, u) => h + u.height, 0);
  const repeated = headHeight <= ctx.areaHeight / 3 ? headUnits : [];
  const repeat: Unit[] = repeated.map((u) => ({
    ...u,
    keepWithNext: true,
    items: u.items.map((item) => (item.kind === 'text' || item.kind === 'image' ? { ...item, owner: { artifact: 'Pagination' as const } } : { ...item })).filter((item) => item.kind !== 'dest' && item.kind !== 'element'),
  }));
  units.push(...headUnits);
  const bodyNode = structChild(table, 'TBody');
  const bodyLayouts = block.body.map((row, r) => layoutRow(row.cells, structChild(bodyNode, 'TR'), false, block.head.length + r));
  for (const u of groupUnits(bodyLayouts, ctx.areaHeight - (repeat.length > 0 ? headHeight : 0))) {
    if (repeat.length > 0) u.repeatHeader = repeat;
    units.push(u);
  }
  const last = units[units.length - 1];
  last?.items.push(rule(last.height, 0.8));
  if (headUnits.length === 0) units[0]?.items.push(rule(0, 0.8));
  const firstRow = units[0];
  if (firstRow && (!block.caption || block.caption.length === 0)) firstRow.spaceBefore = place.first ? 0 : ctx.leading * 0.75;
  units.push({ height: 0, items: [], spaceBefore: ctx.leading * 0.75, keepWithNext: false, article: ctx.article });
  return units;
}
