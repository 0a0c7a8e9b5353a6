/**
 * The draw cache: each article's pages as drawn (write/pdf/drawn-article.ts: content streams,
 * structure, links), so that a rebuild after one article was edited neither lays out nor draws
 * the others again — it places their pages after the pages before them and numbers them anew.
 *
 * The key is the layout cache's (the article's layout job and the build's identity) with the
 * page geometry. An article whose pagination differs between a recto and a verso start is stored
 * under its side as well; one that breaks alike on both sides is stored once for either.
 * A drawing that used a copy of a glyph (text/glyph-book.ts) is not stored: its bytes follow the
 * book. One whose glyphs meet another text in the new book is not used (the writer draws it again).
 */
import { existsSync } from 'node:fs';
import type { ArticleJob } from '../write/pdf/layout/article-job.js';
import type { DrawnArticle } from '../write/pdf/drawn-article.js';
import type { PageGeometry } from '../write/pdf/page-geometry.js';
import { KindCache } from './kind-cache.js';

export class DrawCache extends KindCache {
  /** Articles placed from the cache, and articles drawn afresh, in this cache's life. */
  hits = 0;
  misses = 0;

  static async open(dir: string): Promise<DrawCache> {
    return new DrawCache(...(await KindCache.parts(dir, 'drawn', 'drawn again')));
  }

  /** The keys of an article's drawing for either side, and for a recto (0) or verso (1) start. */
  keys(job: ArticleJob, g: PageGeometry): { either: string; sides: readonly [string, string] } {
    // The job (the article's whole model) is hashed once; the three keys from that hash.
    const base = this.keyOf(JSON.stringify(job), JSON.stringify(g));
    return { either: this.keyOf(base, 'either'), sides: [this.keyOf(base, '0'), this.keyOf(base, '1')] };
  }

  /** Whether an entry is stored under `key` (without reading it). */
  has(key: string): boolean {
    return existsSync(this.store.path(key));
  }

  async get(key: string): Promise<DrawnArticle | undefined> {
    return (await this.store.get(key)) as DrawnArticle | undefined;
  }

  put(key: string, drawn: DrawnArticle): Promise<void> {
    return this.store.put(key, drawn);
  }
}
