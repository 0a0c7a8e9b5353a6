/**
 * The script each worker thread runs: lays out (and draws) the articles it is sent, one at a time,
 * with fonts, a measurer and encoded words kept for the worker's life (what one article found
 * serves the next). Its drawings use the worker's own glyph ids as CIDs; the PDF writer checks
 * that they mean the same in its document (text/glyph-book.ts) before it places them.
 */
import { parentPort } from 'node:worker_threads';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { drawJob } from '../write/pdf/draw-job.js';
import { PageContent } from '../write/pdf/page-content.js';
import { RunEncoder } from '../write/pdf/text/run-encoder.js';
import { memoizeMeasurer } from '../write/pdf/typeset/measure.js';
import type { WorkerReply, WorkerTask } from './worker-task.js';

const measurer = memoizeMeasurer(fontMeasurer);
const encoder = new RunEncoder();
const port = parentPort;
if (!port) throw new Error('internal error: draw-worker.js runs only as a worker thread');

async function perform(task: WorkerTask): Promise<WorkerReply> {
  const images = new Map(task.images);
  return { kind: 'draw', drawn: drawJob(task.job, task.spec, measurer, () => new PageContent(encoder, images, task.grayscale)) };
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
