/**
 * `broadsheet preview`: builds, serves the two editions side by side on 127.0.0.1, and rebuilds on
 * every change to the input (its articles, images and publication.yaml). A failed rebuild keeps the
 * last good files on disk and on the page (the build writes all or nothing) and shows its errors.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build, type BuildOptions } from '../build.js';
import { InputError } from '../check/diagnostic.js';
import { summarizeDiagnostics } from '../check/summary.js';
import { watchBuild } from '../watch/watch-build.js';
import { previewServer } from './server.js';
import { publicationsOf, warningLines, type PreviewStatus } from './status.js';

export interface PreviewOptions {
  build: BuildOptions;
  /** 0 picks a free port. */
  port: number;
  /** Quiet time after the last change before rebuilding (the watcher's default when left out). */
  debounceMs?: number;
  /** One line per event (URL, rebuilds, errors), for the terminal. */
  log(line: string): void;
}

export interface Preview {
  url: string;
  status(): PreviewStatus;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  let status: PreviewStatus = { state: 'building', generation: 0, publications: [], warnings: [], errors: [] };
  const outDir = path.resolve(options.build.outDir);
  const server = previewServer(outDir, () => status);
  const update = (next: PreviewStatus): void => {
    status = next;
    server.publish(status);
  };

  // The watcher (src/watch/, as build --watch) runs one build at a time and watches what it read.
  const watcher = watchBuild({
    options: options.build,
    debounceMs: options.debounceMs,
    run: async (buildOptions) => {
      update({ ...status, state: 'building' });
      const started = performance.now();
      const result = await build(buildOptions);
      const publications = await publicationsOf(result.outputs, outDir);
      update({ state: 'ready', generation: status.generation + 1, publications, warnings: warningLines(result.warnings), errors: [] });
      options.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s${result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}`);
    },
    onChange: (files) => options.log(`changed: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`),
    onBuild: (error) => {
      if (error === undefined) return;
      // Bad input is the author's to fix while the preview runs. An internal error is a bug, but the
      // author's next edit may well avoid it, so it is shown the same way rather than ending the preview.
      const errors = error instanceof InputError ? summarizeDiagnostics(error.diagnostics, {}) : [`internal error (a bug in broadsheet): ${error instanceof Error ? error.message : String(error)}`];
      update({ ...status, state: 'failed', errors });
      options.log('the build failed; the preview keeps the last good editions:');
      for (const line of errors) options.log(`  ${line}`);
    },
    onError: (error) => options.log(`watching failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  await watcher.ready;
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  options.log(`preview on ${url} (Ctrl+C to stop)`);
  return {
    url,
    status: () => status,
    async close(): Promise<void> {
      await watcher.close();
      await server.close();
    },
  };
}
