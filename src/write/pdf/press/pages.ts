/**
 * The reading PDF's pages as the press edition draws them: the same layout without its
 * interactive parts, padded with blank pages to the signature.
 *
 * Print shops' preflight rejects links, annotations and bookmarks (design.md §3 "Print-ready"), so
 * link areas and the named destinations they point to are left out here; the text of a link stays,
 * in its Link structure element, only the annotation is gone. The outline is not written by the
 * caller.
 */
import type { LaidOutPage, PageItem } from '../layout/page-items.js';
import type { Signature } from './options.js';
import { blankPagesFor } from './signature.js';

export interface PressPages {
  pages: LaidOutPage[];
  /** Blank pages added at the end. */
  blanks: number;
}

export function pressPages(pages: readonly LaidOutPage[], signature: Signature, label: (index: number) => string, coverPage = true): PressPages {
  // Without the cover page, page 1 stays as a blank recto, so the pages after it keep their sides.
  const out: LaidOutPage[] = pages.map((p) => ({ ...p, items: p.index === 0 && !coverPage ? [] : p.items.flatMap(withoutInteraction) }));
  const blanks = blankPagesFor(out.length, signature);
  // A blank page is an empty page: nothing on it, not even a folio (a book's blank versos have none).
  for (let i = 0; i < blanks; i++) {
    const index = out.length;
    out.push({ index, label: label(index), items: [] });
  }
  return { pages: out, blanks };
}

/** Items as the press edition draws them: no destinations, no links (their text stays). */
export function pressItems(items: readonly PageItem[]): PageItem[] {
  return items.flatMap(withoutInteraction);
}

function withoutInteraction(item: PageItem): PageItem[] {
  if (item.kind === 'dest') return [];
  if (item.kind === 'text' && item.link !== undefined) {
    const { link: _link, ...text } = item;
    return [text];
  }
  return [item];
}
