/**
 * The build ends its layout workers once the articles are set, so that their heaps are not held
 * while the PDF draws (issue 12, peak memory), and starts new ones when another publication or the
 * press edition needs them. Checked on a real worker thread running a tiny script in the pool's
 * protocol: a released worker's exit is no failure, a busy worker is left to finish, and tasks
 * after a release are answered by a new thread.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/parallel/pool.js';
import { tempFolder } from '../support/cli.js';

const script = path.join(tempFolder(), 'echo-worker.mjs');
// Answers each task with its input and the thread's id, after `wait` ms.
writeFileSync(script, `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, input }) => setTimeout(() => parentPort.postMessage({ id, output: { input: input.value, thread: threadId } }), input.wait));
`);

type In = { value: number; wait: number };
type Out = { input: number; thread: number };
const pool = new WorkerPool<In, Out>(pathToFileURL(script), 1);

afterAll(() => pool.close());

describe('releasing idle workers', () => {
  it('ends an idle worker without failing anything, and answers later tasks on a new thread', async () => {
    const first = await pool.run({ value: 1, wait: 0 });
    await pool.release();
    const second = await pool.run({ value: 2, wait: 0 });
    expect(first.input).toBe(1);
    expect(second.input).toBe(2);
    expect(second.thread).not.toBe(first.thread);
  });

  it('leaves a worker with a task running until it answers', async () => {
    const running = pool.run({ value: 3, wait: 200 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await pool.release();
    await expect(running).resolves.toMatchObject({ input: 3 });
  });
});
