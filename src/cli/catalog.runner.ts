/**
 * `broadsheet catalog`: runs the library call and reports to the terminal.
 */
import { catalog } from '../catalog/index.js';
import { summarizeDiagnostics } from '../check/summary.js';
import type { Terminal } from './build.runner.js';
import type { ParsedCatalog } from './catalog.parser.js';

export async function runCatalog(parsed: ParsedCatalog, term: Terminal): Promise<number> {
  const result = await catalog(parsed.options);
  for (const line of summarizeDiagnostics(result.warnings, { verbose: true })) term.err(line);
  term.out(`catalogued ${result.entries} publication${result.entries === 1 ? '' : 's'}`);
  for (const file of result.outputs) term.out(`wrote ${file}`);
  return 0;
}
