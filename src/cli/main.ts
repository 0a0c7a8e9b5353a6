/**
 * The command line: `broadsheet build …`, `preview`, `verify`, `catalog`, `init`, `schema`. Exit
 * status 0 success, 1 invalid input, 2 usage error, 3 internal error (a bug: the stack is shown
 * with --debug).
 */
import { VERSION } from '../version.js';
import type { Terminal } from './build.runner.js';
import { printError } from './errors.js';
import { UsageError } from './usage-error.js';

// Each command's modules are imported when the command runs (`import()` below): loading the
// writers, fonts, parsers and model for every run made `broadsheet --version` take a second.

const HELP = `broadsheet ${VERSION} — articles to an accessible EPUB 3 and a tagged, print-ready PDF

Usage:
  broadsheet build [INPUT ...] [options]   build EPUB, PDF and JSON-LD (see broadsheet build --help)
  broadsheet preview [INPUT ...]           build, serve EPUB and PDF side by side, rebuild on change
  broadsheet verify PATH ...               check a bag (build --bag), or report what an EPUB or PDF claims
  broadsheet catalog [DIR]                 write an OPDS catalogue of the publications built in DIR
  broadsheet init [DIR]                    start a new publication folder that builds at once
  broadsheet schema                        print the JSON Schema of the article model
  broadsheet schema --report               print the JSON Schema of build --json's report
  broadsheet --version                     print the version
`;

const stdio: Terminal = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  errStream: process.stderr,
};

export async function main(argv: string[], term: Terminal = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  const verbose = argv.includes('--verbose');
  try {
    switch (command) {
      case 'build': {
        // Help alone needs no parser (which loads the model's schemas to check the options).
        const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
        if (flags.includes('--help') || flags.includes('-h')) {
          term.out((await import('./build.help.js')).BUILD_HELP);
          return 0;
        }
        const { BUILD_HELP, parseBuildArgs } = await import('./build.parser.js');
        const parsed = parseBuildArgs(rest, env);
        if (parsed.help) {
          term.out(BUILD_HELP);
          return 0;
        }
        // The file watcher is loaded only for --watch: a one-off build does not need it.
        if (parsed.watch) return await (await import('./watch.runner.js')).runWatch(parsed, term, env);
        return await (await import('./build.runner.js')).runBuild(parsed, term, env);
      }
      case 'preview': {
        const { parsePreviewArgs, PREVIEW_HELP } = await import('./preview.parser.js');
        const parsed = parsePreviewArgs(rest, env);
        if (parsed.help) {
          term.out(PREVIEW_HELP);
          return 0;
        }
        return await (await import('./preview.runner.js')).runPreview(parsed, term);
      }
      case 'verify': {
        const { parseVerifyArgs, VERIFY_HELP } = await import('./verify.parser.js');
        const parsed = parseVerifyArgs(rest);
        if (parsed.help) {
          term.out(VERIFY_HELP);
          return 0;
        }
        return await (await import('./verify.runner.js')).runVerify(parsed, term);
      }
      case 'catalog': {
        const { parseCatalogArgs, CATALOG_HELP } = await import('./catalog.parser.js');
        const parsed = parseCatalogArgs(rest);
        if (parsed.help) term.out(CATALOG_HELP);
        return parsed.help ? 0 : await (await import('./catalog.runner.js')).runCatalog(parsed, term);
      }
      case 'init': {
        const { parseInitArgs, INIT_HELP } = await import('./init.parser.js');
        const parsed = parseInitArgs(rest);
        if (parsed.help) term.out(INIT_HELP);
        return parsed.help ? 0 : await (await import('./init.runner.js')).runInit(parsed, term);
      }
      case 'schema': {
        if (rest.length > 0 && (rest.length > 1 || rest[0] !== '--report')) throw new UsageError(`schema takes no argument but --report, not "${rest.join(' ')}"`);
        const schema = rest[0] === '--report' ? (await import('../report/schema.js')).reportJsonSchema() : (await import('../model/json-schema.js')).publicationJsonSchema();
        term.out(JSON.stringify(schema, null, 2));
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
    return printError(error, term, { debug, verbose });
  }
}
