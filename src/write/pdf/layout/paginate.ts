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

/** How a Paginator places items (all optional: the defaults give the pages as drawn). */
export interface PlaceOptions {
  /** x stays measured from the text block's left edge (an article drawn apart from its page's side, drawn-article.ts), not the page's. */
  fromBlockEdge?: boolean;
  /** Makes each placed item (default: a shallow copy); a second drawing of the same units gives its own structure elements. */
  copy?: (item: PageItem) => PageItem;
  /** Places no items, only says where each unit goes (page number from the first, top, height): to compare paginations cheaply. */
  trace?: (page: number, y: number, height: number) => void;
}

/** Paginates `units` onto pages numbered from `firstIndex` (its parity decides recto/verso). */
export function paginate(units: readonly Unit[], g: PageGeometry, firstIndex: number, options: PlaceOptions = {}): Pagination {
  const paginator = new Paginator(g, firstIndex, options);
  paginator.add(units);
  return paginator.finish();
}

/**
 * Pagination fed a run of units at a time — one article's, as each is laid out — so that a long
 * book's units are never all held at once: `add` places the units it is given (they are not kept)
 * and `take` hands over the pages that are finished, which no later unit can change.
 *
 * A run must end where a page may break before the next unit: the keep-with-next chains looked
 * ahead here stop at a unit with `pageBreakBefore`, which every article's first unit has, so
 * paginating article by article places every unit where paginating the whole book at once would.
 */
export class Paginator {
  private readonly done: BodyPage[] = [];
  private readonly outline: OutlineEntry[] = [];
  private page: BodyPage | undefined;
  private count = 0;
  private y = 0;
  private empty = true;

  constructor(private readonly g: PageGeometry, private readonly firstIndex: number, private readonly options: PlaceOptions = {}) {}

  /** Pages started so far (the next page's index is `firstIndex + pageCount`). */
  get pageCount(): number {
    return this.count;
  }

  /** Places `units`; a unit may look ahead only within the same run (see the class comment). */
  add(units: readonly Unit[]): void {
    const g = this.g;
    const limit = (): number => textArea(g, this.page?.index ?? this.firstIndex).height + EPSILON;
    const newPage = (article: number, opening: boolean): void => {
      if (this.page) this.done.push(this.page);
      this.page = { index: this.firstIndex + this.count++, items: [], article, opening };
      this.y = 0;
      this.empty = true;
    };
    const place = (u: Unit, content = true): void => {
      const page = this.page;
      if (!page) return;
      const area = textArea(g, page.index);
      if (!this.empty) this.y += u.spaceBefore;
      const { trace, copy = (item: PageItem): PageItem => ({ ...item }), fromBlockEdge } = this.options;
      if (trace) trace(page.index - this.firstIndex, this.y, u.height);
      else {
        for (const item of u.items) {
          const placed = copy(item);
          shiftItem(placed, fromBlockEdge ? 0 : area.x, area.y + this.y);
          page.items.push(placed);
        }
      }
      if (u.outline) this.outline.push({ ...u.outline, page: page.index, y: area.y + this.y });
      if (content && u.origin && page.start === undefined) page.start = { pageIndex: page.index, article: u.article, block: u.origin.block, offset: u.origin.offset };
      this.y += u.height;
      if (u.height > 0 || u.items.length > 0) this.empty = false;
    };

    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      if (!this.page || (u.pageBreakBefore && !this.empty)) {
        newPage(u.article, u.pageBreakBefore === true);
      }
      const empty = this.empty;
      const y = this.y;
      // The chain this unit starts: it and every unit it is kept with (a figure that may shrink
      // counts at its smallest, so a heading is not sent away from a figure that would fit).
      let chain = (empty ? 0 : u.spaceBefore) + minHeight(u);
      const recto = isRecto(this.page?.index ?? this.firstIndex);
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
  }

  /**
   * The pages finished since the last call, and the outline entries placed meanwhile. The page
   * being filled stays until a unit starts another page or {@link finish} is called.
   */
  take(): Pagination {
    return { pages: this.done.splice(0), outline: this.outline.splice(0) };
  }

  /** Every page not yet taken, the last one included. */
  finish(): Pagination {
    if (this.page) this.done.push(this.page);
    this.page = undefined;
    return this.take();
  }
}
