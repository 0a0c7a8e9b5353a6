/**
 * `broadsheet init`: writes the scaffold and says what to do next.
 */
import path from 'node:path';
import { init } from '../init/index.js';
import type { Terminal } from './build.runner.js';
import type { ParsedInit } from './init.parser.js';

export async function runInit(parsed: ParsedInit, term: Terminal, today: Date = new Date()): Promise<number> {
  const written = await init({ dir: parsed.dir, today });
  for (const file of written) term.out(`wrote ${file}`);
  const cd = path.resolve(parsed.dir) === process.cwd() ? '' : `cd ${parsed.dir} && `;
  term.out(`Next: ${cd}npx broadsheet build .   (writes the EPUB, the PDF and the JSON-LD into build/)`);
  return 0;
}
