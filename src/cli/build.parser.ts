/**
 * `broadsheet build` arguments → BuildOptions. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.js';
import { canonicalLanguage } from '../model/language.js';
import { pageSize } from '../model/meta.js';
import { DEFAULT_IMAGE_LIMITS } from '../images/image.js';
import { DEFAULT_CACHE_DIR } from '../cache/layout-cache.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const BUILD_HELP = `Usage: broadsheet build [INPUT ...] [options]

Builds each INPUT into an EPUB 3, a tagged PDF and a JSON-LD record that share metadata and cover.
An INPUT is a folder (a publication; publication.yaml gives its metadata and article order) or
one article file (.md, .markdown, .html, .htm, .json). Without INPUT, builds content/.

Options:
  -o, --out DIR          output folder (default: build)
      --lang TAG         language when an input gives none, with a warning (default: en)
      --page-size SIZE   PDF trim size: A4, A5, Letter, 6x9, or WIDTHxHEIGHT with units,
                         e.g. 148mmx210mm (default: publication.yaml's, else A5)
      --bleed            add 3 mm bleed to the PDF (BleedBox; cover art into the bleed)
      --strict           fail when the EPUB cannot claim accessibility conformance or an image is broken
      --fetch-remote     download remote (http/https) images; without it no network is used and a
                         remote image is replaced by its description and a link to it
      --bag              also write DIR/<slug>.bag/, a BagIt bag for digital libraries: both
                         editions, JSON-LD, the model, the sources, Dublin Core and MODS
      --pdfa3            make the PDF a PDF/A-3 (still PDF/UA-1) that carries the model
                         (publication.json) and the EPUB as associated files
      --max-image-mb N   largest image file in MB (default: 50)
      --max-article-mb N largest article file in MB (default: 20)
  -j, --jobs N           typeset articles on N threads and build up to N inputs at once
                         (default: the number of cores; 1: no worker threads); same output
      --cache DIR        keep each article's layout in DIR, so a rebuild sets again only the
                         articles that changed (default: node_modules/.cache/broadsheet)
      --no-cache         neither read nor write the layout cache
      --verbose          list every warning; without it, more than 3 warnings of one kind in one
                         file are summarised in one line with a count and examples
      --debug            show stack traces of internal errors
  -h, --help             show this help

Environment:
  SOURCE_DATE_EPOCH      seconds since 1970; overrides the content's dates so builds are reproducible

Exit status: 0 built (warnings on stderr), 1 invalid input, 2 usage error, 3 internal error.
`;

export interface ParsedBuild {
  options: BuildOptions;
  debug: boolean;
  /** List every warning instead of summarising repeated ones. */
  verbose: boolean;
  help: boolean;
}

export function parseBuildArgs(argv: string[], env: NodeJS.ProcessEnv): ParsedBuild {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        'page-size': { type: 'string' },
        bleed: { type: 'boolean' },
        strict: { type: 'boolean' },
        'fetch-remote': { type: 'boolean' },
        bag: { type: 'boolean' },
        pdfa3: { type: 'boolean' },
        'max-image-mb': { type: 'string' },
        'max-article-mb': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        debug: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  const lang = v.lang ?? 'en';
  if (!canonicalLanguage(lang)) throw new UsageError(`--lang "${lang}" is not a BCP 47 language tag — use e.g. en, en-US, de`);
  if (v['page-size'] !== undefined && !pageSize.safeParse(v['page-size']).success) {
    throw new UsageError(`--page-size "${v['page-size']}" is not a page size — use A4, A5, Letter, 6x9 or e.g. 148mmx210mm`);
  }
  if (v.cache !== undefined && v['no-cache']) throw new UsageError('--cache and --no-cache contradict each other — give one of them');
  if (v.cache === '') throw new UsageError('--cache needs a folder — e.g. --cache .broadsheet-cache');
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch)) {
    throw new UsageError(`SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds`);
  }
  return {
    help: v.help ?? false,
    debug: v.debug ?? false,
    verbose: v.verbose ?? false,
    options: {
      inputs: parsed.positionals.length > 0 ? parsed.positionals : ['content'],
      outDir: v.out ?? 'build',
      lang: canonicalLanguage(lang) ?? lang,
      pageSize: v['page-size'],
      bleed: v.bleed,
      strict: v.strict ?? false,
      fetchRemote: v['fetch-remote'] ?? false,
      bag: v.bag ?? false,
      pdfa3: v.pdfa3 ?? false,
      sourceDateEpoch: epoch ? Number(epoch) : undefined,
      imageLimits: {
        ...DEFAULT_IMAGE_LIMITS,
        maxBytes: megabytes(v['max-image-mb'], '--max-image-mb') ?? DEFAULT_IMAGE_LIMITS.maxBytes,
      },
      maxArticleBytes: megabytes(v['max-article-mb'], '--max-article-mb'),
      jobs: jobCount(v.jobs),
      ...(v['no-cache'] ? {} : { cache: v.cache ?? DEFAULT_CACHE_DIR }),
    },
  };
}

function jobCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs "${value}" is not a number of threads — use a whole number from 1 to 256, e.g. --jobs 2`);
  return Number(value);
}

function megabytes(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} "${value}" is not a positive number`);
  return Math.round(n * 1_000_000);
}
