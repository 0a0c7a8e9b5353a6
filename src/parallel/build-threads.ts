/**
 * The threads of a build. Lays out a book's articles: from the layout cache when it has them, else
 * on worker threads (`jobs` > 1) beside this one, or in this thread only (`jobs` = 1). The result
 * is the same whichever way: each article's layout is a pure function of its job
 * (write/pdf/layout/article-job.ts) and results come back in the order of the articles, so the
 * files are byte-identical whatever the number of jobs.
 *
 * Why the EPUB is not written on a worker while the PDF draws: measured on the 300-article bench
 * it saved no wall time within the noise and cost about 2 s more CPU (the worker loads the EPUB
 * writer and receives a copy of the book); the EPUB takes about 1 s of a build's 27 s of CPU.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DrawCache } from '../cache/draw-cache.js';
import type { LayoutCache } from '../cache/layout-cache.js';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { layoutArticle, type ArticleJob, type ArticleLayout } from '../write/pdf/layout/article-job.js';
import { memoizeMeasurer, type Measurer } from '../write/pdf/typeset/measure.js';
import { WorkerPool } from './pool.js';
import type { WorkerReply, WorkerTask } from './worker-task.js';

/**
 * The worker script, compiled next to this module. Under vitest the sources run as TypeScript and
 * there is no .js to start a thread with: then articles are set in this thread (same result).
 */
const WORKER = new URL('./layout-worker.js', import.meta.url);

/** The default number of jobs: the cores Node may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Below this many articles to set, no worker is started: starting one (loading the modules and
 * opening the fonts, ~0.6 s of CPU) costs as much as setting some twenty short articles, which
 * this thread has done by the time a worker would be ready.
 */
const LEAST_FOR_WORKERS = 16;

export class BuildThreads {
  private readonly pool: WorkerPool<WorkerTask, WorkerReply> | undefined;
  private measurer: Measurer | undefined;
  /** Calls of {@link layout} in progress. */
  private active = 0;

  /**
   * `jobs`: how many articles are set at once — this thread and `jobs - 1` workers (1: all in
   * this thread, no workers).
   */
  constructor(readonly jobs: number, readonly cache?: LayoutCache, readonly drawCache?: DrawCache) {
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`internal error: jobs must be a whole number from 1, not ${jobs}`);
    this.pool = jobs > 1 && existsSync(fileURLToPath(WORKER)) ? new WorkerPool(WORKER, jobs - 1) : undefined;
  }

  /** The layouts of `jobs`, in their order; `onArticle` hears how many are done after each. */
  async layout(jobs: readonly ArticleJob[], onArticle?: (done: number) => void): Promise<ArticleLayout[]> {
    this.active++;
    try {
      return await this.setArticles(jobs, onArticle);
    } finally {
      // The workers end once no publication is being laid out, and this thread's widths are let
      // go: neither is needed while the PDF draws and the EPUB is written (a press edition or
      // another input starts afresh).
      if (--this.active === 0) {
        this.measurer = undefined;
        await this.pool?.release();
      }
    }
  }

  private async setArticles(jobs: readonly ArticleJob[], onArticle?: (done: number) => void): Promise<ArticleLayout[]> {
    const cache = this.cache;
    const keys = cache ? jobs.map((job) => cache.key(job)) : [];
    // Entries are read one after another: all at once would hold every file's bytes beside its
    // objects (some hundreds of MiB for a long book).
    const results: (ArticleLayout | undefined)[] = [];
    for (let i = 0; i < jobs.length; i++) results.push(cache ? await cache.get(keys[i]!) : undefined);
    const todo = jobs.flatMap((_, i) => (results[i] === undefined ? [i] : []));
    if (cache) {
      cache.hits += jobs.length - todo.length;
      cache.misses += todo.length;
    }
    const writes: Promise<void>[] = [];
    let finished = jobs.length - todo.length;
    if (finished > 0) onArticle?.(finished);
    const done = (i: number, layout: ArticleLayout): void => {
      results[i] = layout;
      onArticle?.(++finished);
      if (cache) writes.push(cache.put(keys[i]!, layout));
    };
    // Every lane takes the next article not yet taken: the workers', and this thread's, which
    // yields between articles so that finished workers get their next article meanwhile.
    let next = 0;
    const lanes: Promise<void>[] = [];
    const pool = this.pool;
    if (pool && todo.length >= LEAST_FOR_WORKERS) {
      for (let w = 0; w < pool.size; w++) {
        lanes.push((async () => {
          while (next < todo.length) {
            const i = todo[next++]!;
            done(i, (await pool.run({ kind: 'layout', job: jobs[i]! })).layout);
          }
        })());
      }
    }
    const shared = lanes.length > 0;
    lanes.push((async () => {
      const measurer = (this.measurer ??= memoizeMeasurer(fontMeasurer));
      while (next < todo.length) {
        const i = todo[next++]!;
        done(i, layoutArticle(jobs[i]!, measurer));
        if (shared) await new Promise((resolve) => setImmediate(resolve));
      }
    })());
    await Promise.all(lanes);
    await Promise.all(writes);
    return results.map((layout, i) => {
      if (layout === undefined) throw new Error(`internal error: article ${i + 1} was not laid out`);
      return layout;
    });
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

