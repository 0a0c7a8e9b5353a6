/**
 * Which ids a `#fragment` link may name, and what each names: one rule for the link check after
 * reading and for both writers, so a link the build keeps lands on the same place in the EPUB and
 * in the PDF.
 *
 * An article offers the explicit ids of its headings, figures, tables and notes, and for every
 * heading without an id the slug of its text (`## Results` → `#results`; a repeat gets `-2`), which
 * is how Markdown authors link to sections (GitHub and most static-site generators do the same),
 * and as an alias GitHub's own slug of it.
 * A publication also offers each article's slug, which lands on the article's start.
 */
import type { Figure, Heading, Table } from './block.js';
import type { Article, Note } from './publication.js';
import { SlugScope, slugify } from './slug.js';
import { inlineText } from './text.js';
import { walkBlocks } from './walk.js';

/** What a fragment may name inside an article. */
export type AnchorNode = Heading | Figure | Table | Note;

/** The ids `#…` links in `article` may name, each with its node; the first node with an id wins. */
export function articleAnchors(article: Article): Map<string, AnchorNode> {
  const anchors = new Map<string, AnchorNode>();
  const implicit: Heading[] = [];
  walkBlocks(article.body, (block) => {
    if (block.type !== 'heading' && block.type !== 'figure' && block.type !== 'table') return;
    if (block.id !== undefined && block.id !== '') {
      if (!anchors.has(block.id)) anchors.set(block.id, block);
    } else if (block.type === 'heading') {
      implicit.push(block);
    }
  });
  for (const note of article.notes) if (!anchors.has(note.id)) anchors.set(note.id, note);
  const scope = new SlugScope();
  for (const id of anchors.keys()) scope.unique(id);
  for (const heading of implicit) anchors.set(scope.unique(slugify(inlineText(heading.children), 'section')), heading);
  // The same headings under the slugs GitHub, Hugo and most Markdown renderers write, which keep
  // letters outside ASCII and do not merge hyphens: `## C++ & Rust` is also #c--rust, `## Überblick` #überblick.
  for (const heading of implicit) {
    const alias = githubSlug(inlineText(heading.children));
    if (alias !== '' && !anchors.has(alias)) anchors.set(alias, heading);
  }
  return anchors;
}

/** github-slugger's rule: lower case, punctuation removed, each space a hyphen. */
function githubSlug(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Where a fragment leads: an article, and the node in it (none: the article's start). */
export interface AnchorTarget {
  article: number;
  node?: AnchorNode;
}

/** The anchors of every article of a publication, for resolving `#id` links between them. */
export class PublicationAnchors {
  readonly byArticle: Map<string, AnchorNode>[];
  private readonly slugs = new Map<string, number>();
  /** Node → the first id that names it (nodes are distinct objects across articles). */
  private readonly names = new Map<AnchorNode, string>();

  constructor(articles: readonly Article[]) {
    this.byArticle = articles.map(articleAnchors);
    for (const anchors of this.byArticle) for (const [name, node] of anchors) if (!this.names.has(node)) this.names.set(node, name);
    articles.forEach((article, i) => {
      const slug = article.meta.slug ?? slugify(article.meta.title, 'article');
      if (!this.slugs.has(slug)) this.slugs.set(slug, i);
    });
  }

  /**
   * Where `#id` leads from article `from`: an id of that article first, then an article's slug,
   * then an id of any other article. Undefined when nothing has that id.
   */
  resolve(id: string, from: number): AnchorTarget | undefined {
    const local = this.byArticle[from]?.get(id);
    if (local) return { article: from, node: local };
    const article = this.slugs.get(id);
    if (article !== undefined) return { article };
    for (let i = 0; i < this.byArticle.length; i++) {
      const node = this.byArticle[i]!.get(id);
      if (node) return { article: i, node };
    }
    return undefined;
  }

  /** The id that names `node` (its first), or undefined for a node no link can name. */
  nameOf(node: AnchorNode): string | undefined {
    return this.names.get(node);
  }
}
