/**
 * The script each worker thread runs: lays out the articles it is sent, one at a time, with fonts
 * and a measurer kept for the worker's life (widths found for one article serve the next).
 */
import { parentPort } from 'node:worker_threads';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { layoutArticle } from '../write/pdf/layout/article-job.js';
import { memoizeMeasurer } from '../write/pdf/typeset/measure.js';
import type { WorkerReply, WorkerTask } from './worker-task.js';

const measurer = memoizeMeasurer(fontMeasurer);
const port = parentPort;
if (!port) throw new Error('internal error: layout-worker.js runs only as a worker thread');

async function perform(task: WorkerTask): Promise<WorkerReply> {
  return { kind: 'layout', layout: layoutArticle(task.job, measurer) };
}

port.on('message', ({ id, input }: { id: number; input: WorkerTask }) => {
  perform(input).then(
    (output) => port.postMessage({ id, output }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, error: { message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) } });
    },
  );
});
