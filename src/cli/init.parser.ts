/**
 * `broadsheet init` arguments. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export const INIT_HELP = `Usage: broadsheet init [DIR]

Starts a new publication in DIR (default: the current folder), ready to build:
  publication.yaml       the publication's metadata, every key explained in comments
  welcome.md             a sample article that shows every feature: a figure with a description
                         and caption, tables with captions and header cells, a footnote, a quotation
                         with its attribution, passages in another language, lists
  images/tide-chart.png  the sample figure's image
  .gitignore             keeps build/ out of version control
Nothing is overwritten: if any of these files exists, init names it and writes nothing.

Then: cd DIR && npx broadsheet build .

Options:
  -h, --help   show this help

Exit status: 0 written, 1 a file exists, 2 usage error.
`;

export interface ParsedInit {
  dir: string;
  help: boolean;
}

export function parseInitArgs(argv: string[]): ParsedInit {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > 1) throw new UsageError(`init takes one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  return { dir: parsed.positionals[0] ?? '.', help: parsed.values.help ?? false };
}
