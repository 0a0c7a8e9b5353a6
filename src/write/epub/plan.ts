/**
 * The publication's layout in the EPUB, decided before any XHTML is written: each article's file
 * name and fragment ids, its notes' numbers, and where its page breaks go. The navigation documents
 * and cross-article links need all of it up front, and deciding it once keeps them in agreement
 * with the article documents.
 */
import { PublicationAnchors } from '../../model/anchors.js';
import type { Heading } from '../../model/block.js';
import type { Article, Note, Publication } from '../../model/publication.js';
import { languageDirection, type TextDirection } from '../../model/language.js';
import { asciiSlug, SlugScope, slugify } from '../../model/slug.js';
import { inlineText } from '../../model/text.js';
import { fragmentId } from '../../model/url.js';
import { walkBlocks } from '../../model/walk.js';
import { IdScope } from './ids.js';
import type { ArticlePages, PlacedPages } from './page-breaks.js';

/** File names of the documents broadsheet adds around the articles (`toc` is epub-gen-memory's). */
export const FRONT_AND_BACK = { cover: 'cover.xhtml', titlePage: 'title-page.xhtml', nav: 'toc.xhtml', colophon: 'colophon.xhtml' } as const;

const RESERVED_STEMS = ['cover', 'title-page', 'toc', 'colophon', 'style', 'content', 'images'];

export interface NotePlan {
  note: Note;
  /** Shown in the text and the notes list: position in `article.notes`, from 1. */
  number: number;
  id: string;
  /** Id of the first reference to the note, the target of its backlink (set while rendering). */
  refId?: string;
}

/** A heading as the table of contents lists it. */
export interface TocHeading {
  id: string;
  level: number;
  node: Heading;
}

export interface ArticlePlan {
  index: number;
  article: Article;
  /** The article's slug (any script): `#<slug>` links land on it. */
  slug: string;
  /**
   * Document file name, e.g. `life-on-the-harbour-wall.xhtml`: the slug in ASCII (`第一条` →
   * `di-yi-tiao.xhtml`), so no reading system trips over the name (EPUBCheck PKG-012).
   */
  file: string;
  lang: string;
  /** Direction of the document: the source's `dir`, else the language's (`rtl` for ar, he, fa …). */
  dir: TextDirection;
  /** Id of the `<article>` element; `#<slug>` links land here. */
  articleId: string;
  titleId: string;
  ids: IdScope;
  /** Ids of headings (all of them), and of figures and tables that have one in the model. */
  nodeIds: Map<object, string>;
  /** Ids as the model writes them (in `#…` links) → ids in the document. */
  anchors: Map<string, string>;
  notes: Map<string, NotePlan>;
  notesHeadingId?: string;
  /** Body headings of level 2 and 3, in order, for the table of contents. */
  toc: TocHeading[];
  pages: ArticlePages;
}

export interface PublicationPlan {
  articles: ArticlePlan[];
  /**
   * Where an internal `#id` link points, seen from `from`, by the model's one rule
   * (model/anchors.ts): its own article first, then an article (by slug), then any other article.
   * Undefined when nothing has that id.
   */
  resolve(href: string, from: ArticlePlan): string | undefined;
}

/** Plans every article. `pages` are the placed page breaks when there is a page map. */
export function planPublication(pub: Publication, pages?: PlacedPages): PublicationPlan {
  const slugs = new SlugScope();
  const files = new SlugScope();
  for (const stem of RESERVED_STEMS) files.unique(stem);
  const targets = new PublicationAnchors(pub.articles);
  const articles = pub.articles.map((article, index) => {
    const slug = slugs.unique(article.meta.slug ?? slugify(article.meta.title, 'article'));
    return planArticle(article, index, slug, `${files.unique(asciiSlug(slug, 'article'))}.xhtml`, pages?.byArticle.get(index) ?? new Map(), targets);
  });
  return {
    articles,
    resolve(href, from) {
      const id = fragmentId(href);
      const target = id === undefined ? undefined : targets.resolve(id, from.index);
      const plan = target && articles[target.article];
      if (!target || !plan) return undefined;
      const name = target.node && targets.nameOf(target.node);
      const local = name === undefined ? plan.articleId : plan.anchors.get(name);
      if (local === undefined) return undefined;
      return plan === from ? `#${local}` : name === undefined ? plan.file : `${plan.file}#${local}`;
    },
  };
}

function planArticle(article: Article, index: number, slug: string, file: string, pages: ArticlePages, targets: PublicationAnchors): ArticlePlan {
  const ids = new IdScope();
  const articleId = ids.take(slug, 'article');
  const titleId = ids.take(`${slug}-title`, 'title');
  for (const list of pages.values()) for (const marker of list) marker.id = ids.take(`page-${marker.label}`, 'page');
  const nodeIds = new Map<object, string>();
  const anchors = new Map<string, string>();
  const toc: TocHeading[] = [];
  const top = new Set<object>(article.body);
  walkBlocks(article.body, (block) => {
    if (block.type === 'heading') {
      const id = ids.take(block.id || targets.nameOf(block) || slugify(inlineText(block.children), 'section'), 'section');
      nodeIds.set(block, id);
      if (top.has(block) && block.level <= 3) toc.push({ id, level: block.level, node: block });
    } else if ((block.type === 'figure' || block.type === 'table') && block.id) {
      nodeIds.set(block, ids.take(block.id, block.type));
    }
  });
  const notes = new Map<string, NotePlan>();
  article.notes.forEach((note, i) => {
    if (notes.has(note.id)) return;
    const id = ids.take(`fn-${note.id}`, 'fn');
    notes.set(note.id, { note, number: i + 1, id });
  });
  for (const [name, node] of targets.byArticle[index] ?? []) {
    const id = 'type' in node ? nodeIds.get(node) : notes.get(node.id)?.id;
    if (id !== undefined) anchors.set(name, id);
  }
  const notesHeadingId = article.notes.length > 0 ? ids.take('notes', 'notes') : undefined;
  return {
    index, article, slug, file, lang: article.meta.lang, dir: article.meta.dir ?? languageDirection(article.meta.lang), articleId, titleId, ids, nodeIds, anchors, notes,
    notesHeadingId, toc, pages,
  };
}
