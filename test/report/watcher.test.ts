/**
 * The debounced watcher behind `--watch` (src/watch/watcher.ts), on real files: saves spaced closer
 * than the debounce time are one call; changes during a call are gathered into one more call, never
 * a second call at the same time; editors' swap files and ignored paths are not reported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { watchPaths } from '../../src/watch/watcher.js';
import { tempFolder } from '../support/cli.js';

describe('watchPaths', () => {
  it('debounces bursts, never overlaps calls, and skips swap files and ignored paths', async () => {
    const dir = tempFolder({ 'a.md': 'a', 'sub/b.md': 'b' });
    mkdirSync(path.join(dir, 'out'));
    const calls: string[][] = [];
    let active = 0;
    let overlapped = false;
    const watcher = watchPaths({
      paths: [dir],
      ignored: (file) => file.startsWith(path.join(dir, 'out')),
      // Long enough that a loaded machine's scheduling cannot split the 40 ms-spaced burst.
      debounceMs: 400,
      onChange: async (changed) => {
        overlapped ||= active > 0;
        active++;
        calls.push(changed.map((f) => path.relative(dir, f)));
        await sleep(600);
        active--;
      },
      onError: (error) => {
        throw error;
      },
    });
    await watcher.ready;
    for (let i = 0; i < 5; i++) {
      writeFileSync(path.join(dir, 'a.md'), `a${i}`);
      await sleep(40);
    }
    writeFileSync(path.join(dir, '.a.md.swp'), 'swap');
    writeFileSync(path.join(dir, 'out', 'book.epub'), 'output');
    const deadline = Date.now() + 20_000;
    while (calls.length < 1 && Date.now() < deadline) await sleep(50);
    // While the first call runs: a new file in a sub-folder, then more saves.
    writeFileSync(path.join(dir, 'sub', 'c.md'), 'c');
    writeFileSync(path.join(dir, 'a.md'), 'a again');
    while (calls.length < 2 && Date.now() < deadline) await sleep(50);
    await sleep(1500);
    await watcher.close();
    expect(calls).toEqual([['a.md'], ['a.md', path.join('sub', 'c.md')]]);
    expect(overlapped).toBe(false);
  }, 60_000);
});
