/**
 * `broadsheet verify`: runs the library check on each path and reports to the terminal.
 */
import { verify } from '../verify/index.js';
import type { Terminal } from './build.runner.js';
import type { ParsedVerify } from './verify.parser.js';

export async function runVerify(parsed: ParsedVerify, term: Terminal): Promise<number> {
  let failed = false;
  for (const target of parsed.paths) {
    const report = await verify(target);
    for (const [label, value] of report.claims) term.out(`${label}: ${value}`);
    for (const problem of report.problems) term.out(problem);
    if (report.problems.length === 0) term.out(`ok: ${report.checked}`);
    else {
      failed = true;
      term.out(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${target}`);
    }
  }
  return failed ? 1 : 0;
}
