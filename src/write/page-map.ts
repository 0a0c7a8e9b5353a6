/**
 * Where each printed page begins in the model. The PDF writer records it while laying out; the
 * EPUB writer places its page-break markers from it (EPUB Accessibility 1.1, page navigation).
 */

/** The start of one printed page that has body content. */
export interface PageStart {
  /** The folio as printed (and as the PDF's /PageLabels give it), e.g. "7" or "iii". */
  label: string;
  /** 0-based index of the page in the PDF. */
  pageIndex: number;
  /** Index of the article in `publication.articles`. */
  article: number;
  /**
   * Path to the block in which the page's first line begins: indexes into `body`, then into nested
   * containers (blockquote children, list items then their children, …), as `blockPath` walks them.
   * For a page that begins in a note, the first index is `body.length + noteIndex`.
   */
  block: number[];
  /**
   * Character offset, in the block's plain text (model/text.ts `inlineText` of its inlines), of the
   * first word on the page. A page that begins inside a hyphenated word points at the word's start.
   */
  offset: number;
}

export interface PageMap {
  /** The PDF edition these pages belong to (its identifier), for the EPUB's pageBreakSource. */
  source: string;
  pages: PageStart[];
}
