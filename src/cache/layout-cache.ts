/**
 * The layout cache: each article's laid-out units, stored under a hash of everything they depend
 * on, so that a rebuild sets again only the articles that changed.
 *
 * The key is the SHA-256 of the article's layout job (the article's model, its images' ids — which
 * are hashes of their bytes — and sizes, where its links lead, the page geometry) and of the
 * build's identity (identity.ts: broadsheet's version and code, Node's, the packages', the font
 * files). An article found in the draw cache (draw-cache.ts) needs no layout; this one serves when
 * its drawing cannot be used (the press edition, a glyph that means another text in the new book,
 * an article not yet drawn for its new side), and for the layouts the workers send back.
 * Placing, page numbers, the page list and the table of contents are made on every build.
 *
 * Entries are stored as every cache's are (entry-store.ts: checksummed, written atomically, a
 * damaged one ignored and laid out again), with v8.serialize, which keeps the structure tree's
 * parent links.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';
import { KindCache } from './kind-cache.js';

/**
 * Where the CLI keeps the cache unless told otherwise: `node_modules/.cache/broadsheet` in a project
 * that has node_modules (the convention of babel, eslint, ava …), else the user's cache folder
 * (`$XDG_CACHE_HOME/broadsheet`, `~/.cache/broadsheet`), so that building a book folder never
 * creates a node_modules in it.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = '.'): string {
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join('node_modules', '.cache', 'broadsheet');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'broadsheet');
}

export class LayoutCache extends KindCache {
  /** Entries found, and entries laid out afresh (and stored) in this cache's life. */
  hits = 0;
  misses = 0;

  /** A cache in `dir` (created on first write). */
  static async open(dir: string): Promise<LayoutCache> {
    return new LayoutCache(...(await KindCache.parts(dir, 'layout', 'laid out again')));
  }

  key(job: ArticleJob): string {
    return this.keyOf(JSON.stringify(job));
  }

  /** The layout stored under `key`, or undefined when there is none or it is damaged. */
  async get(key: string): Promise<ArticleLayout | undefined> {
    return (await this.store.get(key)) as ArticleLayout | undefined;
  }

  /** Stores a layout already serialised with v8 (on a worker thread) under `key`. */
  putBytes(key: string, payload: Uint8Array): Promise<void> {
    return this.store.putPayload(key, payload);
  }
}
