/** What the main thread asks of a worker thread, and what comes back: plain data both ways. */
import type { Diagnostic } from '../check/diagnostic.js';
import type { WriterInput } from '../write/input.js';
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';
import type { PageMap } from '../write/page-map.js';

export type WorkerTask =
  | { kind: 'layout'; job: ArticleJob }
  /** The writer input without its Diagnostics (a class): the worker reports into its own. */
  | { kind: 'epub'; input: Omit<WriterInput, 'diagnostics'>; pageMap: PageMap };

export type WorkerReply =
  | { kind: 'layout'; layout: ArticleLayout }
  | { kind: 'epub'; bytes: Uint8Array; diagnostics: Diagnostic[] };
