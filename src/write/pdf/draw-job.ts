/**
 * One article laid out, paginated and drawn as data (drawn-article.ts), by the same code in this
 * thread or on a worker (parallel/): what the PDF writer asks of a lane.
 *
 * Why a drawing may come in two: articles drawn side by side do not know on which page they will
 * open (that takes every article before them), and one whose pagination differs between a recto
 * and a verso start (layout/flow.ts: no page turn inside a hyphenated word) is then drawn for
 * both. An article drawn in order knows its side and is drawn once, or twice when a cache keeps it
 * for a later build in which it may open on the other side.
 */
import v8 from 'node:v8';
import type { Measurer } from './typeset/measure.js';
import { drawArticle, drawPaginated, paginateArticle, sidesAlike, type DrawnArticle } from './drawn-article.js';
import { layoutArticle, type ArticleJob, type ArticleLayout } from './layout/article-job.js';
import type { PageContent } from './page-content.js';
import type { PageGeometry } from './page-geometry.js';
import { pressItems } from './press/pages.js';
import { preflightItem } from './press/preflight.js';
import { UndrawnCopies } from './tag/struct-node.js';

/** How a book's articles are drawn: plain data, the same for each of its articles. */
export interface DrawSpec {
  geometry: PageGeometry;
  /** The press edition: no links and destinations (press/pages.ts). */
  press: boolean;
  /** Draw for both sides where they differ, for a cache that keeps them. */
  bothSides: boolean;
  /** Return the layout as v8 bytes too, for the layout cache (BuildThreads sets it when it has one). */
  keepLayout?: boolean;
}

export interface DrawnJob {
  /** One drawing that holds on either side or for the side asked, or one per side. */
  sides: DrawnArticle[];
  /** The layout before it was drawn (`keepLayout`, when it was laid out here). */
  layout?: Uint8Array;
}

/**
 * Lays out `job` (unless `layout` is given: from the layout cache) and draws it, opening on a
 * page of `side` (0: recto), or, with `side` undefined, for both sides where they differ.
 * `twinContent` makes the streams of the other side's drawing: an article drawn in order in the
 * document's glyph ids draws its other side (only kept for a cache) in glyph ids of its own, so
 * that the document's are given in the same order as without a cache.
 */
export function drawJob(job: ArticleJob, spec: DrawSpec, measurer: Measurer, newContent: () => PageContent, side?: 0 | 1, layout?: ArticleLayout, twinContent = newContent): DrawnJob {
  const laid = layout ?? layoutArticle(job, measurer);
  const bytes = spec.keepLayout && layout === undefined ? new Uint8Array(v8.serialize(laid)) : undefined;
  if (spec.press) for (const u of laid.units) u.items = pressItems(u.items);
  const g = spec.geometry;
  const alike = side === undefined || spec.bothSides ? sidesAlike(laid.units, g) : false;
  const first = side ?? 0;
  // The other side is paginated first, with copies of the structure elements (they must be copied
  // before this side's drawing attaches them), and drawn after it, with `twinContent`.
  const twin = !alike && (side === undefined || spec.bothSides) ? paginateArticle(laid, g, 1 - first, false, new UndrawnCopies()) : undefined;
  const sides = [drawArticle(laid, g, first, newContent, preflightItem, alike)];
  laid.units = [];
  if (twin) sides.push(drawPaginated(twin, twinContent, preflightItem));
  return { sides, ...(bytes ? { layout: bytes } : {}) };
}

/** The drawing of `drawn` that holds when the article opens on a page of `side`, if any. */
export function drawingFor(drawn: readonly DrawnArticle[], side: 0 | 1): DrawnArticle | undefined {
  return drawn.find((d) => d.eitherSide || d.side === side);
}
