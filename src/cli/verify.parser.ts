/**
 * `broadsheet verify` arguments. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export const VERIFY_HELP = `Usage: broadsheet verify PATH ...

Checks each PATH:
  a bag folder (from build --bag)  every manifest entry present, no unlisted payload file, every
                                   checksum, the tag manifest, Payload-Oxum, and that the EPUB, PDF,
                                   JSON-LD, Dublin Core and MODS in it still describe one publication
  an EPUB or a PDF                 reads its metadata back and reports what it claims: identifier,
                                   title, language, conformance (EPUB Accessibility, PDF/A, PDF/UA)
                                   and accessibility metadata

Prints what each file claims, one line per problem, then "ok: …" when there is none.

Options:
  -h, --help   show this help

Exit status: 0 everything checked out, 1 a problem was found, 2 usage error.
`;

export interface ParsedVerify {
  paths: string[];
  help: boolean;
}

export function parseVerifyArgs(argv: string[]): ParsedVerify {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const help = parsed.values.help ?? false;
  if (!help && parsed.positionals.length === 0) throw new UsageError('verify needs a PATH: a bag folder, an EPUB or a PDF');
  return { paths: parsed.positionals, help };
}
