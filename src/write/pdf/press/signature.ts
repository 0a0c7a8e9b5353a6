/**
 * Page count and binding. A book is printed on sheets folded into signatures of 4 (perfect
 * binding: one sheet, two leaves) to 32 pages; a page count that is not a multiple is padded by
 * the printer with blanks wherever it likes. The press edition adds them itself, at the end, so
 * they never fall inside or before the last article.
 */
import type { Signature } from './options.js';

/** How many blank pages make `pages` a multiple of `signature`. */
export function blankPagesFor(pages: number, signature: Signature): number {
  return (signature - (pages % signature)) % signature;
}
