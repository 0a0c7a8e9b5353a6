/**
 * The PDF writer paginates each article as its layout comes and lets its units go (issue 12:
 * memory that grows with the largest article, not with the book). That is only right if feeding
 * the paginator one article at a time places every unit where paginating the whole book at once
 * does: checked here on generated books with every rule pagination has (keep-with-next chains,
 * keep over the leaf, shrinkable figures, repeated table headers, outline entries, page starts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureUnit, type FigureFrame } from '../../../src/write/pdf/layout/figure-unit.js';
import type { Unit } from '../../../src/write/pdf/layout/flow.js';
import { paginate, Paginator, type Pagination } from '../../../src/write/pdf/layout/paginate.js';
import { pageGeometry, textArea } from '../../../src/write/pdf/page-geometry.js';

const g = pageGeometry('A5', false);
const limit = textArea(g, 0).height;

/** What one unit of a generated article is. */
interface UnitSpec {
  kind: 'line' | 'figure' | 'row';
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
  keepOverLeaf: boolean;
  outline: boolean;
}

const unitSpec = fc.record({
  kind: fc.constantFrom<UnitSpec['kind']>('line', 'line', 'line', 'figure', 'row'),
  // Mostly lines; now and then a unit taller than half a page, so keeps and shrinks decide.
  height: fc.oneof(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 40, max: Math.floor(limit * 0.9) })),
  spaceBefore: fc.constantFrom(0, 0, 6, 14),
  keepWithNext: fc.boolean(),
  keepOverLeaf: fc.boolean(),
  outline: fc.boolean(),
});

/** Article `article`'s units, opening on a new page as every article's opening does. */
function articleUnits(article: number, specs: readonly UnitSpec[]): Unit[] {
  return specs.map((s, i) => {
    const base: Unit = {
      height: s.height,
      items: [{ kind: 'dest', name: `a${article}-u${i}`, x: 0, y: 0 }],
      spaceBefore: s.spaceBefore,
      keepWithNext: s.keepWithNext,
      keepOverLeaf: s.keepOverLeaf,
      article,
      origin: { block: [i], offset: 0 },
      ...(s.outline ? { outline: { title: `a${article} u${i}`, level: 2 } } : {}),
      ...(i === 0 ? { pageBreakBefore: true } : {}),
    };
    if (s.kind === 'row') return { ...base, repeatHeader: [{ height: 12, items: [{ kind: 'dest', name: `a${article}-h${i}`, x: 0, y: 0 }], spaceBefore: 0, keepWithNext: true, article }] };
    if (s.kind !== 'figure') return base;
    const frame: FigureFrame = {
      left: 0, span: s.height, width: s.height, least: s.height * 0.6, aspect: 1, gap: 0, captionHeight: 0,
      image: { id: `img-${article}-${i}`, owner: { artifact: 'Layout' } }, captions: [], spaceBefore: s.spaceBefore, origin: { block: [i], offset: 0 }, article,
    };
    const { items: _dest, ...rest } = base;
    return { ...rest, ...figureUnit(frame, s.height, s.height), shrink: { minHeight: s.height * 0.6, figure: frame }, ...(i === 0 ? { pageBreakBefore: true } : {}) };
  });
}

/** The book paginated article by article, pages taken after each, as the PDF writer does. */
function byArticle(book: readonly Unit[][], firstIndex: number): Pagination {
  const paginator = new Paginator(g, firstIndex);
  const out: Pagination = { pages: [], outline: [] };
  const take = (p: Pagination): void => {
    out.pages.push(...p.pages);
    out.outline.push(...p.outline);
  };
  for (const units of book) {
    paginator.add(units);
    take(paginator.take());
  }
  take(paginator.finish());
  return out;
}

describe('paginating article by article', () => {
  it('places every unit where paginating the whole book at once does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(unitSpec, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 5 }), (specs, firstIndex) => {
        const book = specs.map((s, article) => articleUnits(article, s));
        const whole = paginate(book.flat(), g, firstIndex);
        const runs = byArticle(book, firstIndex);
        expect(runs).toEqual(whole);
        // Every unit was placed once: the generated books do exercise page breaks inside articles.
        // (A figure is found by its image: set smaller, it is a new unit made from its frame.)
        const placed = runs.pages.flatMap((p) => p.items.flatMap((item) => (item.kind === 'dest' && item.name.includes('-u') ? [item.name] : item.kind === 'image' ? [item.image] : [])));
        expect(placed).toHaveLength(book.flat().length);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('hands over only finished pages: the page being filled stays until the next one starts', () => {
    const paginator = new Paginator(g, 3);
    paginator.add(articleUnits(0, [{ kind: 'line', height: 20, spaceBefore: 0, keepWithNext: false, keepOverLeaf: false, outline: false }]));
    expect(paginator.take().pages).toHaveLength(0);
    paginator.add(articleUnits(1, [{ kind: 'line', height: 20, spaceBefore: 0, keepWithNext: false, keepOverLeaf: false, outline: false }]));
    expect(paginator.take().pages.map((p) => [p.index, p.article])).toEqual([[3, 0]]);
    expect(paginator.finish().pages.map((p) => [p.index, p.article])).toEqual([[4, 1]]);
    expect(paginator.pageCount).toBe(2);
  });
});
