/**
 * `<table>` → table: `<caption>`, `<thead>` rows as head, `<tbody>`/`<tfoot>` rows as body. Header
 * cells get a scope (WCAG 1.3.1, PDF/UA TH Scope): `th` in the head → col, `th` opening a body row
 * → row, unless the source says otherwise. A table without `<thead>` whose first row is all `th`
 * (empty cells aside) has that row as its head; a table without any `th` stays a plain grid, since
 * guessing a header row would make a screen reader announce data as headings. Every cell keeps its
 * place, empty or not. GFM alignment arrives as `align`.
 */
import type { Element } from 'hast';
import type { Inline, TableCell, TableRow } from '../../../../model/index.js';
import { blockPiece } from '../content.js';
import { phrasing } from '../flow.js';
import { integerProp, isElement, stringProp } from '../hast.js';
import type { Handler, State } from '../state.js';

interface SourceRow { cells: { cell: TableCell; explicit: boolean }[] }

export const table: Handler = (node, state) => {
  let caption: Inline[] | undefined;
  let head: SourceRow[] = [];
  let body: SourceRow[] = [];
  for (const child of node.children) {
    if (isElement(child, 'caption')) caption = phrasing(state.all(child));
    else if (isElement(child, 'thead')) head.push(...rows(child, state));
    else if (isElement(child, 'tbody', 'tfoot')) body.push(...rows(child, state));
    else if (isElement(child, 'tr')) body.push(...rows({ ...node, children: [child] }, state));
  }
  if (head.length === 0 && body.length > 1 && isHeaderRow(body[0]!)) {
    head = body.slice(0, 1);
    body = body.slice(1);
  }
  const id = stringProp(node, 'id');
  if (head.length === 0 && body.length === 0) {
    return caption?.length ? [blockPiece({ type: 'paragraph', children: caption })] : [];
  }
  return [
    blockPiece({
      type: 'table',
      ...(id && { id }),
      ...(caption?.length && { caption }),
      head: head.map((row) => scoped(row, 'head')),
      body: body.map((row) => scoped(row, 'body')),
    }),
  ];
};

/**
 * A first row that heads the columns: all `th`, except perhaps empty cells (the blank top-left
 * corner of a comparison table is often a `td`). The empty cells stay `td`, in their place.
 */
function isHeaderRow(row: SourceRow): boolean {
  const empty = (cell: TableCell): boolean => cell.children.every((c) => c.type === 'text' && c.value.trim() === '');
  return row.cells.some(({ cell }) => cell.header) && row.cells.every(({ cell }) => cell.header || empty(cell));
}

function rows(group: Element, state: State): SourceRow[] {
  return group.children
    .filter((child): child is Element => isElement(child, 'tr'))
    .map((tr) => ({
      cells: tr.children.filter((c): c is Element => isElement(c, 'th', 'td')).map((c) => cell(c, state)),
    }))
    .filter((row) => row.cells.length > 0);
}

function cell(node: Element, state: State): { cell: TableCell; explicit: boolean } {
  const header = node.tagName === 'th';
  const scopeAttr = stringProp(node, 'scope');
  const scope = scopeAttr === 'col' || scopeAttr === 'colgroup' ? 'col' : scopeAttr === 'row' || scopeAttr === 'rowgroup' ? 'row' : undefined;
  const align = stringProp(node, 'align');
  const colspan = integerProp(node, 'colSpan');
  const rowspan = integerProp(node, 'rowSpan');
  const result: TableCell = {
    header,
    ...(header && scope && { scope }),
    ...((align === 'left' || align === 'center' || align === 'right') && { align }),
    ...(colspan !== undefined && colspan > 1 && { colspan }),
    ...(rowspan !== undefined && rowspan > 1 && { rowspan }),
    children: phrasing(state.all(node)),
  };
  return { cell: result, explicit: header && scope !== undefined };
}

/** Scopes implied by position, for header cells whose source gave none. */
function scoped(row: SourceRow, section: 'head' | 'body'): TableRow {
  return {
    cells: row.cells.map(({ cell, explicit }, i) => {
      if (!cell.header || explicit) return cell;
      if (section === 'head') return { ...cell, scope: 'col' };
      return i === 0 ? { ...cell, scope: 'row' } : cell;
    }),
  };
}
