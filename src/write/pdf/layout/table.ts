/**
 * Tables: column widths from the cells' content, rows that never split, header rows repeated
 * (as artifacts) after every page break, booktabs rules, and the full table structure
 * (Table → Caption, THead/TBody → TR → TH with /Scope | TD) that pdfkit's own table lacks.
 */
import type { Table, TableCell } from '../../../model/block.js';
import { inlineText } from '../../../model/text.js';
import { textWidth } from '../font-metrics.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import type { Face } from '../text-style.js';
import { textUnits, type FlowContext, type Place } from './blocks.js';
import type { Unit } from './flow.js';
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
  if (min >= width) return sizes.map((c) => (c.min / min) * width);
  const flexible = natural - min;
  return sizes.map((c) => c.min + ((c.natural - c.min) / flexible) * (width - min));
}

export function tableUnits(block: Table, place: Place, ctx: FlowContext): Unit[] {
  const table = structChild(place.parent, 'Table');
  const size = ctx.fontSize * 0.9;
  const leading = Math.round(size * 1.35 * 4) / 4;
  const pad = size * 0.4;
  const rows = [...block.head, ...block.body];
  const columns = Math.max(1, ...rows.map((r) => r.cells.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const sizes: Sized[] = Array.from({ length: columns }, () => ({ min: size * 2, natural: size * 2 }));
  for (const row of rows) {
    let col = 0;
    for (const cell of row.cells) {
      if ((cell.colspan ?? 1) === 1) {
        const face: Face = cell.header ? 'bold' : 'regular';
        const text = inlineText(cell.children);
        const words = text.split(/\s+/).map((w) => textWidth(w, face, size));
        const s = sizes[col]!;
        s.min = Math.max(s.min, Math.max(0, ...words) + 2 * pad);
        s.natural = Math.max(s.natural, textWidth(text, face, size) + 2 * pad);
      }
      col += cell.colspan ?? 1;
    }
  }
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

  const rowUnit = (cells: TableCell[], rowNode: StructNode, inHead: boolean, path: number[]): Unit => {
    const items: PageItem[] = [];
    let col = 0;
    let height = 0;
    const cellUnits: Unit[][] = [];
    cells.forEach((cell, k) => {
      const span = cell.colspan ?? 1;
      const x = lefts[col] ?? place.x;
      const w = widths.slice(col, col + span).reduce((s, v) => s + v, 0);
      col += span;
      const scope = cell.scope === 'row' ? 'Row' : cell.scope === 'col' ? 'Column' : inHead ? 'Column' : 'Row';
      const node = structChild(rowNode, cell.header ? 'TH' : 'TD', {
        ...(cell.header ? { scope } : {}),
        ...(span > 1 ? { colSpan: span } : {}),
        ...((cell.rowspan ?? 1) > 1 ? { rowSpan: cell.rowspan } : {}),
      });
      const u = textUnits(cell.children, node, {
        place: { ...place, parent: node, x: x + pad, width: w - 2 * pad, path: [...path, k], indent: false, first: true },
        ctx, face: cell.header ? 'bold' : 'regular', size, leading,
        align: cell.align === 'right' ? 'end' : cell.align === 'center' ? 'center' : 'left', hyphenate: true, spaceBefore: 0,
      });
      cellUnits.push(u);
      height = Math.max(height, u.reduce((h, v) => h + v.height, 0));
    });
    for (const u of cellUnits) {
      let y = pad;
      for (const line of u) {
        for (const item of line.items) {
          if (item.kind === 'rule') { item.y1 += y; item.y2 += y; } else item.y += y;
          items.push(item);
        }
        y += line.height;
      }
    }
    return { height: height + 2 * pad, items, spaceBefore: 0, keepWithNext: false, origin: { block: path, offset: 0 }, article: ctx.article };
  };

  const rule = (y: number, weight: number): PageItem => ({ kind: 'rule', x1: place.x, x2: place.x + place.width, y1: y, y2: y, lineWidth: weight });
  const headNode = block.head.length > 0 ? structChild(table, 'THead') : undefined;
  const headUnits = block.head.map((row, r) => {
    const u = rowUnit(row.cells, structChild(headNode!, 'TR'), true, [...place.path, r]);
    u.keepWithNext = true;
    return u;
  });
  headUnits[0]?.items.push(rule(0, 0.8));
  const lastHead = headUnits[headUnits.length - 1];
  lastHead?.items.push(rule(lastHead.height, 0.5));
  // The repeat copies are drawn again after a page break: page furniture, not content.
  const repeat: Unit[] = headUnits.map((u) => ({
    ...u,
    keepWithNext: true,
    items: u.items.map((item) => (item.kind === 'text' || item.kind === 'image' ? { ...item, owner: { artifact: 'Pagination' as const } } : { ...item })).filter((item) => item.kind !== 'dest'),
  }));
  units.push(...headUnits);
  const bodyNode = structChild(table, 'TBody');
  block.body.forEach((row, r) => {
    const u = rowUnit(row.cells, structChild(bodyNode, 'TR'), false, [...place.path, block.head.length + r]);
    if (repeat.length > 0) u.repeatHeader = repeat;
    units.push(u);
  });
  const last = units[units.length - 1];
  last?.items.push(rule(last.height, 0.8));
  if (headUnits.length === 0) units[0]?.items.push(rule(0, 0.8));
  const firstRow = units[0];
  if (firstRow && (!block.caption || block.caption.length === 0)) firstRow.spaceBefore = place.first ? 0 : ctx.leading * 0.75;
  units.push({ height: 0, items: [], spaceBefore: ctx.leading * 0.75, keepWithNext: false, article: ctx.article });
  return units;
}
