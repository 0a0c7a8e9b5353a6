/**
 * `broadsheet preview`: starts the preview and keeps it running until Ctrl+C (or SIGTERM).
 */
import { startPreview } from '../preview/index.js';
import type { Terminal } from './build.runner.js';
import type { ParsedPreview } from './preview.parser.js';

export async function runPreview(parsed: ParsedPreview, term: Terminal): Promise<number> {
  const preview = await startPreview({ build: parsed.options, port: parsed.port, log: (line) => term.err(line) });
  term.out(preview.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await preview.close();
  return 0;
}
