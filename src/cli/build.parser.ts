/**
 * `broadsheet build` arguments → BuildOptions. Usage errors are thrown as UsageError (exit 2).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BuildOptions } from '../build.js';
import { canonicalLanguage } from '../model/language.js';
import { pageSize } from '../model/meta.js';
import { DEFAULT_IMAGE_LIMITS } from '../images/image.js';
import { defaultCacheDir } from '../cache/layout-cache.js';
import { PAPERS, POD_SERVICES, PRINT_SERVICES, type Paper, type PodService } from '../write/cover-wrap/print-services.js';
import { UsageError } from './usage-error.js';
import { MM } from '../write/pdf/page-size.js';
import { DEFAULT_PRESS, SIGNATURES, type PressOptions, type Signature } from '../write/pdf/press/options.js';
import { isWebAddress } from '../read/web/address.js';

export { UsageError } from './usage-error.js';

export const BUILD_HELP = `Usage: broadsheet build [INPUT ...] [options]

Builds each INPUT into an EPUB 3, a tagged PDF and a JSON-LD record that share metadata and cover.
An INPUT is a folder (a publication; publication.yaml gives its metadata and article order),
one article file (.md, .markdown, .html, .htm, .mhtml, .mht, .json), or a web page's http(s)
address (with --fetch-remote; all addresses together make one publication). Without INPUT,
builds content/, or the current folder when it has a publication.yaml and no content/ (as
broadsheet init makes it).

Options:
  -o, --out DIR          output folder (default: build)
      --lang TAG         language when an input gives none, with a warning (default: en)
      --page-size SIZE   PDF trim size: A4, A5, Letter, 6x9, or WIDTHxHEIGHT with units,
                         e.g. 148mmx210mm (default: publication.yaml's, else A5)
      --bleed            add 3 mm bleed to the PDF (BleedBox; cover art into the bleed)
      --strict           fail when the EPUB cannot claim accessibility conformance, an image is
                         broken or the preflight report (printed by every build) has a warning
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
      --pod SERVICE      also write DIR/<slug>.cover.pdf, the paperback cover wrap (back, spine,
                         front, 0.125 in bleed, no marks) to kdp or ingramspark specifications
      --paper PAPER      interior paper for --pod, which sets the spine width: white (default),
                         cream or coated (colour interiors; KDP only)
      --press            also write DIR/<slug>.press.pdf for the printer: bleed, crop and centre
                         marks, TrimBox/BleedBox, no links or bookmarks, blank pages to the signature
      --bleed-mm N       the press edition's bleed in mm (default: 3; 0 to 10)
      --marks KIND       crop (crop and centre marks outside the bleed, the default) or none
                         (for services that refuse marks: KDP, IngramSpark)
      --signature N      pages per signature, 4, 8, 16 or 32 (default: 4, perfect binding): the
                         press edition is padded to a multiple with blank pages at the end
      --grayscale        the press edition in grey only (images too), for black-and-white printing
      --max-image-mb N   largest image file in MB (default: 50)
      --max-article-mb N largest article file in MB (default: 20)
  -j, --jobs N           lay out and draw articles on N threads and build up to N inputs at once
                         (default: the number of cores; 1: no worker threads); same output
      --cache DIR        keep each article's reading, layout and drawn pages and the generated
                         cover in DIR, so a rebuild reads, sets and draws again only the articles
                         that changed
                         (default: node_modules/.cache/broadsheet when the folder has
                         node_modules, else ~/.cache/broadsheet)
      --no-cache         neither read nor write the cache
      --json             print a machine-readable report on stdout (and nothing else there): the
                         outputs with size and SHA-256, pages, articles, accessibility claims,
                         every diagnostic, timings; its JSON Schema: broadsheet schema --report
  -w, --watch            build, then rebuild whenever an input, image or publication.yaml
                         changes (a failed rebuild keeps the last good files); Ctrl-C stops
  -q, --quiet            no status line and no "wrote" lines (warnings and errors still print)
      --verbose          list every warning; without it, more than 3 warnings of one kind in one
                         file are summarised in one line with a count and examples
      --debug            show stack traces of internal errors
  -h, --help             show this help

Environment:
  SOURCE_DATE_EPOCH      seconds since 1970; overrides the content's dates so builds are reproducible
  CI                     when set, no status line (it is shown only when stderr is a terminal)
  NO_COLOR               when set, no colours (they are used only on a terminal)

Exit status: 0 built (warnings on stderr), 1 invalid input, 2 usage error, 3 internal error.
`;

export interface ParsedBuild {
  options: BuildOptions;
  debug: boolean;
  /** List every warning instead of summarising repeated ones. */
  verbose: boolean;
  help: boolean;
  /** Print the report (src/report/) on stdout instead of the `wrote` lines. */
  json: boolean;
  /** Rebuild on changes until interrupted (src/watch/). */
  watch: boolean;
  /** No status line and no `wrote` lines. */
  quiet: boolean;
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
        pod: { type: 'string' },
        paper: { type: 'string' },
        press: { type: 'boolean' },
        'bleed-mm': { type: 'string' },
        marks: { type: 'string' },
        signature: { type: 'string' },
        grayscale: { type: 'boolean' },
        'max-image-mb': { type: 'string' },
        'max-article-mb': { type: 'string' },
        'fetch-timeout': { type: 'string' },
        title: { type: 'string' },
        extract: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        debug: { type: 'boolean' },
        verbose: { type: 'boolean' },
        json: { type: 'boolean' },
        watch: { type: 'boolean', short: 'w' },
        quiet: { type: 'boolean', short: 'q' },
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
  if (v.json && v.watch) throw new UsageError('--json and --watch do not go together — --json reports one build; drop one of them');
  const { pod, paper } = podOptions(v.pod, v.paper);
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
    json: v.json ?? false,
    watch: v.watch ?? false,
    quiet: v.quiet ?? false,
    options: {
      inputs: parsed.positionals.length > 0 ? parsed.positionals : [defaultInput()],
      outDir: v.out ?? 'build',
      lang: canonicalLanguage(lang) ?? lang,
      pageSize: v['page-size'],
      bleed: v.bleed,
      strict: v.strict ?? false,
      fetchRemote: v['fetch-remote'] ?? false,
      bag: v.bag ?? false,
      pdfa3: v.pdfa3 ?? false,
      ...(pod ? { pod, paper } : {}),
      ...pressOptions(v, pod),
      sourceDateEpoch: epoch ? Number(epoch) : undefined,
      imageLimits: {
        ...DEFAULT_IMAGE_LIMITS,
        maxBytes: megabytes(v['max-image-mb'], '--max-image-mb') ?? DEFAULT_IMAGE_LIMITS.maxBytes,
      },
      maxArticleBytes: megabytes(v['max-article-mb'], '--max-article-mb'),
      extract,
      ...(v.title !== undefined && { title: v.title.trim() }),
      ...(timeout !== undefined && { pageFetch: { timeoutMs: Math.round(timeout * 1000) } }),
      jobs: jobCount(v.jobs),
      ...(v['no-cache'] ? {} : { cache: v.cache ?? defaultCacheDir(env) }),
    },
  };
}

function jobCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs "${value}" is not a number of threads — use a whole number from 1 to 256, e.g. --jobs 2`);
  return Number(value);
}

/** `--pod` and `--paper`, checked against the services' published papers. */
function podOptions(pod: string | undefined, paper: string | undefined): { pod?: PodService; paper?: Paper } {
  if (pod === undefined) {
    if (paper !== undefined) throw new UsageError('--paper sets the spine of the print-on-demand cover — add --pod kdp or --pod ingramspark');
    return {};
  }
  if (!(POD_SERVICES as readonly string[]).includes(pod)) throw new UsageError(`--pod "${pod}" is not a print-on-demand service broadsheet knows — use ${POD_SERVICES.join(' or ')}`);
  const service = PRINT_SERVICES[pod as PodService];
  const chosen = paper ?? 'white';
  if (!(PAPERS as readonly string[]).includes(chosen)) throw new UsageError(`--paper "${chosen}" is not a paper — use ${PAPERS.join(', ')}`);
  if (service.spinePerPageIn[chosen as Paper] === undefined) {
    const offered = PAPERS.filter((p) => service.spinePerPageIn[p] !== undefined);
    throw new UsageError(`--paper ${chosen}: ${service.name} publishes no spine width for it that broadsheet could verify — use ${offered.join(' or ')}, or --pod kdp`);
  }
  return { pod: pod as PodService, paper: chosen as Paper };
}

function megabytes(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} "${value}" is not a positive number`);
  return Math.round(n * 1_000_000);
}

/**
 * The publication built when no INPUT is named: `content/` (this repository's layout), else the
 * working folder when it is a publication (the layout `broadsheet init` writes), so that
 * `broadsheet init book && cd book && broadsheet preview` works with no argument.
 */
function defaultInput(): string {
  return !existsSync('content') && existsSync('publication.yaml') ? '.' : 'content';
}

/** `--press` and the options that only mean something with it. */
function pressOptions(v: { press?: boolean; 'bleed-mm'?: string; marks?: string; signature?: string; grayscale?: boolean }, pod?: PodService): { press?: PressOptions } {
  if (!v.press) {
    const stray = (['bleed-mm', 'marks', 'signature', 'grayscale'] as const).find((k) => v[k] !== undefined);
    if (stray) throw new UsageError(`--${stray} sets up the press edition — add --press`);
    return {};
  }
  // With --pod the press edition is that service's interior: its bleed on head, foot and outside
  // edge only, no marks, no cover page (the cover is the wrap); --bleed-mm and --marks still win.
  let bleed = pod ? PRINT_SERVICES[pod].bleedIn * 72 : DEFAULT_PRESS.bleed;
  if (v['bleed-mm'] !== undefined) {
    const mm = Number(v['bleed-mm']);
    if (v['bleed-mm'].trim() === '' || !Number.isFinite(mm) || mm < 0 || mm > 10) throw new UsageError(`--bleed-mm "${v['bleed-mm']}" is not a bleed — use a number of millimetres from 0 to 10, e.g. 3`);
    bleed = mm * MM;
  }
  const marks = v.marks ?? (pod ? 'none' : DEFAULT_PRESS.marks);
  if (marks !== 'crop' && marks !== 'none') throw new UsageError(`--marks "${marks}" is not a kind of marks — use crop or none`);
  const signature = v.signature === undefined ? DEFAULT_PRESS.signature : Number(v.signature);
  if (!SIGNATURES.includes(signature as Signature)) throw new UsageError(`--signature "${v.signature}" is not a signature — use 4, 8, 16 or 32`);
  return { press: { ...DEFAULT_PRESS, bleed, marks, signature: signature as Signature, grayscale: v.grayscale ?? false, ...(pod ? { coverPage: false, bindingBleed: false } : {}) } };
}
