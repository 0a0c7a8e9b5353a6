/**
 * An article's body pages, paginated and drawn as data: each page's content stream (deflated),
 * what it draws with, and what the document adds around it (draw.ts's PageDrawing), with the
 * article's structure tree. Page numbers are the article's own (0 for its first page) and x runs
 * from the text block's left edge, so a drawn article does not depend on where the book puts it:
 * the PDF writer places it after the articles before it, and the draw cache (cache/draw-cache.ts)
 * keeps it for a later build.
 *
 * Why it may be kept: the bytes of a drawn word depend only on the word (glyph ids as CIDs,
 * text/glyph-book.ts). Two things still tie a drawing to its book, and both are recorded:
 * - `portable`: no glyph needed a copy for another text (that numbering follows the book);
 * - `eitherSide`: the pagination is the same on a recto and a verso start (keep-over-leaf rules
 *   look at the side), else it holds for `side` only.
 */
import { deflateSync } from 'node:zlib';
import type { FontId } from '../../fonts/registry.js';
import type { PageStart } from '../page-map.js';
import { drawItems, type PageDrawing } from './draw.js';
import type { ArticleLayout } from './layout/article-job.js';
import type { Unit } from './layout/flow.js';
import type { Link, OutlineEntry, PageItem } from './layout/page-items.js';
import { paginate, type BodyPage } from './layout/paginate.js';
import type { PageContent } from './page-content.js';
import type { PageGeometry } from './page-geometry.js';
import type { StructNode, UndrawnCopies } from './tag/struct-node.js';
import type { GlyphUse } from './text/glyph-run.js';

export interface DrawnPage {
  /** The body's content stream, deflated; drawn from the text block's left edge. */
  readonly content: Uint8Array;
  readonly fonts: readonly FontId[];
  readonly xobjects: readonly string[];
  readonly drawing: PageDrawing;
  /** The page opens the article (no running head). */
  readonly opening: boolean;
  /** Where the page's body content begins in the article (the page map), if it has any. */
  readonly start?: Omit<PageStart, 'label' | 'pageIndex'>;
  /** The items the preflight checks (press/preflight.ts), x from the text block's edge. */
  readonly checked: readonly PageItem[];
}

export interface DrawnArticle {
  readonly art: StructNode;
  readonly pages: readonly DrawnPage[];
  /** Bookmarks, with the article's own page numbers. */
  readonly outline: readonly OutlineEntry[];
  readonly missing: ArticleLayout['missing'];
  readonly lowResolution: ArticleLayout['lowResolution'];
  /** The glyphs drawn, per font: a kept drawing adds them to its new document's fonts. */
  readonly uses: readonly (readonly [FontId, readonly GlyphUse[]])[];
  readonly portable: boolean;
  /** The side (page index parity, 0: recto) the article was paginated for, and whether the other gives the same. */
  readonly side: 0 | 1;
  readonly eitherSide: boolean;
}

/** An article paginated, not drawn yet: see {@link paginateArticle}. */
export interface PaginatedArticle {
  readonly pages: readonly BodyPage[];
  readonly outline: readonly OutlineEntry[];
  readonly art: StructNode;
  readonly first: number;
  readonly eitherSide: boolean;
  readonly missing: ArticleLayout['missing'];
  readonly lowResolution: ArticleLayout['lowResolution'];
}

/**
 * Paginates an article laid out in `layout`, opening on page `first` (its side decides
 * recto/verso rules); `eitherSide`: whether the pagination is the same on both sides
 * (`sidesAlike`). With `copies`, the pages name copies of the structure elements: a second
 * drawing of the same units, for the other side — paginated before the first drawing attaches
 * the elements.
 */
export function paginateArticle(layout: ArticleLayout, g: PageGeometry, first: number, eitherSide = false, copies?: UndrawnCopies): PaginatedArticle {
  const { pages, outline } = paginate(layout.units, g, first, { fromBlockEdge: true, ...(copies ? { copy: (item: PageItem) => copyItem(item, copies) } : {}) });
  return { pages, outline, art: copies ? copies.of(layout.art) : layout.art, first, eitherSide, missing: layout.missing, lowResolution: layout.lowResolution };
}

/**
 * Draws a paginated article into content streams made by `newContent` (attaching its structure
 * elements as content is drawn); `check` says which items the preflight needs.
 */
export function drawPaginated(article: PaginatedArticle, newContent: () => PageContent, check: (item: PageItem) => boolean): DrawnArticle {
  const uses = new Map<FontId, Map<number, GlyphUse>>();
  let portable = true;
  const drawn: DrawnPage[] = article.pages.map((p) => {
    const content = newContent();
    const drawing = drawItems(content, p.items);
    for (const [font, runs] of content.runs) {
      let used = uses.get(font);
      if (used === undefined) uses.set(font, (used = new Map()));
      for (const run of runs) {
        if (!run.portable) portable = false;
        for (const u of run.uses) if (!used.has(u.gid)) used.set(u.gid, u);
      }
    }
    const checked = p.items.filter(check);
    const start = p.start ? { article: p.start.article, block: p.start.block, offset: p.start.offset } : undefined;
    return {
      content: deflateSync(content.take()),
      fonts: [...content.fonts],
      xobjects: [...content.xobjects],
      drawing,
      opening: p.opening,
      ...(start ? { start } : {}),
      checked,
    };
  });
  return {
    art: article.art,
    pages: drawn,
    outline: article.outline.map((o) => ({ ...o, page: o.page - article.first })),
    missing: article.missing,
    lowResolution: article.lowResolution,
    uses: [...uses].map(([font, used]) => [font, [...used.values()]] as const),
    portable,
    side: (article.first % 2) as 0 | 1,
    eitherSide: article.eitherSide,
  };
}

/** Paginates and draws an article: {@link paginateArticle}, then {@link drawPaginated}. */
export function drawArticle(layout: ArticleLayout, g: PageGeometry, first: number, newContent: () => PageContent, check: (item: PageItem) => boolean, eitherSide = false): DrawnArticle {
  return drawPaginated(paginateArticle(layout, g, first, eitherSide), newContent, check);
}

/**
 * Whether an article's units break at the same places on a recto start as on a verso start: not
 * when a hyphenated line ends a recto on one side (no page turn inside a word, layout/flow.ts).
 */
export function sidesAlike(units: readonly Unit[], g: PageGeometry): boolean {
  const trace = (first: number): string => {
    const places: string[] = [];
    paginate(units, g, first, { trace: (page, y, height) => places.push(`${page}:${y}:${height}`) });
    return places.join(' ');
  };
  return trace(0) === trace(1);
}

/** A placed copy of `item` whose structure elements (and link) are `copies`' (see drawArticle). */
function copyItem(item: PageItem, copies: UndrawnCopies): PageItem {
  switch (item.kind) {
    case 'text': {
      const copy = { ...item };
      if ('node' in item.owner) copy.owner = { node: copies.of(item.owner.node) };
      if (item.link) copy.link = linkCopy(item.link, copies);
      return copy;
    }
    case 'image':
      return 'node' in item.owner ? { ...item, owner: { node: copies.of(item.owner.node) } } : { ...item };
    case 'element':
      return { ...item, node: copies.of(item.node) };
    default:
      return { ...item };
  }
}

/** One copy per link: drawing joins a link's fragments on a line by the link's identity. */
const linkCopies = new WeakMap<UndrawnCopies, Map<Link, Link>>();
function linkCopy(link: Link, copies: UndrawnCopies): Link {
  let map = linkCopies.get(copies);
  if (map === undefined) linkCopies.set(copies, (map = new Map()));
  let copy = map.get(link);
  if (copy === undefined) map.set(link, (copy = { ...link, node: copies.of(link.node) }));
  return copy;
}

