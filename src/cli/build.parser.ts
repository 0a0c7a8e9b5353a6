/**
 * `broadsheet build` arguments → BuildOptions. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.js';
import { canonicalLanguage } from '../model/language.js';
import { pageSize } from '../model/meta.js';
import { DEFAULT_IMAGE_LIMITS } from '../images/image.js';
import { isWebAddress } from '../read/web/address.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const BUILD_HELP = `Usage: broadsheet build [INPUT ...] [options]

Builds each INPUT into an EPUB 3, a tagged PDF and a JSON-LD record that share metadata and cover.
An INPUT is a folder (a publication; publication.yaml gives its metadata and article order),
one article file (.md, .markdown, .html, .htm, .mhtml, .mht, .json), or a web page's http(s)
address (with --fetch-remote; all addresses together make one publication). Without INPUT,
builds content/.

Options:
  -o, --out DIR          output folder (default: build)
      --lang TAG         language when an input gives none, with a warning (default: en)
      --page-size SIZE   PDF trim size: A4, A5, Letter, 6x9, or WIDTHxHEIGHT with units,
                         e.g. 148mmx210mm (default: publication.yaml's, else A5)
      --bleed            add 3 mm bleed to the PDF (BleedBox; cover art into the bleed)
      --strict           fail when the EPUB cannot claim accessibility conformance or an image is broken
      --fetch-remote     download URL inputs and remote (http/https) images; without it no network
                         is used and a remote image is replaced by its description and a link to it
      --fetch-timeout S  seconds to download one URL input, redirects included (default: 30)
      --title TEXT       title of the publication the URL inputs make (default: the first page's)
      --extract MODE     how the article is found in a whole web page: auto (Mozilla's Readability
                         when the page has no one clear <article>), always (Readability on every
                         whole page) or never (keep the whole <body>) (default: auto); what is
                         left out is counted in one warning per article (--verbose lists it)
      --bag              also write DIR/<slug>.bag/, a BagIt bag for digital libraries: both
                         editions, JSON-LD, the model, the sources, Dublin Core and MODS
      --pdfa3            make the PDF a PDF/A-3 (still PDF/UA-1) that carries the model
                         (publication.json) and the EPUB as associated files
      --max-image-mb N   largest image file in MB (default: 50)
      --max-article-mb N largest article file in MB (default: 20)
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
        'fetch-timeout': { type: 'string' },
        title: { type: 'string' },
        extract: { type: 'string' },
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
  const extract = v.extract ?? 'auto';
  if (extract !== 'auto' && extract !== 'always' && extract !== 'never') throw new UsageError(`--extract "${extract}" is not a mode — use auto, always or never`);
  const timeout = v['fetch-timeout'] === undefined ? undefined : Number(v['fetch-timeout']);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new UsageError(`--fetch-timeout "${v['fetch-timeout']}" is not a positive number of seconds`);
  if (v.title !== undefined && v.title.trim() === '') throw new UsageError('--title is empty — give the publication a title');
  if (v.title !== undefined && !parsed.positionals.some(isWebAddress)) {
    throw new UsageError('--title names the publication that web addresses make — give it with URL inputs, or set `title:` in publication.yaml');
  }
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
      extract,
      ...(v.title !== undefined && { title: v.title.trim() }),
      ...(timeout !== undefined && { pageFetch: { timeoutMs: Math.round(timeout * 1000) } }),
    },
  };
}

function megabytes(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} "${value}" is not a positive number`);
  return Math.round(n * 1_000_000);
}
