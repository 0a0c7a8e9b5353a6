/**
 * Where the print edition's page breaks fall in the EPUB (EPUB Accessibility 1.1, page navigation:
 * https://www.w3.org/TR/epub-a11y-11/#sec-page-navigation). The PDF writer records each page start as
 * (article, block path, character offset); this module checks each against the model and files it
 * under the block it belongs to, so the XHTML handlers can drop a marker at exactly that point.
 */
import type { Diagnostics } from '../../check/diagnostic.js';
import type { Block } from '../../model/block.js';
import type { Article, Publication } from '../../model/publication.js';
import type { PageMap } from '../page-map.js';

/** One page-break marker, as placed in an article document. */
export interface PageMarker {
  /** The folio as printed. */
  label: string;
  /** Offset into the block's plain text (`inlineText`) at which the page begins. */
  offset: number;
  /** Fragment id of the marker, set when the article's ids are planned. */
  id: string;
}

/** Key of a block path: `3/1/0`; the empty path (the article's start) is `''`. */
export function pathKey(path: readonly number[]): string {
  return path.join('/');
}

/** Markers of one article, by the path key of the block they sit in (or before). */
export type ArticlePages = Map<string, PageMarker[]>;

/**
 * The blocks a path step may descend into: a blockquote's children (and its attribution, one past
 * them), a list item's children (two steps: item, then child), an article's notes after its body.
 */
function validPrefix(article: Article, path: readonly number[]): number[] {
  const out: number[] = [];
  const [first, ...rest] = path;
  if (first === undefined) return out;
  if (first < article.body.length) {
    const block = article.body[first] as Block;
    out.push(first);
    return out.concat(descend(block, rest));
  }
  const note = article.notes[first - article.body.length];
  if (!note) return out;
  out.push(first);
  const children = note.children;
  const [i, ...more] = rest;
  if (i === undefined || !children[i]) return out;
  out.push(i);
  return out.concat(descend(children[i] as Block, more));
}

function descend(block: Block, path: readonly number[]): number[] {
  const [i, ...rest] = path;
  if (i === undefined) return [];
  if (block.type === 'blockquote') {
    const child = block.children[i];
    // One past the last child is the attribution (the PDF sets it as the quote's last paragraph).
    if (!child) return i === block.children.length && block.attribution && rest.length === 0 ? [i] : [];
    return [i, ...descend(child, rest)];
  }
  if (block.type === 'list') {
    const item = block.items[i];
    const [j, ...more] = rest;
    if (!item || j === undefined) return [];
    const child = item.children[j];
    return child ? [i, j, ...descend(child, more)] : [];
  }
  return [];
}

/**
 * Files every page start of `pageMap` under its article and block. A page whose path does not exist
 * in the model (the PDF and the EPUB disagree) is placed at the nearest existing block before it and
 * reported, so the page-list still links every page.
 */
export function placePageBreaks(pub: Publication, pageMap: PageMap, diagnostics: Diagnostics): PlacedPages {
  const out = new Map<number, ArticlePages>();
  const inOrder: PlacedPages['inOrder'] = [];
  for (const page of pageMap.pages) {
    const article = pub.articles[page.article];
    if (!article) {
      diagnostics.warn({
        code: 'epub.page-break.article',
        message: `page ${page.label} of the print edition points at article ${page.article + 1}, which does not exist; it has no marker in the EPUB`,
      });
      continue;
    }
    const path = validPrefix(article, page.block);
    const exact = path.length === page.block.length;
    if (!exact) {
      diagnostics.warn({
        code: 'epub.page-break.block',
        file: article.origin,
        message: `page ${page.label} of the print edition points at block ${page.block.join('/')} of “${article.meta.title}”, which does not exist; its marker is placed at the nearest block`,
      });
    }
    const pages = out.get(page.article) ?? new Map<string, PageMarker[]>();
    out.set(page.article, pages);
    const key = pathKey(path);
    const list = pages.get(key) ?? [];
    const marker: PageMarker = { label: page.label, offset: exact ? page.offset : 0, id: '' };
    list.push(marker);
    pages.set(key, list);
    inOrder.push({ article: page.article, marker });
  }
  for (const pages of out.values()) for (const list of pages.values()) list.sort((a, b) => a.offset - b.offset);
  return { byArticle: out, inOrder };
}

/** The placed markers: by article and block for the documents, in page order for the page-list. */
export interface PlacedPages {
  byArticle: Map<number, ArticlePages>;
  inOrder: { article: number; marker: PageMarker }[];
}
