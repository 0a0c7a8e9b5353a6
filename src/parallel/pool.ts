/**
 * A small pool of worker threads, each running one script that answers `{ id, input }` messages
 * with `{ id, output }` or `{ id, error }`, one at a time, in the order they came. Tasks go to
 * whichever worker has the fewest, in the order they were given; results come back to the caller
 * of each task, so the order of finishing never shows.
 *
 * Each worker holds up to `depth` tasks: the next one waits in its own message queue, so that it
 * starts the moment the last one ends. With one task a worker waits for this thread to read its
 * answer and post the next, and this thread answers only between its own (synchronous) articles:
 * measured on the 300-article bench, the worker sat idle for a quarter of the drawing that way.
 *
 * Why our own rather than piscina or tinypool: the pool is forty lines, the tasks are uniform
 * (one article each), and we want no extra dependency in a CLI that starts often.
 */
import { Worker } from 'node:worker_threads';

interface Task<In, Out> {
  input: In;
  resolve(output: Out): void;
  reject(error: Error): void;
}

interface Slot<In, Out> {
  worker: Worker;
  /** Its tasks posted and not answered yet, by id. */
  busy: Map<number, Task<In, Out>>;
  /** Ended by {@link WorkerPool.release}: its exit is no failure. */
  released?: boolean;
}

type Reply<Out> = { id: number; output: Out } | { id: number; error: { message: string; stack?: string } };

export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Task<In, Out>[] = [];
  private nextId = 0;
  private closed = false;

  /** `size` workers at most, each holding up to `depth` tasks (see above). */
  constructor(private readonly script: URL, readonly size: number, readonly depth = 1) {}

  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('internal error: the worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; tasks still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('internal error: the worker pool closed before the task ran'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  /**
   * Ends the workers that have nothing to do, giving their memory back (a worker's heap and fonts
   * take tens of MiB that the drawing and the EPUB can use); a later task starts a new one.
   */
  async release(): Promise<void> {
    const idle = this.slots.filter((s) => s.busy.size === 0);
    for (const s of idle) {
      s.released = true;
      this.slots.splice(this.slots.indexOf(s), 1);
    }
    await Promise.all(idle.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The least busy worker; a new one rather than a second task for a busy one.
      let slot = this.slots.reduce<Slot<In, Out> | undefined>((best, s) => (!best || s.busy.size < best.busy.size ? s : best), undefined);
      if ((!slot || slot.busy.size > 0) && this.slots.length < this.size) slot = this.spawn();
      if (!slot || slot.busy.size >= this.depth) return;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy.set(id, task);
      slot.worker.postMessage({ id, input: task.input });
    }
  }

  private spawn(): Slot<In, Out> {
    const slot: Slot<In, Out> = { worker: new Worker(this.script), busy: new Map() };
    slot.worker.on('message', (reply: Reply<Out>) => {
      const task = slot.busy.get(reply.id);
      if (!task) return;
      slot.busy.delete(reply.id);
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        if (reply.error.stack !== undefined) error.stack = reply.error.stack;
        task.reject(error);
      } else {
        task.resolve(reply.output);
      }
      this.dispatch();
    });
    // A worker that dies (out of memory, a crash in native code) fails its tasks; a new one takes its place.
    const fail = (error: Error): void => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      for (const task of slot.busy.values()) task.reject(error);
      slot.busy.clear();
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!this.closed && !slot.released) fail(new Error(`internal error: a drawing worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }
}
