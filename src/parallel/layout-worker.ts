/**
 * The script each layout worker thread runs: lays out the articles it is sent, one at a time,
 * with its own fonts and measurer (kept for the worker's life, so widths found for one article
 * serve the next).
 */
import { parentPort } from 'node:worker_threads';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { layoutArticle, type ArticleJob } from '../write/pdf/layout/article-job.js';
import { memoizeMeasurer } from '../write/pdf/typeset/measure.js';

const measurer = memoizeMeasurer(fontMeasurer);
const port = parentPort;
if (!port) throw new Error('internal error: layout-worker.js runs only as a worker thread');

port.on('message', ({ id, input }: { id: number; input: ArticleJob }) => {
  try {
    port.postMessage({ id, output: layoutArticle(input, measurer) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, error: { message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) } });
  }
});
