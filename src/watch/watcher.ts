/**
 * A debounced file watcher: a burst of changes (an editor's save writes, renames and touches
 * several files; a `git checkout` changes dozens) becomes one call of `onChange`, and changes that
 * arrive while it runs are gathered into one more call after it. Not tied to builds: `--watch`
 * and a preview server both put their rebuild behind it.
 *
 * chokidar does the watching: Node 20's `fs.watch` is recursive on Linux only since 20.x and has
 * missed files in new sub-folders there; chokidar also handles editors' atomic saves (write to a
 * temporary file, rename over the original) as one change.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface WatcherOptions {
  /** Files and folders to watch (folders with everything in them). */
  paths: readonly string[];
  /** Paths never to report (the output folder, so writing the outputs does not start a rebuild). */
  ignored?: (file: string) => boolean;
  /** Quiet time after the last change before `onChange` runs. Default {@link DEBOUNCE_MS}. */
  debounceMs?: number;
  /** Runs once per burst with the changed paths (absolute); never twice at the same time. */
  onChange: (changed: string[]) => Promise<void>;
  /** An error of the watcher itself, or one `onChange` threw (the watcher goes on). */
  onError: (error: unknown) => void;
}

export const DEBOUNCE_MS = 150;

export interface Watcher {
  /** Settles once the initial paths are being watched: changes before it may be missed. */
  ready: Promise<void>;
  /** Watch more paths (images the content names outside the watched folders). */
  add(paths: readonly string[]): void;
  /** Stops watching; a run of `onChange` in progress is awaited. */
  close(): Promise<void>;
}

export function watchPaths(options: WatcherOptions): Watcher {
  const watched = new Set(options.paths.map((p) => path.resolve(p)));
  const fs: FSWatcher = watch([...watched], {
    ignoreInitial: true,
    atomic: true,
    ignored: (file) => isEditorClutter(file) || (options.ignored?.(path.resolve(file)) ?? false),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs ?? DEBOUNCE_MS);
  };
  const fire = (): void => {
    // A run in progress: it schedules again when it ends.
    if (running || closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = options
      .onChange(changed)
      .catch(options.onError)
      .finally(() => {
        running = undefined;
        if (pending.size > 0) schedule();
      });
  };

  fs.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    schedule();
  });
  fs.on('error', options.onError);
  const ready = new Promise<void>((resolve) => fs.once('ready', () => resolve()));
  return {
    ready,
    add(paths) {
      const fresh = paths.map((p) => path.resolve(p)).filter((p) => !watched.has(p));
      for (const p of fresh) watched.add(p);
      if (fresh.length > 0) fs.add(fresh);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await fs.close();
      await running;
    },
  };
}

/** Swap and backup files editors write beside the real one (vim's `.x.swp` and `4913`, emacs's `#x#` and `x~`), and dot-files. */
function isEditorClutter(file: string): boolean {
  const name = path.basename(file);
  return /^\.(?!\.?$)|~$|^#.*#$|\.sw[a-p]$|^4913$/.test(name);
}
