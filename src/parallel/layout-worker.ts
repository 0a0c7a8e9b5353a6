/**
 * The script each worker thread runs. Two kinds of task: lay out one article (with fonts and a
 * measurer kept for the worker's life, so widths found for one article serve the next), and write
 * a publication's EPUB while the main thread draws its PDF (the EPUB writer is loaded on first use).
 */
import { parentPort } from 'node:worker_threads';
import { Diagnostics } from '../check/diagnostic.js';
import { fontMeasurer } from '../write/pdf/font-metrics.js';
import { layoutArticle } from '../write/pdf/layout/article-job.js';
import { memoizeMeasurer } from '../write/pdf/typeset/measure.js';
import type { WorkerReply, WorkerTask } from './worker-task.js';

const measurer = memoizeMeasurer(fontMeasurer);
const port = parentPort;
if (!port) throw new Error('internal error: layout-worker.js runs only as a worker thread');

async function perform(task: WorkerTask): Promise<WorkerReply> {
  if (task.kind === 'layout') return { kind: 'layout', layout: layoutArticle(task.job, measurer) };
  const { writeEpub } = await import('../write/epub/index.js');
  const diagnostics = new Diagnostics();
  const bytes = await writeEpub({ ...task.input, diagnostics }, task.pageMap);
  return { kind: 'epub', bytes, diagnostics: diagnostics.items };
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
