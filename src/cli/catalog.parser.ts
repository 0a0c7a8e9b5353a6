/**
 * `broadsheet catalog` arguments → CatalogOptions. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import type { CatalogOptions } from '../catalog/index.js';
import { UsageError } from './usage-error.js';

export const CATALOG_HELP = `Usage: broadsheet catalog [DIR] [options]

Writes an OPDS catalogue of every publication built in DIR (default: build), so e-reader apps
(KOReader, Thorium, Foliate, Moon+ Reader) can browse and download them from any static web server:
  DIR/catalog.json   OPDS 2.0 feed
  DIR/catalog.xml    OPDS 1.2 (Atom) acquisition feed with the same entries
  DIR/covers/        each cover as the EPUB holds it, and a thumbnail (long side 512 px)
Each entry takes its metadata from the EPUB's package document and lists the EPUB, the PDF and the
JSON-LD record; an edition that no longer matches its record (rebuilt, edited, missing) is an error.

Options:
      --base-url URL   the address DIR is served at (https://example.org/books/): links become
                       absolute; without it they are relative to the catalogue
      --title TEXT     the catalogue's title (default: the publisher all publications share, else
                       the folder's name)
      --debug          show stack traces of internal errors
  -h, --help           show this help

Exit status: 0 written, 1 a problem with the folder's files, 2 usage error, 3 internal error.
`;

export interface ParsedCatalog {
  options: CatalogOptions;
  help: boolean;
}

export function parseCatalogArgs(argv: string[]): ParsedCatalog {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'base-url': { type: 'string' },
        title: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        debug: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`catalog takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    throw new UsageError(`--base-url "${baseUrl}" is not an http(s) address; give the address the folder is served at, e.g. https://example.org/books/`);
  }
  if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title is empty');
  return {
    options: { dir: positionals[0] ?? 'build', ...(baseUrl !== undefined && { baseUrl }), ...(values.title !== undefined && { title: values.title.trim() }) },
    help: values.help ?? false,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
