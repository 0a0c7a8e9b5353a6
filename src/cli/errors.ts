/**
 * How the command line reports what ended a command, and its exit status: input errors one per
 * line (1), usage errors with a pointer to the help (2), anything else as an internal error (3,
 * the stack with --debug). `broadsheet build --watch` prints a failed rebuild the same way and
 * goes on watching.
 */
import { InputError } from '../check/diagnostic.js';
import { summarizeDiagnostics } from '../check/summary.js';
import { UsageError } from './usage-error.js';
import type { Terminal } from './build.runner.js';

export function printError(error: unknown, term: Terminal, options: { debug: boolean; verbose: boolean }): 1 | 2 | 3 {
  if (error instanceof InputError) {
    for (const line of summarizeDiagnostics(error.diagnostics, { verbose: options.verbose })) term.err(line);
    return 1;
  }
  if (error instanceof UsageError) {
    term.err(`broadsheet: ${error.message}`);
    term.err('Try "broadsheet build --help".');
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  term.err(`broadsheet: internal error: ${message}`);
  term.err('This is a bug in broadsheet, not in your input. Please report it with the input that caused it.');
  if (options.debug && error instanceof Error && error.stack) term.err(error.stack);
  else term.err('Run again with --debug to see the stack trace.');
  return 3;
}
