/**
 * Reads one INPUT (a folder or an article file) into a validated Publication.
 *
 * A folder is one publication: `publication.yaml` gives its metadata and, optionally, the article
 * order; without it a folder must hold exactly one article, whose metadata the publication takes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReadCache } from '../cache/read-cache.js';
import type { Diagnostics } from '../check/diagnostic.js';
import { publication as publicationSchema, type Article, type Publication } from '../model/publication.js';
import { readHtml } from './html/index.js';
import { megabytes } from '../images/image.js';
import { isPublicationJson, readJsonSource } from './json/read.js';
import { readMarkdown } from './markdown/index.js';
import { publicationYaml, type PublicationYaml } from './publication-yaml.js';
import { MHTML, mhtmlToHtml } from './web/mhtml.js';
import type { ArticleReader, ExtractMode, Place, ReadResult } from './types.js';
import { pathName, validate } from './validate.js';

/** Article readers by file extension: the only place that knows which formats exist. */
export const READERS: Record<string, ArticleReader> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  // A saved single-file page: readSource unpacks it to HTML first (src/read/web/mhtml.ts).
  '.mhtml': readHtml,
  '.mht': readHtml,
  '.json': readJsonArticle,
};

const KNOWN = Object.keys(READERS).join(', ');

export interface ReadOptions {
  /** Language used, with a warning, when neither the article nor publication.yaml gives one. Default `en`. */
  lang: string;
  /** Largest article file in bytes. Default 20 MB. */
  maxArticleBytes?: number;
  /** `--strict`: an article without a title is an error rather than titled after its file. Default false. */
  strict?: boolean;
  /** `--extract`: when whole web pages go through Readability (see ReadContext). Default `auto`. */
  extract?: ExtractMode;
  /** The read cache (src/cache/read-cache.ts): a rebuild parses again only the files that changed. Default: none. */
  cache?: ReadCache;
}

/**
 * What reading one INPUT gave: the publication when everything validated; otherwise the articles
 * that did, so later checks (their images) can still report in the same run.
 */
export interface ReadOutcome {
  publication?: Publication;
  articles: Article[];
}

const NOTHING: ReadOutcome = { articles: [] };

/** Reads a folder or article file; problems go to `diagnostics`. */
export async function readPublication(input: string, options: ReadOptions, diagnostics: Diagnostics): Promise<ReadOutcome> {
  let info;
  try {
    info = await stat(input);
  } catch {
    diagnostics.error({ code: 'input.missing', file: input, message: 'no such file or folder', fix: 'check the path' });
    return NOTHING;
  }
  if (info.isDirectory()) return readFolder(input, options, diagnostics);
  const ext = path.extname(input).toLowerCase();
  if (!READERS[ext]) {
    diagnostics.error({
      code: 'input.unknown-type',
      file: input,
      message: `unknown file type "${ext || '(none)'}"`,
      fix: `give an article as ${KNOWN}, or a folder`,
    });
    return NOTHING;
  }
  const source = await readSource(input, options, diagnostics);
  if (source === undefined) return NOTHING;
  if (ext === '.json') {
    const json = readJsonSource(input, source, { diagnostics });
    if (!json) return NOTHING;
    if (isPublicationJson(json.value)) {
      const publication = validatePublicationJson(input, json.value, json.locate, options, diagnostics);
      return { publication, articles: publication?.articles ?? [] };
    }
  }
  const article = await readArticle(input, ext, source, options, diagnostics);
  if (!article) return NOTHING;
  return assemble([article], undefined, path.dirname(input), options, diagnostics);
}

async function readFolder(folder: string, options: ReadOptions, diagnostics: Diagnostics): Promise<ReadOutcome> {
  const yamlFile = path.join(folder, 'publication.yaml');
  let config: PublicationYaml | undefined;
  let hasConfig = false;
  try {
    const text = await readFile(yamlFile, 'utf8');
    hasConfig = true;
    config = publicationYaml(yamlFile, text, diagnostics);
    if (!config) return NOTHING;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let files: string[];
  if (config?.articles) {
    files = config.articles.map((name) => path.join(folder, name));
  } else {
    const names = (await readdir(folder)).sort();
    files = names
      .filter((name) => READERS[path.extname(name).toLowerCase()] && !name.startsWith('.') && !name.startsWith('_') && !/^readme\./i.test(name))
      .map((name) => path.join(folder, name));
  }
  if (files.length === 0) {
    diagnostics.error({ code: 'input.no-articles', file: folder, message: 'the folder holds no articles', fix: `add an article file (${KNOWN})` });
    return NOTHING;
  }
  if (files.length > 1 && !hasConfig) {
    diagnostics.error({
      code: 'input.no-publication-yaml',
      file: folder,
      message: `the folder holds ${files.length} articles but no publication.yaml`,
      fix: 'add publication.yaml with at least `title:` (and `articles:` to set their order)',
    });
    return NOTHING;
  }
  const articles: ReadResult[] = [];
  const ahead = readAhead(files.filter((file) => READERS[path.extname(file).toLowerCase()]));
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (!READERS[ext]) {
      diagnostics.error({ code: 'input.unknown-type', file: yamlFile, message: `"${path.basename(file)}" has an unknown file type`, fix: `list articles as ${KNOWN}` });
      continue;
    }
    const source = await readSource(file, options, diagnostics, ahead(file));
    if (source === undefined) continue;
    const article = await readArticle(file, ext, source, options, diagnostics);
    if (article) articles.push(article);
  }
  if (articles.length === 0) return NOTHING;
  const outcome = assemble(articles, config, folder, options, diagnostics);
  // Some files could not be read: no publication, but the others still get their images checked.
  return articles.length === files.length ? outcome : { articles: outcome.articles };
}

/** Reads one article file's text with the reader of its type: through the read cache when there is one. */
async function readArticle(file: string, ext: string, source: string, options: ReadOptions, diagnostics: Diagnostics): Promise<ReadResult | undefined> {
  const reader = READERS[ext]!;
  const readerOptions = { strict: options.strict ?? false, extract: options.extract ?? 'auto' } as const;
  return options.cache ? options.cache.read(reader, file, source, readerOptions, diagnostics) : reader(file, source, { diagnostics, ...readerOptions });
}

/**
 * How many files are read ahead of the one being parsed. Reading a file is four round trips to
 * libuv's thread pool (open, stat, read, close) that the parser would otherwise wait for: about a
 * fifth of the time of reading a 300-article folder was spent idle before this (a CPU profile).
 */
const READ_AHEAD = 8;

/**
 * The bytes of `files`, read up to {@link READ_AHEAD} ahead of the one asked for (asked in order).
 * Only the bytes are read early: what they mean, and every diagnostic, still comes in file order.
 */
function readAhead(files: readonly string[]): (file: string) => Promise<Buffer> {
  const started = new Map<string, Promise<Buffer>>();
  let next = 0;
  const start = (file: string): void => {
    if (started.has(file)) return;
    const bytes = readFile(file);
    // Failures are reported when the file's turn comes (readSource); until then they are held.
    bytes.catch(() => undefined);
    started.set(file, bytes);
  };
  return (file) => {
    start(file);
    const at = files.indexOf(file, next);
    if (at !== -1) next = at + 1;
    for (let i = next; i < Math.min(files.length, next + READ_AHEAD); i++) start(files[i]!);
    const bytes = started.get(file)!;
    started.delete(file);
    return bytes;
  };
}

async function readSource(file: string, options: ReadOptions, diagnostics: Diagnostics, read: Promise<Buffer> = readFile(file)): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await read;
  } catch {
    diagnostics.error({ code: 'input.missing', file, message: 'no such file', fix: 'check the path (in publication.yaml `articles:` if it is listed there)' });
    return undefined;
  }
  const limit = options.maxArticleBytes ?? 20_000_000;
  if (bytes.length > limit) {
    diagnostics.error({ code: 'input.too-large', file, message: `the article is ${megabytes(bytes.length)}, over the ${megabytes(limit)} limit`, fix: 'split it into several articles or raise the limit with --max-article-mb' });
    return undefined;
  }
  const text = MHTML.test(file) ? await mhtmlToHtml(file, bytes, diagnostics) : bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    diagnostics.error({ code: 'input.empty', file, message: 'the file is empty', fix: 'write the article, or remove the file' });
    return undefined;
  }
  return text;
}

/** JSON holding one article: the model's Article shape. */
function readJsonArticle(file: string, source: string, ctx: { diagnostics: Diagnostics }): ReadResult | undefined {
  const json = readJsonSource(file, source, ctx);
  if (!json) return undefined;
  const value = json.value as Record<string, unknown> | null;
  if (isPublicationJson(value)) {
    ctx.diagnostics.error({ code: 'json.nested-publication', file, line: 1, column: 1, message: 'this JSON is a whole publication, not an article of this folder', fix: 'build the JSON file on its own, or split it into article files' });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || typeof value.meta !== 'object' || value.meta === null) {
    ctx.diagnostics.error({ code: 'json.shape', file, line: 1, column: 1, message: 'the JSON is neither an article (`meta`, `body`) nor a publication (`meta`, `articles`)', fix: 'see `broadsheet schema` for the model' });
    return undefined;
  }
  return {
    candidate: { meta: value.meta as Record<string, unknown>, body: value.body, notes: value.notes, origin: file },
    locate: json.locate,
  };
}

function validatePublicationJson(
  file: string,
  value: unknown,
  locate: (path: readonly PropertyKey[]) => Place | undefined,
  options: ReadOptions,
  diagnostics: Diagnostics,
): Publication | undefined {
  const raw = value as { meta?: Record<string, unknown>; articles?: unknown };
  if (raw.meta && raw.meta.lang === undefined) {
    warnNoLanguage(file, options, diagnostics);
    raw.meta.lang = options.lang;
  }
  if (Array.isArray(raw.articles)) {
    for (const article of raw.articles as { meta?: Record<string, unknown>; origin?: string }[]) {
      if (article?.meta && article.meta.lang === undefined) article.meta.lang = raw.meta?.lang;
      if (article && typeof article === 'object' && article.origin === undefined) article.origin = file;
    }
  }
  const pub = validate(publicationSchema, { ...raw, origin: path.dirname(file) }, file, locate, diagnostics);
  return pub;
}

export function assemble(
  articles: ReadResult[],
  config: PublicationYaml | undefined,
  folder: string,
  options: ReadOptions,
  diagnostics: Diagnostics,
): ReadOutcome {
  const first = articles[0].candidate.meta;
  let lang = config?.meta.lang as string | undefined;
  for (const { candidate } of articles) {
    if (candidate.meta.lang !== undefined) continue;
    if (lang === undefined) {
      warnNoLanguage(candidate.origin, options, diagnostics);
      lang = options.lang;
    }
    candidate.meta.lang = lang;
  }
  // A one-article publication without publication.yaml is the article: it takes the article's metadata.
  const meta: Record<string, unknown> = config
    ? { ...config.meta, lang: config.meta.lang ?? first.lang }
    : pick(first, ['title', 'subtitle', 'authors', 'publisher', 'lang', 'dir', 'published', 'modified', 'description', 'tags', 'source', 'rights', 'cover', 'slug']);
  const metaFile = config ? path.join(folder, 'publication.yaml') : articles[0].candidate.origin;
  const metaLocate = config ? config.locate : (p: readonly PropertyKey[]) => articles[0].locate(['meta', ...p]);

  let ok = true;
  const validated: Article[] = [];
  for (const article of articles) {
    const a = validate(publicationSchema.shape.articles.element, article.candidate, article.candidate.origin, article.locate, diagnostics, describeArticlePath);
    if (a) validated.push(a);
    else ok = false;
  }
  const pubMeta = validate(publicationSchema.shape.meta, meta, metaFile, metaLocate, diagnostics, describeArticlePath);
  if (!ok || !pubMeta) return { articles: validated };
  return { publication: { meta: pubMeta, articles: validated, origin: folder }, articles: validated };
}

function pick(from: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));
}

/** Article paths read best without the `meta.` prefix: "published is not a real date". */
function describeArticlePath(p: readonly PropertyKey[]): string {
  return pathName(p[0] === 'meta' ? p.slice(1) : p);
}

function warnNoLanguage(file: string, options: ReadOptions, diagnostics: Diagnostics): void {
  diagnostics.warn({
    code: 'lang.missing',
    file,
    message: `no language is given; using "${options.lang}"`,
    fix: 'add `lang:` to the front matter or publication.yaml, `<html lang>` to HTML, or pass --lang',
  });
}
