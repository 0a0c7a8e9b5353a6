/**
 * `broadsheet build --watch`: builds as `build` does, then rebuilds on every change until Ctrl-C
 * (or SIGTERM), printing each failed rebuild's errors and keeping the last good files.
 */
import path from 'node:path';
import { watchBuild } from '../watch/watch-build.js';
import type { ParsedBuild } from './build.parser.js';
import { runBuild, type Terminal } from './build.runner.js';
import { printError } from './errors.js';

export async function runWatch(parsed: ParsedBuild, term: Terminal, env: NodeJS.ProcessEnv, signals: NodeJS.EventEmitter = process): Promise<number> {
  const inputs = parsed.options.inputs.join(', ');
  const watcher = watchBuild({
    options: parsed.options,
    run: (options) => runBuild({ ...parsed, options }, term, env),
    onChange: (changed) => term.err(`changed: ${changed.map(shown).join(', ')} — rebuilding`),
    onBuild: (error) => {
      if (error === undefined) term.err(`built; watching ${inputs} for changes (Ctrl-C stops)`);
      else {
        printError(error, term, { debug: parsed.debug, verbose: parsed.verbose });
        term.err(`not built: the last good files are kept; watching ${inputs} for changes (Ctrl-C stops)`);
      }
    },
    onError: (error) => term.err(`broadsheet: watching failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  await new Promise<void>((resolve) => {
    // After the first signal the handlers are gone, so a second Ctrl-C ends the process at once.
    const stop = (): void => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      if (watcher.busy()) term.err('stopping when the build in progress ends (Ctrl-C again stops at once)');
      resolve();
    };
    signals.on('SIGINT', stop);
    signals.on('SIGTERM', stop);
  });
  await watcher.close();
  return 0;
}

/** A changed file as the user named it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative('.', file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
