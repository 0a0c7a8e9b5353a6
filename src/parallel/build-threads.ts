/**
 * The threads of a build. Lays out and draws a book's articles (write/pdf/draw-job.ts): side by
 * side on worker threads (`jobs` > 1) and this one, or one by one in this thread (`jobs` = 1, or
 * too few articles to be worth a worker), with layouts from the layout cache when it has them. The
 * result is the same whichever way: an article's layout is a pure function of its job
 * (write/pdf/layout/article-job.ts), and the PDF writer places the drawings in the order of the
 * articles, checking that each lane's glyph ids mean what the document's do (text/glyph-book.ts),
 * so the files are byte-identical whatever the number of jobs.
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
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';
import type { Measurer } from '../write/pdf/typeset/measure.js';
import { WorkerPool } from './pool.js';
import type { WorkerReply, WorkerTask } from './worker-task.js';
import type { DrawnJob, DrawSpec } from '../write/pdf/draw-job.js';
import type { CatalogImage, ImageCatalog, PageContent } from '../write/pdf/page-content.js';

/**
 * The worker script, compiled next to this module. Under vitest the sources run as TypeScript and
 * there is no .js to start a thread with: then articles are set in this thread (same result).
 */
const WORKER = new URL('./draw-worker.js', import.meta.url);

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
    this.pool = jobs > 1 && existsSync(fileURLToPath(WORKER)) ? new WorkerPool(WORKER, jobs - 1, 2) : undefined;
  }

  /** Whether `count` articles are set on workers beside this thread (else all in this thread, in order). */
  parallel(count: number): boolean {
    return this.pool !== undefined && count >= LEAST_FOR_WORKERS;
  }

  /**
   * Lays out and draws `jobs` side by side, on the workers and in this thread (draw-job.ts), for
   * both sides where they differ: the PDF writer places the drawings in order. Layouts come from
   * the layout cache when it has them (drawn in this thread) and go into it when made.
   * `content` makes this thread's content streams (with its own glyph ids, not the document's).
   *
   * `firstPage`: the page the first job opens on, when `jobs` are the book's articles, every one,
   * in order. Then this thread takes them from the front and the workers from the back, so that
   * this thread knows the side each of its articles opens on (it has drawn every one before it)
   * and draws that side alone: only the workers' articles are drawn for both sides where they
   * differ (some 40 % of a book's articles do; a drawing costs more than the layout).
   */
  async drawAll(jobs: readonly ArticleJob[], spec: DrawSpec, catalog: ImageCatalog, grayscale: boolean, content: () => PageContent, onArticle?: (done: number) => void, firstPage?: number): Promise<DrawnJob[]> {
    this.active++;
    try {
      const cache = this.cache;
      const keys = cache ? jobs.map((job) => cache.key(job)) : [];
      const cached: (ArticleLayout | undefined)[] = [];
      for (let i = 0; i < jobs.length; i++) cached.push(cache ? await cache.get(keys[i]!) : undefined);
      if (cache) {
        const hits = cached.filter((c) => c !== undefined).length;
        cache.hits += hits;
        cache.misses += jobs.length - hits;
      }
      const lanedSpec: DrawSpec = { ...spec, keepLayout: cache !== undefined };
      const results: (DrawnJob | undefined)[] = new Array(jobs.length);
      let finished = 0;
      const done = (i: number, drawn: DrawnJob): void => {
        if (cache && drawn.layout) void cache.putBytes(keys[i]!, drawn.layout);
        results[i] = { sides: drawn.sides };
        onArticle?.(++finished);
      };
      // Articles with a cached layout are drawn here; the others go to whichever lane is free.
      const todo = jobs.flatMap((_, i) => (cached[i] === undefined ? [i] : []));
      const mine = jobs.flatMap((_, i) => (cached[i] !== undefined ? [i] : []));
      // With every article to draw and no cache to keep both sides for, this thread draws from the
      // front, each article for the side it opens on, and the workers from the back.
      const inOrder = firstPage !== undefined && !spec.bothSides && mine.length === 0;
      let next = 0;
      let last = todo.length - 1;
      const lanes: Promise<void>[] = [];
      const pool = this.pool;
      if (pool) {
        // As many lanes as the workers hold tasks, so that each has its next article waiting (pool.ts).
        for (let w = 0; w < pool.size * pool.depth; w++) {
          lanes.push((async () => {
            while (next <= last) {
              const i = inOrder ? todo[last--]! : todo[next++]!;
              const images = jobs[i]!.images.flatMap((image) => (catalog.has(image.id) ? [[image.id, catalog.get(image.id)!] as [string, CatalogImage]] : []));
              done(i, (await pool.run({ kind: 'draw', job: jobs[i]!, spec: lanedSpec, images, grayscale })).drawn);
            }
          })());
        }
      }
      const { drawJob } = await drawing();
      lanes.push((async () => {
        const measurer = await this.ownMeasurer();
        for (const i of mine) {
          done(i, drawJob(jobs[i]!, lanedSpec, measurer, content, undefined, cached[i]));
          cached[i] = undefined;
          await new Promise((resolve) => setImmediate(resolve));
        }
        let page = firstPage ?? 0;
        while (next <= last) {
          const i = todo[next++]!;
          const drawn = drawJob(jobs[i]!, lanedSpec, measurer, content, inOrder ? ((page % 2) as 0 | 1) : undefined);
          page += drawn.sides[0]!.pages.length;
          done(i, drawn);
          // Yields between articles, so that finished workers get their next article meanwhile.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })());
      await Promise.all(lanes);
      await cache?.settle();
      return results.map((drawn, i) => {
        if (drawn === undefined) throw new Error(`internal error: article ${i + 1} was not drawn`);
        return drawn;
      });
    } finally {
      if (--this.active === 0) {
        this.measurer = undefined;
        await this.pool?.release();
      }
    }
  }

  /**
   * Lays out (or finds in the layout cache) and draws one article in this thread, opening on a
   * page of `side`, with `content` (the document's own content streams: articles drawn in order),
   * and its other side for the draw cache with `twinContent` (draw-job.ts).
   */
  async drawOne(job: ArticleJob, spec: DrawSpec, side: 0 | 1, content: () => PageContent, twinContent: () => PageContent): Promise<DrawnJob> {
    const cache = this.cache;
    const key = cache?.key(job);
    const cached = cache && key ? await cache.get(key) : undefined;
    if (cache) {
      if (cached) cache.hits++;
      else cache.misses++;
    }
    const measurer = await this.ownMeasurer();
    const { drawJob } = await drawing();
    const drawn = drawJob(job, { ...spec, keepLayout: cache !== undefined }, measurer, content, side, cached, twinContent);
    if (cache && key && drawn.layout) void cache.putBytes(key, drawn.layout);
    return { sides: drawn.sides };
  }

  /**
   * A book's articles are drawn: lets go of this thread's widths (drawOne keeps them between
   * articles) and waits for the layouts being stored, so that the cache's problems are known.
   */
  async drawn(): Promise<void> {
    if (this.active === 0) this.measurer = undefined;
    await this.cache?.settle();
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** This thread's widths, kept between the articles of a book. */
  private async ownMeasurer(): Promise<Measurer> {
    if (this.measurer) return this.measurer;
    const [{ memoizeMeasurer }, { fontMeasurer }] = await Promise.all([import('../write/pdf/typeset/measure.js'), import('../write/pdf/font-metrics.js')]);
    return (this.measurer ??= memoizeMeasurer(fontMeasurer));
  }
}

/**
 * The layout and drawing modules, loaded when the first article is drawn, not with this module:
 * the build makes its BuildThreads before the cover, and the writers load while resvg renders it.
 */
function drawing(): Promise<typeof import('../write/pdf/draw-job.js')> {
  return import('../write/pdf/draw-job.js');
}

