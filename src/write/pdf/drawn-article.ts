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
import type { OutlineEntry, PageItem } from './layout/page-items.js';
import { paginate, type BodyPage } from './layout/paginate.js';
import type { PageContent } from './page-content.js';
import type { PageGeometry } from './page-geometry.js';
import type { StructNode } from './tag/struct-node.js';
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

/**
 * Paginates and draws an article laid out in `layout`, opening on page `first` (its side decides
 * recto/verso rules), into content streams made by `newContent`. `check` says which items the
 * preflight needs; `eitherSide` whether the pagination is the same on both sides (`sidesAlike`).
 * Takes the layout's units (they are let go) and attaches its structure as content is drawn.
 */
export function drawArticle(layout: ArticleLayout, g: PageGeometry, first: number, newContent: () => PageContent, check: (item: PageItem) => boolean, eitherSide = false): DrawnArticle {
  const side = (first % 2) as 0 | 1;
  const { pages, outline } = paginate(layout.units, g, first, true);
  layout.units = [];
  const uses = new Map<FontId, Map<number, GlyphUse>>();
  let portable = true;
  const drawn: DrawnPage[] = pages.map((p) => {
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
    art: layout.art,
    pages: drawn,
    outline: outline.map((o) => ({ ...o, page: o.page - first })),
    missing: layout.missing,
    lowResolution: layout.lowResolution,
    uses: [...uses].map(([font, used]) => [font, [...used.values()]] as const),
    portable,
    side,
    eitherSide,
  };
}

/**
 * Whether an article's units break at the same places on a recto start as on a verso start: not
 * when a hyphenated line ends a recto on one side (no page turn inside a word, layout/flow.ts).
 */
export function sidesAlike(units: readonly Unit[], g: PageGeometry): boolean {
  return sameBreaks(paginate(units, g, 0, true).pages, paginate(units, g, 1, true).pages);
}

/** Whether two paginations of the same units break at the same places. */
function sameBreaks(a: readonly BodyPage[], b: readonly BodyPage[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    if (p.items.length !== q.items.length) return false;
    const last = p.items.length - 1;
    return last < 0 || (top(p.items[0]!) === top(q.items[0]!) && top(p.items[last]!) === top(q.items[last]!));
  });
}

function top(item: PageItem): number {
  return item.kind === 'rule' ? item.y1 : item.y;
}
