/**
 * The build's own checks that decide whether the EPUB may claim "EPUB Accessibility 1.1 - WCAG 2.2
 * Level AA" (https://www.w3.org/TR/epub-a11y-11/#sec-conf-reporting). Each failure names the check,
 * the file, the article and the node, so the author can fix it; any failure withholds the claim.
 */
import type { Block, Heading } from '../../model/block.js';
import type { Inline } from '../../model/inline.js';
import { canonicalLanguage } from '../../model/language.js';
import type { Article, Publication } from '../../model/publication.js';
import { inlineText } from '../../model/text.js';
import { walkArticle } from '../../model/walk.js';
import type { ImageStore } from '../../images/image.js';
import type { CoverArt } from '../cover/cover-art.js';

export type ClaimCheck = 'alt-text' | 'language' | 'heading-order' | 'table-headers';

export interface ClaimFailure {
  check: ClaimCheck;
  /** The article's source file, when known. */
  file?: string;
  /** Title of the article (absent for the cover). */
  article?: string;
  message: string;
  fix: string;
}

/** Every reason the claim cannot be made; empty when all checks pass. */
export function claimFailures(pub: Publication, images: ImageStore, cover: CoverArt): ClaimFailure[] {
  const out: ClaimFailure[] = [];
  if (!cover.alt.trim()) {
    out.push({ check: 'alt-text', message: 'the cover image has no text alternative', fix: 'give the cover an `alt` in publication.yaml' });
  }
  if (!canonicalLanguage(pub.meta.lang)) {
    out.push({ check: 'language', message: `the publication language “${pub.meta.lang}” is not a BCP 47 tag`, fix: 'use a tag such as "en" or "de-AT"' });
  }
  for (const article of pub.articles) {
    // Listed once for the four checks (a generator walked four times cost more than the checks).
    const blocks: Block[] = [];
    walkArticle(article, (block) => blocks.push(block));
    checkImages(article, blocks, images, out);
    checkLanguages(article, blocks, out);
    checkHeadings(article, blocks, out);
    checkTables(article, blocks, out);
  }
  return out;
}

function failure(article: Article, check: ClaimCheck, message: string, fix: string): ClaimFailure {
  return { check, file: article.origin, article: article.meta.title, message: `${message} in “${article.meta.title}”`, fix };
}

/** WCAG 1.1.1: every image has a text alternative or is marked decorative (`alt: ""`). */
function checkImages(article: Article, blocks: readonly Block[], images: ImageStore, out: ClaimFailure[]): void {
  let n = 0;
  for (const block of blocks) {
    if (block.type !== 'figure') continue;
    n++;
    const alt = block.image.alt;
    if (alt === undefined || (alt !== '' && alt.trim() === '')) {
      const file = images.get(block.image.src)?.file ?? block.image.src;
      const caption = block.caption ? ` (“${inlineText(block.caption)}”)` : '';
      out.push(failure(article, 'alt-text', `figure ${n}${caption}, image ${file}, has no alt text`, 'describe the image in `alt`, or write `alt: ""` if it is decorative'));
    }
  }
}

/** WCAG 3.1.1/3.1.2: every language tag is a real BCP 47 tag. */
function checkLanguages(article: Article, blocks: readonly Block[], out: ClaimFailure[]): void {
  const bad = new Set<string>();
  const check = (tag: string | undefined): void => {
    if (tag !== undefined && !canonicalLanguage(tag)) bad.add(tag);
  };
  const inlines = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'span') check(node.lang);
      if ('children' in node) inlines(node.children);
    }
  };
  check(article.meta.lang);
  for (const block of blocks) {
    if ('lang' in block) check(block.lang);
    if (block.type === 'heading' || block.type === 'paragraph') inlines(block.children);
    if (block.type === 'blockquote' && block.attribution) inlines(block.attribution);
    if (block.type === 'figure') inlines([...(block.caption ?? []), ...(block.credit ?? [])]);
    if (block.type === 'table') {
      inlines(block.caption ?? []);
      for (const row of [...block.head, ...block.body]) for (const cell of row.cells) inlines(cell.children);
    }
  }
  for (const tag of bad) out.push(failure(article, 'language', `the language tag “${tag}” is not a BCP 47 tag`, 'use a tag such as "fr" or "pt-BR"'));
}

/** WCAG 1.3.1 (and Ace's heading-order): after the title (h1), no heading skips a level. */
function checkHeadings(article: Article, blocks: readonly Block[], out: ClaimFailure[]): void {
  let previous = 1;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const h: Heading = block;
    if (h.level > previous + 1) {
      out.push(failure(article, 'heading-order', `the heading “${inlineText(h.children)}” is level ${h.level} after level ${previous}`, `make it level ${previous + 1} or add the missing level above it`));
    }
    previous = h.level;
  }
}

/** WCAG 1.3.1: a data table has header cells. */
function checkTables(article: Article, blocks: readonly Block[], out: ClaimFailure[]): void {
  let n = 0;
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    n++;
    const headers = [...block.head, ...block.body].some((row) => row.cells.some((c) => c.header));
    if (!headers) {
      const caption = block.caption ? ` (“${inlineText(block.caption)}”)` : '';
      out.push(failure(article, 'table-headers', `table ${n}${caption} has no header cells`, 'mark the header row or column as headers'));
    }
  }
}
