/** What the main thread asks of a worker thread, and what comes back: plain data both ways. */
import type { DrawnJob, DrawSpec } from '../write/pdf/draw-job.js';
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';
import type { CatalogImage } from '../write/pdf/page-content.js';

export type WorkerTask =
  | { kind: 'layout'; job: ArticleJob }
  /** Lay out and draw (draw-job.ts); `images`: the catalog entries of the article's images. */
  | { kind: 'draw'; job: ArticleJob; spec: DrawSpec; images: [string, CatalogImage][]; grayscale: boolean };

export type WorkerReply = { kind: 'layout'; layout: ArticleLayout } | { kind: 'draw'; drawn: DrawnJob };
