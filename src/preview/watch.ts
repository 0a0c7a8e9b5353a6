/**
 * Calls back once per burst of changes under the watched paths (a save that touches three files,
 * or an editor's write-rename-write, is one rebuild). Changes inside `ignore` (the output folder,
 * when it sits inside the input) and broadsheet's own temporary files are not changes.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface WatchOptions {
  ignore: readonly string[];
  debounceMs: number;
}

export async function watchPaths(paths: readonly string[], options: WatchOptions, onChange: (files: string[]) => void): Promise<() => void> {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const ignored = options.ignore.map((p) => path.resolve(p));
  const fire = (): void => {
    const files = [...pending].sort();
    pending = new Set();
    timer = undefined;
    onChange(files);
  };
  for (const input of paths) {
    const folder = (await stat(input)).isDirectory() ? path.resolve(input) : path.dirname(path.resolve(input));
    watchers.push(
      watch(folder, { recursive: true }, (_event, name) => {
        const file = path.join(folder, name === null ? '' : name.toString());
        if (ignored.some((dir) => file === dir || file.startsWith(dir + path.sep))) return;
        if (/^\..*\.tmp$/.test(path.basename(file))) return;
        pending.add(file);
        clearTimeout(timer);
        timer = setTimeout(fire, options.debounceMs);
      }),
    );
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
