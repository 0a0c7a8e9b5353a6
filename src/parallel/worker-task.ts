/** What the main thread asks of a worker thread, and what comes back: plain data both ways. */
import type { DrawnJob, DrawSpec } from '../write/pdf/draw-job.js';
import type { ArticleJob } from '../write/pdf/layout/article-job.js';
import type { CatalogImage } from '../write/pdf/page-content.js';

/** Lay out and draw an article (draw-job.ts); `images`: the catalog entries of its images. */
export type WorkerTask = { kind: 'draw'; job: ArticleJob; spec: DrawSpec; images: [string, CatalogImage][]; grayscale: boolean };

export type WorkerReply = { kind: 'draw'; drawn: DrawnJob };
