/**
 * What the press edition leaves out of the reading PDF's pages: their interactive parts. (The
 * writer pads the book with blank pages to the signature, press/signature.ts.)
 *
 * Print shops' preflight rejects links, annotations and bookmarks (design.md §3 "Print-ready"), so
 * link areas and the named destinations they point to are left out here; the text of a link stays,
 * in its Link structure element, only the annotation is gone. The outline is not written by the
 * caller.
 */
import type { PageItem } from '../layout/page-items.js';

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
