/**
 * URL inputs: web pages downloaded (only with `--fetch-remote`) and read by the HTML reader, all the
 * URLs of one build making one publication in the order given. Each page's relative image addresses
 * are made absolute against the page's address, so the image resolver downloads them with the
 * limits it uses for every remote image.
 */
import type { Diagnostics } from '../../check/diagnostic.js';
import type { Block } from '../../model/block.js';
import type { Article } from '../../model/publication.js';
import { mapBlocks } from '../../model/walk.js';
import { readHtml } from '../html/index.js';
import { assemble, type ReadOptions, type ReadOutcome } from '../publication.js';
import type { ReadResult } from '../types.js';
import { DEFAULT_PAGE_LIMITS, fetchPage, type PageFetchLimits } from './fetch-page.js';

export { isWebAddress } from './address.js';

export interface WebReadOptions extends ReadOptions {
  /** `--fetch-remote`: without it no page is downloaded, and each URL is an error saying so. */
  fetchRemote: boolean;
  /** `--title`: the publication's title; default the first page's. */
  title?: string;
  limits?: Partial<PageFetchLimits>;
}

/** Downloads and reads `urls` into one publication; problems go to `diagnostics`. */
export async function readWebPages(urls: string[], options: WebReadOptions, diagnostics: Diagnostics): Promise<ReadOutcome> {
  if (!options.fetchRemote) {
    for (const url of urls) {
      diagnostics.error({ code: 'input.url.no-network', file: url, message: 'is a web address, and broadsheet uses no network unless asked', fix: 'add --fetch-remote to download it, or save the page and build the file' });
    }
    return { articles: [] };
  }
  const limits: PageFetchLimits = { ...DEFAULT_PAGE_LIMITS, ...(options.maxArticleBytes !== undefined && { maxBytes: options.maxArticleBytes }), ...options.limits };
  const read: { result: ReadResult; pageUrl: string }[] = [];
  for (const url of urls) {
    const page = await fetchPage(url, limits);
    if (!('html' in page)) {
      diagnostics.error({ code: 'input.url.fetch', file: url, message: page.message, fix: page.fix });
      continue;
    }
    const result = readHtml(url, page.html, { diagnostics, strict: options.strict ?? false, extract: options.extract ?? 'auto' });
    if (!result) continue;
    // Where the page came from, when it names no canonical address of its own.
    result.candidate.meta['source'] ??= page.url;
    read.push({ result, pageUrl: page.url });
  }
  if (read.length < urls.length) return { articles: [] };
  const config = options.title !== undefined && read.length > 1 ? { meta: { title: options.title }, locate: () => undefined } : undefined;
  const outcome = assemble(read.map((r) => r.result), config, process.cwd(), options, diagnostics);
  if (outcome.publication && options.title !== undefined) outcome.publication.meta.title = options.title;
  const pageUrls = new Map(read.map((r) => [r.result.candidate.origin, r.pageUrl]));
  for (const article of outcome.articles) {
    const pageUrl = article.origin ? pageUrls.get(article.origin) : undefined;
    if (pageUrl) absoluteImages(article, pageUrl);
  }
  return outcome;
}

/** Points every relative image address of `article` at the page it came from. */
function absoluteImages(article: Article, pageUrl: string): void {
  const absolute = (src: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return src;
    try {
      return new URL(src, pageUrl).href;
    } catch {
      return src;
    }
  };
  const visit = (block: Block): Block => {
    if (block.type === 'figure') {
      block.image.src = absolute(block.image.src);
      if (block.image.sources) block.image.sources = block.image.sources.map(absolute);
    }
    return block;
  };
  mapBlocks(article.body, visit);
  for (const note of article.notes) mapBlocks(note.children, visit);
}
