/**
 * Lays out a book's articles: from the layout cache when it has them, else on worker threads
 * (`jobs` > 1) or in this thread (`jobs` = 1). The result is the same whichever way: each article's
 * layout is a pure function of its job (write/pdf/layout/article-job.ts), and results come back in
 * the order of the articles, so the PDF is byte-identical whatever the number of jobs.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LayoutCache } from '../cache/layout-cache.js';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { layoutArticle, type ArticleJob, type ArticleLayout } from '../write/pdf/layout/article-job.js';
import { memoizeMeasurer, type Measurer } from '../write/pdf/typeset/measure.js';
import { WorkerPool } from './pool.js';

/**
 * The worker script, compiled next to this module. Under vitest the sources run as TypeScript and
 * there is no .js to start a thread with: then articles are set in this thread (same result).
 */
const WORKER = new URL('./layout-worker.js', import.meta.url);

/** The default number of jobs: the cores Node may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

export class Typesetter {
  private readonly pool: WorkerPool<ArticleJob, ArticleLayout> | undefined;
  private measurer: Measurer | undefined;

  /** `jobs`: how many articles are set at once (1: all in this thread, no workers). */
  constructor(readonly jobs: number, readonly cache?: LayoutCache) {
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`internal error: jobs must be a whole number from 1, not ${jobs}`);
    this.pool = jobs > 1 && existsSync(fileURLToPath(WORKER)) ? new WorkerPool(WORKER, jobs) : undefined;
  }

  /** The layouts of `jobs`, in their order. */
  async layout(jobs: readonly ArticleJob[]): Promise<ArticleLayout[]> {
    const cache = this.cache;
    const keys = cache ? jobs.map((job) => cache.key(job)) : [];
    const found = cache ? await Promise.all(keys.map((key) => cache.get(key))) : [];
    const writes: Promise<void>[] = [];
    const results = await Promise.all(
      jobs.map(async (job, i) => {
        const cached = found[i];
        if (cached) {
          cache!.hits++;
          return cached;
        }
        const layout = this.pool ? await this.pool.run(job) : layoutArticle(job, (this.measurer ??= memoizeMeasurer(fontMeasurer)));
        if (cache) {
          cache.misses++;
          writes.push(cache.put(keys[i]!, layout));
        }
        return layout;
      }),
    );
    await Promise.all(writes);
    return results;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
