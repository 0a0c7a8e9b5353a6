/**
 * The build pipeline, as a library call (the CLI is a thin layer over it):
 * read → validate → images → metadata → cover → PDF (its layout gives the page map) → EPUB → write.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Diagnostics, type Diagnostic } from './check/diagnostic.js';
import { languageDirection } from './model/language.js';
import type { Publication } from './model/publication.js';
import { SlugScope, slugify } from './model/slug.js';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits, type LoadedImage } from './images/image.js';
import { cleanPublicationText } from './read/clean-text.js';
import { readPublication, type ReadOutcome } from './read/publication.js';
import type { ExtractMode } from './read/types.js';
import type { PageFetchLimits } from './read/web/fetch-page.js';
import { isWebAddress } from './read/web/address.js';
import { resolveImages, type ResolveOptions } from './read/resolve-images.js';
import { collectSources, fetchedSources, sourcePath } from './read/sources.js';
import { resolveLinks } from './read/resolve-links.js';
import type { BuiltPublication, ProgressListener } from './progress/events.js';
import { VERSION } from './version.js';
import { DrawCache } from './cache/draw-cache.js';
import { LayoutCache } from './cache/layout-cache.js';
import { CoverCache } from './cache/cover-cache.js';
import { ReadCache } from './cache/read-cache.js';
import { defaultJobs, BuildThreads } from './parallel/build-threads.js';
import { inTurn } from './parallel/in-turn.js';
import { makeCoverArt, type CoverArt, type CoverArtArgs } from './write/cover/index.js';
import type { Paper, PodService } from './write/cover-wrap/index.js';
import type { EpubAccessibility } from './write/epub/a11y.js';
import type { WriterInput, WriterOptions } from './write/input.js';
import { jsonLd } from './write/metadata/jsonld.js';
import { metadataRecord } from './write/metadata/record.js';
import { writeOutputs, type Output } from './write/output.js';
import { BLEED } from './write/pdf/page-geometry.js';
import { trimSize } from './write/pdf/page-size.js';
import type { PressOptions } from './write/pdf/press/options.js';
import { reportPreflight, type PreflightReport } from './write/pdf/press/preflight.js';

export interface BuildOptions {
  /** Folders or article files; each is built as its own publication. */
  inputs: string[];
  /** Output folder. Default `build`. */
  outDir: string;
  /** Language when none is given anywhere. Default `en`. */
  lang: string;
  /** Page size for the PDF, overriding publication.yaml. Default A5. */
  pageSize?: string;
  /** 3 mm bleed, overriding publication.yaml. */
  bleed?: boolean;
  /** Fail instead of warning when the EPUB cannot claim conformance. */
  strict: boolean;
  /** Seconds since the epoch; overrides content dates (reproducible-builds.org convention). */
  sourceDateEpoch?: number;
  imageLimits?: ImageLimits;
  /** Download remote images (with a timeout, size cap and type check). Default false: no network. */
  fetchRemote?: boolean;
  maxArticleBytes?: number;
  /** Also write `<slug>.bag/`, a BagIt bag for digital libraries (src/write/archive/). Default false. */
  bag?: boolean;
  /** Make the PDF a PDF/A-3 carrying the model and the EPUB as associated files. Default false. */
  pdfa3?: boolean;
  /**
   * How many articles are typeset at once on worker threads, and how many inputs build at once.
   * Default: the number of cores; 1 sets everything in this thread. The output is the same.
   */
  jobs?: number;
  /**
   * Folder of the layout cache (src/cache/), so that a rebuild sets again only the articles that
   * changed. Default for the library: no cache (a library call writes nothing it was not asked
   * to); the CLI passes `node_modules/.cache/broadsheet` unless told `--no-cache`.
   */
  cache?: string;
  /** Told of phases, articles laid out, pages drawn and publications built (src/progress/events.ts); keep it cheap. */
  onProgress?: ProgressListener;
  /** Also write `<slug>.cover.pdf`, a cover wrap to this print-on-demand service's specifications (src/write/cover-wrap/). */
  pod?: PodService;
  /** Interior paper of the print-on-demand edition: sets the spine width. Default `white`. */
  paper?: Paper;
  /** Also write `<slug>.press.pdf`, the edition for the printer (src/write/pdf/press/). Default: none. */
  press?: PressOptions;
  /** When whole web pages go through Readability: `auto` (default), `always`, `never` (src/read/html/read.ts). */
  extract?: ExtractMode;
  /** Title of the publication the URL inputs make together; default the first page's title. */
  title?: string;
  /** Limits on downloading URL inputs (src/read/web/fetch-page.ts); the size cap defaults to maxArticleBytes. */
  pageFetch?: Partial<PageFetchLimits>;
}

export interface BuildResult {
  /** Files written, in order. */
  outputs: string[];
  /** Warnings of the whole run (errors end it with an InputError instead). */
  warnings: Diagnostic[];
  /** The preflight report of each publication's PDF, by its slug. */
  preflight: { slug: string; report: PreflightReport }[];
  /**
   * With a cache: how many articles' layouts it had, and how many were set afresh; `read`: how
   * many article files' readings it had, and how many were parsed afresh; `drawn`: how many
   * articles' drawn pages it had (neither laid out nor drawn again), and how many were drawn.
   */
  cache?: { hits: number; misses: number; read: { hits: number; misses: number }; drawn: { hits: number; misses: number } };
}

/**
 * Builds every input. Input problems of all inputs are collected and thrown together as one
 * InputError; nothing is written unless every input builds.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const diagnostics = new Diagnostics();
  const progress = options.onProgress;
  progress?.({ type: 'start', inputs: options.inputs.length });
  progress?.({ type: 'phase', phase: 'read' });
  const publications: { pub: Publication; folderInput: boolean; input: string }[] = [];
  const readCache = options.cache !== undefined ? await ReadCache.open(options.cache) : undefined;
  const readOptions = { lang: options.lang, maxArticleBytes: options.maxArticleBytes, strict: options.strict, extract: options.extract ?? 'auto', ...(readCache && { cache: readCache }) } as const;
  const take = async (read: ReadOutcome, folderInput: boolean, input: string): Promise<void> => {
    if (read.publication) {
      cleanPublicationText(read.publication, diagnostics);
      publications.push({ pub: read.publication, folderInput, input });
    } else if (read.articles.length > 0) {
      // Report the image problems of the articles that did validate in this same run.
      await resolveImages({ articles: read.articles }, diagnostics, resolveOptions(options));
    }
  };
  for (const input of options.inputs.filter((i) => !isWebAddress(i))) {
    const read = await readPublication(input, readOptions, diagnostics);
    await take(read, await stat(input).then((s) => s.isDirectory(), () => false), input);
  }
  // All URL inputs make one publication, in the order given.
  const urls = options.inputs.filter(isWebAddress);
  if (urls.length > 0) {
    const web = { ...readOptions, fetchRemote: options.fetchRemote ?? false, ...(options.title !== undefined && { title: options.title }), ...(options.pageFetch && { limits: options.pageFetch }) };
    const { readWebPages } = await import('./read/web/read.js');
    await take(await readWebPages(urls, web, diagnostics), false, urls.join(' '));
  }
  await readCache?.settle();
  reportCacheProblems(readCache, 'read', 'the files were read again', diagnostics);
  diagnostics.checkpoint();
  const jobs = options.jobs ?? defaultJobs();
  const cache = options.cache !== undefined ? await LayoutCache.open(options.cache) : undefined;
  const drawCache = options.cache !== undefined ? await DrawCache.open(options.cache) : undefined;
  const threads = new BuildThreads(jobs, cache, drawCache);
  const files: Output[] = [];
  const preflight: BuildResult['preflight'] = [];
  try {
    // Several inputs build at once (up to `jobs`), each with its own diagnostics, gathered in the
    // order of the inputs so that the report does not depend on which finished first.
    const slugs = new SlugScope();
    const planned = publications.map(({ pub, folderInput, input }) => ({ pub, folderInput, input, slug: slugs.unique(pub.meta.slug ?? slugify(pub.meta.title)), diagnostics: new Diagnostics() }));
    const reports = new Map<number, PreflightReport>();
    const built = await inTurn(planned, jobs, (p, index) => {
      progress?.({ type: 'publication', index, publications: publications.length, input: p.input, title: p.pub.meta.title, articles: p.pub.articles.length });
      // Each publication's events say whose they are, as they interleave when several build at once.
      const tagged: BuildOptions = progress ? { ...options, onProgress: (event) => progress({ ...event, publication: index }) } : options;
      return buildPublication(p.pub, p.slug, tagged, p.diagnostics, { folderInput: p.folderInput, preflight: (report) => reports.set(index, report) }, threads);
    });
    planned.forEach((p, i) => {
      diagnostics.items.push(...p.diagnostics.items);
      files.push(...built[i]!);
      const report = reports.get(i);
      if (report) preflight.push({ slug: p.slug, report });
    });
  } finally {
    await threads.close();
  }
  reportCacheProblems(cache, 'layout', 'the articles were laid out again', diagnostics);
  reportCacheProblems(drawCache, 'draw', 'the articles were drawn again', diagnostics);
  diagnostics.checkpoint();
  progress?.({ type: 'phase', phase: 'write' });
  await writeOutputs(files);
  progress?.({ type: 'done' });
  const counts = (c: { hits: number; misses: number }): { hits: number; misses: number } => ({ hits: c.hits, misses: c.misses });
  return { outputs: files.map((f) => f.path), warnings: diagnostics.warnings, preflight, ...(cache && readCache && drawCache ? { cache: { ...counts(cache), read: counts(readCache), drawn: counts(drawCache) } } : {}) };
}

/** A cache's problems (a damaged entry, a full disk) as warnings: the build went on without the entries. */
function reportCacheProblems(cache: { problems: readonly string[]; dir: string } | undefined, kind: string, redone: string, diagnostics: Diagnostics): void {
  for (const problem of cache?.problems ?? []) {
    diagnostics.warn({ code: 'cache.entry', message: `${kind} cache: ${problem}`, fix: `nothing to do (${redone}); delete ${cache!.dir} if this keeps happening` });
  }
}

/**
 * Builds one publication in memory: the EPUB, the PDF (a PDF/A-3 with `pdfa3`) and the JSON-LD
 * record, and with `bag` the bag of them. `origin.folderInput` says the publication was a folder (its publication.yaml is a source).
 */
export async function buildPublication(
  pub: Publication, slug: string, options: BuildOptions, diagnostics: Diagnostics,
  origin: { folderInput: boolean; preflight?: (report: PreflightReport) => void } = { folderInput: false }, threads: BuildThreads = new BuildThreads(1),
): Promise<Output[]> {
  // The model as read, before slugs and image ids are filled in: the publication.json of a bag or a PDF/A-3.
  const asRead = options.bag || options.pdfa3 ? structuredClone(pub) : undefined;
  const progress = options.onProgress;
  progress?.({ type: 'phase', phase: 'resolve' });
  assignArticleSlugs(pub);
  resolveLinks(pub, diagnostics);
  const resolved = await resolveImages(pub, diagnostics, resolveOptions(options));
  if (diagnostics.errors.length > 0) return [];
  const writerOptions: WriterOptions = {
    pageSize: options.pageSize ?? pub.meta.pageSize ?? 'A5',
    bleed: options.bleed ?? pub.meta.bleed ?? false,
    strict: options.strict,
  };
  progress?.({ type: 'phase', phase: 'cover' });
  const metadata = metadataRecord(pub, { version: VERSION, sourceDateEpoch: options.sourceDateEpoch });
  const { width: widthPt, height: heightPt } = trimSize(writerOptions.pageSize);
  const coverCache = options.cache !== undefined ? await CoverCache.open(options.cache) : undefined;
  const coverArt = (args: CoverArtArgs): Promise<CoverArt> => (coverCache ? coverCache.art(args) : makeCoverArt(args));
  // The cover is laid out here and rendered on libuv's threads; meanwhile this thread loads the writers.
  const [cover, { writePdf, writeEpub, epubAccessibility }] = await Promise.all([
    coverArt({
      metadata,
      image: resolved.cover?.image,
      alt: resolved.cover?.alt,
      trim: { widthPt, heightPt },
      bleedPt: writerOptions.bleed ? BLEED : 0,
    }),
    writers(),
  ]);
  const input: WriterInput = { publication: pub, metadata, cover, images: resolved.images, diagnostics, options: writerOptions, progress };
  const pdf = await writePdf(input, [], { threads });
  // The press edition: same layout, its own bleed (so its own cover art), no warnings or progress of its own.
  const pressCover = options.press?.coverPage ? await coverArt({ metadata, image: resolved.cover?.image, alt: resolved.cover?.alt, trim: { widthPt, heightPt }, bleedPt: options.press.bleed }) : cover;
  const { progress: _drawnOnce, ...quiet } = input;
  const press = options.press ? await writePdf({ ...quiet, cover: pressCover, diagnostics: new Diagnostics() }, [], { threads, press: options.press }) : undefined;
  reportCacheProblems(coverCache, 'cover', 'the cover was made again', diagnostics);
  const preflight = press?.preflight ?? pdf.preflight;
  reportPreflight(preflight, diagnostics, options.strict);
  origin.preflight?.(preflight);
  progress?.({ type: 'phase', phase: 'epub' });
  const epub = await writeEpub(input, pdf.pageMap);
  progress?.({ type: 'phase', phase: 'package' });
  if (diagnostics.errors.length > 0) return [];
  // PDF/A-3: the PDF once more, now carrying the EPUB (made from the first PDF's page map) and the
  // model; same layout, and its warnings were reported by the first pass.
  if (options.pdfa3 && asRead) {
    const [{ associatedFiles }, { publicationJson }] = await Promise.all([import('./write/archive/associated-files.js'), import('./write/archive/index.js')]);
    const attachments = associatedFiles(metadata, slug, publicationJson(asRead), epub);
    pdf.bytes = (await writePdf({ ...input, diagnostics: new Diagnostics() }, attachments, { threads })).bytes;
  }
  // The JSON-LD describes the two editions, so it is made after them (their bytes are final).
  const editions = [
    { name: `${slug}.epub`, encodingFormat: 'application/epub+zip', data: epub },
    { name: `${slug}.pdf`, encodingFormat: 'application/pdf', data: pdf.bytes },
  ];
  const accessibility = epubAccessibility(input, pdf.pageMap);
  const record = `${JSON.stringify(jsonLd(pub, metadata, accessibility, editions), null, 2)}\n`;
  const outputs: Output[] = [
    { path: path.join(options.outDir, `${slug}.epub`), data: epub },
    { path: path.join(options.outDir, `${slug}.pdf`), data: pdf.bytes },
    { path: path.join(options.outDir, `${slug}.jsonld`), data: record },
    ...(press ? [{ path: path.join(options.outDir, `${slug}.press.pdf`), data: press.bytes }] : []),
  ];
  // The spine is as thick as the book block the printer gets: the press edition's pages, padded.
  if (options.pod) outputs.push(await podCover(options.pod, options.paper ?? 'white', input, press?.bytes ?? pdf.bytes, slug, options.outDir));
  if (options.bag && asRead) {
    const { archiveBag } = await import('./write/archive/index.js');
    const fetched = fetchedSources(resolved.images);
    const sources = [...(await collectSources(asRead, origin.folderInput)), ...fetched.files];
    const files = archiveBag({ record: metadata, slug, epub, pdf: pdf.bytes, jsonld: record, publication: asRead, sources, sourcePath: (src, from) => sourcePath(asRead, src, from) ?? fetched.pathOf(src) });
    outputs.push({ path: path.join(options.outDir, `${slug}.bag`), files });
  }
  if (progress) progress({ type: 'built', built: builtPublication(input, slug, accessibility, pdf.pageCount, resolved.cover?.image, outputs) });
  return outputs;
}

/**
 * The cover wrap for a print-on-demand service. The spine is sized from the reading PDF's pages
 * padded to 4 (`interiorPageCount`); once the press PDF exists, its own padded count goes there.
 * Generated art is made again with the service's bleed when the reading PDF's had less, so the
 * front's design reaches into the bleed instead of being enlarged.
 */
async function podCover(service: PodService, paper: Paper, input: WriterInput, interior: Uint8Array, slug: string, outDir: string): Promise<Output> {
  const { coverWrap, interiorPageCount, PRINT_SERVICES } = await import('./write/cover-wrap/index.js');
  const { width: widthPt, height: heightPt } = trimSize(input.options.pageSize);
  const bleedPt = PRINT_SERVICES[service].bleedIn * 72;
  const readingBleed = input.options.bleed ? BLEED : 0;
  const cover = input.cover.origin === 'generated' && readingBleed < bleedPt ? await makeCoverArt({ metadata: input.metadata, trim: { widthPt, heightPt }, bleedPt }) : input.cover;
  const dir = input.publication.meta.dir;
  const direction = dir === 'ltr' || dir === 'rtl' ? dir : languageDirection(input.metadata.lang);
  const wrap = await coverWrap({ metadata: input.metadata, cover, trim: { widthPt, heightPt }, pageCount: interiorPageCount(interior), paper, service, direction, diagnostics: input.diagnostics });
  return { path: path.join(outDir, `${slug}.cover.pdf`), data: wrap.bytes };
}

function resolveOptions(options: BuildOptions): ResolveOptions {
  return { limits: options.imageLimits ?? DEFAULT_IMAGE_LIMITS, fetchRemote: options.fetchRemote ?? false, strict: options.strict };
}

/** Every article gets a slug that is unique in its publication: its file name and id in the EPUB. */
function assignArticleSlugs(pub: Publication): void {
  const scope = new SlugScope();
  for (const article of pub.articles) article.meta.slug = scope.unique(article.meta.slug ?? slugify(article.meta.title, 'article'));
}

/**
 * The PDF and EPUB writers, imported when a publication is built rather than with this module, so
 * that this thread compiles them (about a quarter of a second) while resvg renders the cover.
 */
async function writers(): Promise<Pick<typeof import('./write/pdf/index.js'), 'writePdf'> & Pick<typeof import('./write/epub/index.js'), 'writeEpub' | 'epubAccessibility'>> {
  const [{ writePdf }, { writeEpub, epubAccessibility }] = await Promise.all([import('./write/pdf/index.js'), import('./write/epub/index.js')]);
  return { writePdf, writeEpub, epubAccessibility };
}

/** What the `built` event says about a publication; made only when someone listens. */
function builtPublication(input: WriterInput, slug: string, accessibility: EpubAccessibility, pages: number, cover: LoadedImage | undefined, outputs: readonly Output[]): BuiltPublication {
  const pub = input.publication;
  const local = (file: string): boolean => !/^(?:[a-z][a-z0-9+.-]*:)/i.test(file) || /^[a-z]:[\\/]/i.test(file);
  const images = [...input.images.values(), ...(cover ? [cover] : [])].map((i) => i.file).filter(local);
  return {
    slug,
    title: pub.meta.title,
    pages,
    articles: pub.articles.map((a) => ({ title: a.meta.title, slug: a.meta.slug ?? '', ...(a.origin !== undefined ? { file: a.origin } : {}) })),
    accessibility,
    sources: [...new Set([...pub.articles.flatMap((a) => (a.origin ? [a.origin] : [])), ...images].map((f) => path.resolve(f)))],
    outputs: outputs.map((o) => o.path),
  };
}
