/**
 * The command line: `broadsheet build …`, `broadsheet verify …`, `broadsheet schema`. Exit status 0 success, 1 invalid
 * input, 2 usage error, 3 internal error (a bug: the stack is shown with --debug).
 */
import { InputError } from '../check/diagnostic.js';
import { summarizeDiagnostics } from '../check/summary.js';
import { VERSION } from '../version.js';
import type { Terminal } from './build.runner.js';
import { UsageError } from './usage-error.js';

// Each command's modules are imported when the command runs (`import()` below): loading the
// writers, fonts, parsers and model for every run made `broadsheet --version` take a second.

const HELP = `broadsheet ${VERSION} — articles to an accessible EPUB 3 and a tagged, print-ready PDF

Usage:
  broadsheet build [INPUT ...] [options]   build EPUB, PDF and JSON-LD (see broadsheet build --help)
  broadsheet verify PATH ...               check a bag (build --bag), or report what an EPUB or PDF claims
  broadsheet schema                        print the JSON Schema of the article model
  broadsheet --version                     print the version
`;

const stdio: Terminal = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: string[], term: Terminal = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  const verbose = argv.includes('--verbose');
  try {
    switch (command) {
      case 'build': {
        const { BUILD_HELP, parseBuildArgs } = await import('./build.parser.js');
        const parsed = parseBuildArgs(rest, env);
        if (parsed.help) {
          term.out(BUILD_HELP);
          return 0;
        }
        const { runBuild } = await import('./build.runner.js');
        return await runBuild(parsed, term);
      }
      case 'verify': {
        const { parseVerifyArgs, VERIFY_HELP } = await import('./verify.parser.js');
        const parsed = parseVerifyArgs(rest);
        if (parsed.help) {
          term.out(VERIFY_HELP);
          return 0;
        }
        const { runVerify } = await import('./verify.runner.js');
        return await runVerify(parsed, term);
      }
      case 'schema': {
        const { publicationJsonSchema } = await import('../model/json-schema.js');
        term.out(JSON.stringify(publicationJsonSchema(), null, 2));
        return 0;
      }
      case '--version':
      case '-v':
        term.out(VERSION);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        term.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof InputError) {
      for (const line of summarizeDiagnostics(error.diagnostics, { verbose })) term.err(line);
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
    if (debug && error instanceof Error && error.stack) term.err(error.stack);
    else term.err('Run again with --debug to see the stack trace.');
    return 3;
  }
}
