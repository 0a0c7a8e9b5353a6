/**
 * The link pass, run once the whole publication is read (whatever reader made it, JSON included):
 * every link of the model leaves it as a valid absolute URL or as a `#id` that names something, or
 * becomes its own text with a warning. The writers then only map `#id`s to their own names.
 *
 * - An absolute address is repaired (model/url.ts): `?channels=##rust` → `?channels=#%23rust`.
 * - `#id` must name an anchor of the publication (model/anchors.ts).
 * - A relative reference to another article's file (`other-post.md`, `other-post.html#x`) becomes
 *   an internal link to that article (or to `#x` in it).
 * - Any other relative reference (`/docs/install`, `../x.html`) is resolved against the article's
 *   canonical source URL (`meta.source`) when it has one, and is otherwise text.
 * - An address of the web page another article was made from (its `meta.source`, as a blog's
 *   `/posts/other-post/` resolves to) leads to that article inside the book.
 *
 * Warnings are summarised: one per article and kind, with a count and a few examples.
 */
import path from 'node:path';
import type { Diagnostics } from '../check/diagnostic.js';
import { PublicationAnchors } from '../model/anchors.js';
import type { Block } from '../model/block.js';
import type { Inline } from '../model/inline.js';
import type { Article, Publication } from '../model/publication.js';
import { slugify } from '../model/slug.js';
import { fragmentId, repairUrl } from '../model/url.js';
import { walkBlocks } from '../model/walk.js';

/** Why a link became text. */
type Dropped = 'invalid' | 'fragment' | 'relative' | 'article-fragment';

const MESSAGES: Record<Dropped, { what: (n: number) => string; fix: string }> = {
  invalid: {
    what: (n) => `${plural(n, 'link has an address', 'links have addresses')} that no URL parser accepts`,
    fix: 'correct the address (a full https:// URL), or remove the link',
  },
  fragment: {
    what: (n) => `${plural(n, 'link points', 'links point')} at an id that no heading, figure, table, note or article has`,
    fix: 'link to the id of a heading, figure or table (a heading without an id is named by its slug: “## Results” is #results)',
  },
  relative: {
    what: (n) => `${plural(n, 'link has a site-relative address', 'links have site-relative addresses')}, and the article has no source URL to resolve ${n === 1 ? 'it' : 'them'} against`,
    fix: 'give the article’s canonical URL as `source:` in the front matter (or <link rel="canonical"> in HTML), or write full https:// addresses',
  },
  'article-fragment': {
    what: (n) => `${plural(n, 'link points', 'links point')} at an id of another article that this one has too, so the book cannot tell them apart`,
    fix: 'give the heading, figure or table a unique id',
  },
};

const EXAMPLES = 3;

/** Extensions of article files and of the pages they become. */
const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.html', '.htm'];

/** Repairs, resolves or unwraps every link of `pub`, in place. */
export function resolveLinks(pub: Publication, diagnostics: Diagnostics): void {
  const book: Book = { anchors: new PublicationAnchors(pub.articles), files: new Map(), pages: new Map(), articles: pub.articles };
  pub.articles.forEach((article, i) => {
    if (article.origin !== undefined && !book.files.has(path.resolve(article.origin))) book.files.set(path.resolve(article.origin), i);
    const source = sourceUrl(article);
    if (source !== undefined && !book.pages.has(pageKey(source))) book.pages.set(pageKey(source), i);
  });

  pub.articles.forEach((article, index) => {
    const dropped = new Map<Dropped, string[]>();
    const base = sourceUrl(article);
    const target = (href: string): string | undefined => {
      const result = resolveHref(href, article, index, base, book);
      if (typeof result === 'string') return result;
      const list = dropped.get(result.dropped) ?? [];
      list.push(href);
      dropped.set(result.dropped, list);
      return undefined;
    };
    const fix = (inlines: Inline[]): Inline[] => fixInlines(inlines, target, base);
    const visit = (block: Block): void => fixBlock(block, fix);
    walkBlocks(article.body, visit);
    for (const note of article.notes) walkBlocks(note.children, visit);

    for (const [kind, hrefs] of dropped) {
      const message = MESSAGES[kind];
      const shown = hrefs.slice(0, EXAMPLES).map((h) => `“${h}”`).join(', ');
      diagnostics.warn({
        code: `link.${kind}`,
        ...(article.origin !== undefined && { file: article.origin }),
        message: `“${article.meta.title}”: ${message.what(hrefs.length)} (${shown}${hrefs.length > EXAMPLES ? ', …' : ''}); the book keeps the text without the link`,
        fix: message.fix,
      });
    }
  });
}

/** The article's canonical URL when it is an absolute web address: the base of its relative links. */
function sourceUrl(article: Article): string | undefined {
  const source = article.meta.source;
  if (source === undefined) return undefined;
  const url = repairUrl(source.trim());
  return url !== undefined && /^https?:/.test(url) ? url : undefined;
}

/** What links may lead to inside the book. */
interface Book {
  anchors: PublicationAnchors;
  /** Absolute path of each article's file → its index. */
  files: Map<string, number>;
  /** Each article's canonical URL (see {@link pageKey}) → its index. */
  pages: Map<string, number>;
  articles: readonly Article[];
}

function resolveHref(href: string, article: Article, index: number, base: string | undefined, book: Book): string | { dropped: Dropped } {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) {
    const id = fragmentId(trimmed);
    return id !== undefined && book.anchors.resolve(id, index) ? `#${id}` : { dropped: 'fragment' };
  }
  let url: string | undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed.replace(/[\0-\x20\x7F]/g, ''))) {
    url = repairUrl(trimmed);
  } else {
    const other = article.origin !== undefined ? articleFile(trimmed, article.origin, book.files) : undefined;
    if (other !== undefined) return articleLink(other, index, book) ?? { dropped: 'article-fragment' };
    if (base === undefined) return { dropped: 'relative' };
    url = repairUrl(trimmed, base);
  }
  if (url === undefined) return { dropped: 'invalid' };
  // A link to the web page another article of the book was made from leads to that article.
  const page = book.pages.get(pageKey(url));
  if (page !== undefined && page !== index) {
    const hash = url.indexOf('#');
    const fragment = hash >= 0 ? fragmentId(url.slice(hash)) : undefined;
    const inside = articleLink({ article: page, ...(fragment !== undefined && { fragment }) }, index, book);
    if (inside !== undefined) return inside;
  }
  return url;
}

/** A web page's address for comparing pages: no fragment, no trailing `/` or `/index.html`. */
function pageKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/(?:index\.html?)?$/, '');
}

/** The article a relative reference names by its file (`other-post.md#x`), and the fragment. */
function articleFile(href: string, origin: string, files: ReadonlyMap<string, number>): { article: number; fragment?: string } | undefined {
  const hash = href.indexOf('#');
  const file = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '');
  if (file === '' || file.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    decoded = file;
  }
  const target = path.resolve(path.dirname(origin), decoded);
  // A Markdown post links to the page its sibling becomes (`other-post.html` for `other-post.md`).
  const stem = target.slice(0, target.length - path.extname(target).length);
  const article = files.get(target) ?? (ARTICLE_EXTENSIONS.includes(path.extname(target).toLowerCase()) ? ARTICLE_EXTENSIONS.map((ext) => files.get(stem + ext)).find((i) => i !== undefined) : undefined);
  if (article === undefined) return undefined;
  const fragment = hash >= 0 ? fragmentId(href.slice(hash)) : undefined;
  return { article, ...(fragment !== undefined && { fragment }) };
}

/**
 * `#x` when x, seen from article `from`, leads into the named article; else `#slug` of that article
 * when no fragment was asked for; else undefined (the id is unknown there, or shadowed).
 */
function articleLink(to: { article: number; fragment?: string }, from: number, book: Book): string | undefined {
  const { anchors } = book;
  if (to.fragment !== undefined) {
    const node = anchors.byArticle[to.article]?.get(to.fragment);
    const hit = anchors.resolve(to.fragment, from);
    return node && hit?.node === node ? `#${to.fragment}` : undefined;
  }
  const target = book.articles[to.article]!;
  const slug = target.meta.slug ?? slugify(target.meta.title, 'article');
  const hit = anchors.resolve(slug, from);
  return hit && hit.article === to.article && hit.node === undefined ? `#${slug}` : undefined;
}

function fixBlock(block: Block, fix: (inlines: Inline[]) => Inline[]): void {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      block.children = fix(block.children);
      break;
    case 'blockquote':
      if (block.attribution) block.attribution = fix(block.attribution);
      break;
    case 'figure':
      if (block.caption) block.caption = fix(block.caption);
      if (block.credit) block.credit = fix(block.credit);
      break;
    case 'table':
      if (block.caption) block.caption = fix(block.caption);
      for (const row of [...block.head, ...block.body]) for (const cell of row.cells) cell.children = fix(cell.children);
      break;
    default:
      break;
  }
}

/** The inlines with links repaired, and links that cannot be kept replaced by their children. */
function fixInlines(inlines: Inline[], target: (href: string) => string | undefined, base: string | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    if (node.type === 'link') {
      const children = fixInlines(node.children, target, base);
      const href = target(node.href);
      if (href === undefined) out.push(...children);
      else out.push({ ...node, href, children });
    } else if (node.type === 'quote') {
      // `cite` is not shown, so an address that cannot be repaired is dropped without a word.
      const cite = node.cite === undefined ? undefined : repairUrl(node.cite.trim(), base);
      out.push({ type: 'quote', ...(cite !== undefined && { cite }), children: fixInlines(node.children, target, base) });
    } else if ('children' in node) {
      out.push({ ...node, children: fixInlines(node.children, target, base) });
    } else {
      out.push(node);
    }
  }
  return out;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}
