/**
 * Pagination: places flow units on pages, honouring page breaks before articles, keep-with-next
 * chains (headings with what follows, widows and orphans, table captions and headers) and table
 * headers repeated after a break. Pure: units in, positioned items out.
 */
import type { PageStart } from '../../page-map.js';
import { isRecto, textArea, type PageGeometry } from '../page-geometry.js';
import type { Unit } from './flow.js';
import type { OutlineEntry, PageItem } from './page-items.js';
import { shiftItem } from './flow.js';
import { shrinkFigure } from './figure-unit.js';

export interface BodyPage {
  index: number;
  items: PageItem[];
  /** The article the page's first unit belongs to. */
  article: number;
  /** The page opens an article (no running head). */
  opening: boolean;
  start?: Omit<PageStart, 'label'>;
}

export interface Pagination {
  pages: BodyPage[];
  outline: OutlineEntry[];
}

const EPSILON = 0.01;

/** The least height a unit can take on a page. */
function minHeight(u: Unit): number {
  return u.shrink ? Math.min(u.height, u.shrink.minHeight) : u.height;
}

/** Paginates `units` onto pages numbered from `firstIndex` (its parity decides recto/verso). */
export function paginate(units: readonly Unit[], g: PageGeometry, firstIndex: number): Pagination {
  const pages: BodyPage[] = [];
  const outline: OutlineEntry[] = [];
  let page: BodyPage | undefined;
  let y = 0;
  let empty = true;
  const limit = (): number => textArea(g, page?.index ?? firstIndex).height + EPSILON;

  const newPage = (article: number, opening: boolean): void => {
    page = { index: firstIndex + pages.length, items: [], article, opening };
    pages.push(page);
    y = 0;
    empty = true;
  };
  const place = (u: Unit, content = true): void => {
    if (!page) return;
    const area = textArea(g, page.index);
    if (!empty) y += u.spaceBefore;
    for (const item of u.items) {
      const copy = { ...item };
      shiftItem(copy, area.x, area.y + y);
      page.items.push(copy);
    }
    if (u.outline) outline.push({ ...u.outline, page: page.index, y: area.y + y });
    if (content && u.origin && page.start === undefined) page.start = { pageIndex: page.index, article: u.article, block: u.origin.block, offset: u.origin.offset };
    y += u.height;
    if (u.height > 0 || u.items.length > 0) empty = false;
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!page || (u.pageBreakBefore && !empty)) {
      newPage(u.article, u.pageBreakBefore === true);
    }
    // The chain this unit starts: it and every unit it is kept with (a figure that may shrink
    // counts at its smallest, so a heading is not sent away from a figure that would fit).
    let chain = (empty ? 0 : u.spaceBefore) + minHeight(u);
    const recto = isRecto(page?.index ?? firstIndex);
    const keeps = (k: Unit | undefined): boolean => !!k && (k.keepWithNext || (recto && k.keepOverLeaf === true));
    for (let j = i; keeps(units[j]) && units[j + 1] && !units[j + 1]!.pageBreakBefore; j++) {
      const next = units[j + 1]!;
      chain += next.spaceBefore + minHeight(next);
    }
    const fitsChain = y + chain <= limit();
    const room = limit() - y - (empty ? 0 : u.spaceBefore);
    const fitsUnit = u.height <= room;
    const chainFitsAPage = chain - (empty ? 0 : u.spaceBefore) <= limit() - (u.repeatHeader ? u.repeatHeader.reduce((h, r) => h + r.height, 0) : 0);
    if (!empty && !fitsUnit && u.shrink && u.shrink.minHeight <= room && (fitsChain || !chainFitsAPage)) {
      // Scaled down to the rest of this page rather than leaving it empty.
      place(shrinkFigure(u.shrink.figure, room));
      continue;
    }
    if (!empty && (!fitsUnit || (!fitsChain && chainFitsAPage))) {
      newPage(u.article, false);
      if (u.repeatHeader) for (const h of u.repeatHeader) place(h, false);
    }
    place(u);
  }
  return { pages, outline };
}
