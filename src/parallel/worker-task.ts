/** What the main thread asks of a worker thread, and what comes back: plain data both ways. */
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';

export type WorkerTask = { kind: 'layout'; job: ArticleJob };

export type WorkerReply = { kind: 'layout'; layout: ArticleLayout };
