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

export { BUILD_HELP } from './build.help.js';

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
