/**
 * `broadsheet build`: runs the library build and reports to the terminal.
 */
import { build } from '../build.js';
import { summarizeDiagnostics } from '../check/summary.js';
import { preflightSummary } from '../write/pdf/press/preflight.js';
import type { ParsedBuild } from './build.parser.js';

export interface Terminal {
  out(line: string): void;
  err(line: string): void;
}

export async function runBuild(parsed: ParsedBuild, term: Terminal): Promise<number> {
  const result = await build(parsed.options);
  for (const line of summarizeDiagnostics(result.warnings, { verbose: parsed.verbose })) term.err(line);
  for (const file of result.outputs) term.out(`wrote ${file}`);
  for (const { slug, report } of result.preflight) term.out(preflightSummary(report, slug));
  return 0;
}
