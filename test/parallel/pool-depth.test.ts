/**
 * A worker holds its next task while it works on one (pool.ts, `depth`), so that it does not wait
 * for this thread, which answers only between its own synchronous articles, to post the next. Checked
 * on a real worker thread: this thread blocks while the worker works through two tasks, and the
 * second starts the moment the first ends.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/parallel/pool.js';
import { tempFolder } from '../support/cli.js';

const script = path.join(tempFolder(), 'busy-worker.mjs');
// Works (synchronously, as a drawing does) for `work` ms and says when it started and ended.
writeFileSync(script, `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, input }) => {
  const start = Date.now();
  while (Date.now() - start < input.work) {}
  parentPort.postMessage({ id, output: { start, end: Date.now() } });
});
`);

type In = { work: number };
type Out = { start: number; end: number };
const pools: WorkerPool<In, Out>[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** Two tasks of 150 ms on one worker while this thread is busy for 600 ms after posting them. */
async function twoTasks(depth: number): Promise<{ gap: number; first: Out; second: Out }> {
  const pool = new WorkerPool<In, Out>(pathToFileURL(script), 1, depth);
  pools.push(pool);
  await pool.run({ work: 0 }); // the thread is up
  const first = pool.run({ work: 150 });
  const second = pool.run({ work: 150 });
  const until = Date.now() + 600;
  while (Date.now() < until) {} // this thread drawing an article of its own
  const [a, b] = await Promise.all([first, second]);
  return { gap: b.start - a.end, first: a, second: b };
}

describe('tasks held by a worker', () => {
  it('starts the next task when the last ends, not when this thread is free again', async () => {
    const { gap } = await twoTasks(2);
    expect(gap).toBeLessThan(100);
  });

  it('with one task at a time, the worker waits for this thread (what depth 2 is for)', async () => {
    const { gap } = await twoTasks(1);
    expect(gap).toBeGreaterThanOrEqual(300);
  });
});
