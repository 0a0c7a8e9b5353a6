/**
 * Build, then rebuild whenever what the build read changes: the inputs (folders with everything in
 * them, so a new article or image counts), and the images and covers the content names outside
 * them, which the build reports in its `built` events. The output folder is never watched.
 *
 * A failed rebuild writes nothing (the build is all or nothing), so the last good files stay; the
 * caller prints the error and the watching goes on. `broadsheet build --watch` prints each build;
 * a preview server would reload its page from `onBuild` instead.
 */
import path from 'node:path';
import type { BuildOptions } from '../build.js';
import type { BuildEvent } from '../progress/events.js';
import { watchPaths, type Watcher } from './watcher.js';

export interface WatchBuildOptions {
  options: BuildOptions;
  /** One build with these options (the caller's: it may draw a status line, print a report …). Resolves or throws as `build` does. */
  run: (options: BuildOptions) => Promise<unknown>;
  /** Before each rebuild, with what changed. */
  onChange?: (changed: string[]) => void;
  /** After each build, with what it threw (undefined when it built). */
  onBuild: (error: unknown) => void;
  /** An error of the watching itself. */
  onError: (error: unknown) => void;
  debounceMs?: number;
}

export interface BuildWatcher {
  /** Settles after the first build, once changes are being watched. */
  ready: Promise<void>;
  /** A build is running (closing waits for it). */
  busy(): boolean;
  /** Stops watching, once the build in progress (if any) has ended. */
  close(): Promise<void>;
}

export function watchBuild(w: WatchBuildOptions): BuildWatcher {
  const outDir = path.resolve(w.options.outDir);
  const inside = (file: string, dir: string): boolean => file === dir || file.startsWith(dir + path.sep);
  const sources = new Set<string>();
  const options: BuildOptions = {
    ...w.options,
    onProgress: (event: BuildEvent) => {
      if (event.type === 'built') for (const s of event.built.sources) sources.add(s);
      w.options.onProgress?.(event);
    },
  };
  let building = false;
  const once = async (): Promise<void> => {
    let failure: unknown;
    building = true;
    try {
      await w.run(options);
    } catch (error) {
      failure = error;
    } finally {
      building = false;
    }
    w.onBuild(failure);
  };
  let watcher: Watcher | undefined;
  const ready = once().then(async () => {
    watcher = watchPaths({
      paths: [...w.options.inputs, ...sources],
      ignored: (file) => inside(file, outDir),
      debounceMs: w.debounceMs,
      onChange: async (changed) => {
        w.onChange?.(changed);
        await once();
        watcher?.add([...sources]);
      },
      onError: w.onError,
    });
    await watcher.ready;
  });
  return {
    ready,
    busy: () => building,
    async close() {
      await ready.catch(() => undefined);
      await watcher?.close();
    },
  };
}
