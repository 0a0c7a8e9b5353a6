/**
 * Which elements of a whole web page Mozilla's Readability (the engine of Firefox Reader View)
 * takes for the article, and what it read about the page (byline, site name, published time).
 *
 * Readability returns a cleaned *copy* of the article. broadsheet does not use that copy's markup:
 * Readability also strips what is article text by broadsheet's promise (an `<aside>` pull quote, a
 * byline, a caption it finds too short). Instead every element of the reader's one parse5 tree is
 * numbered (`data-bsn`) before Readability sees it, and the numbers that survive into its result say
 * which original elements it kept. content.ts then takes the article from the original tree with
 * that guide, and keeps what Readability is known to over-strip.
 *
 * DOM: linkedom, not jsdom. Measured on a 309 KB news page (Readability 0.6.0, Node 20, 20 runs,
 * process CPU time): linkedom 63 ms and 121 MB peak RSS per process, jsdom 26 238 ms and 368 MB;
 * importing linkedom costs 0.33 s CPU against jsdom's 0.56 s; and jsdom 31 needs Node 22.
 * Both load lazily (createRequire), so a build without whole web pages never pays for them, and the
 * reader contract stays synchronous.
 * https://github.com/mozilla/readability
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { elementsInOrder, findAll } from './tree.js';

/** What Readability found on a page. */
export interface ReadabilityPick {
  /** Elements of the original tree that Readability kept in the article. */
  kept: Set<Element>;
  /** Its guesses about the page (used only where the page declares nothing). */
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  dir?: string;
  lang?: string;
}

interface ReadabilityResult {
  content?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  dir?: string | null;
  lang?: string | null;
}

type ReadabilityClass = new (doc: unknown, options?: Record<string, unknown>) => { parse(): ReadabilityResult | null };
type Readerable = (doc: unknown, options?: { minContentLength?: number; minScore?: number }) => boolean;
type ParseHtml = (html: string) => { document: unknown };
interface Engine { Readability: ReadabilityClass; isProbablyReaderable: Readerable; parseHTML: ParseHtml }

const require = createRequire(import.meta.url);
let engine: Engine | undefined;

/** Readability and linkedom, loaded on first use (their CommonJS builds, so loading is synchronous). */
function load(): Engine {
  engine ??= {
    ...(require('@mozilla/readability') as { Readability: ReadabilityClass; isProbablyReaderable: Readerable }),
    parseHTML: (require('linkedom') as { parseHTML: ParseHtml }).parseHTML,
  };
  return engine;
}

const MARK = 'dataBsn';

/**
 * What makes an article page: paragraphs whose characters beyond `minContentLength` add up (as
 * square roots) past `minScore`. Readability's default length, 140, is tuned on Latin-script prose;
 * 80 lets an Arabic or Chinese story of short paragraphs through (a page of one-line paragraphs
 * still fails, and keeps content.ts's choice).
 */
const ARTICLE_PAGE = { minContentLength: 80, minScore: 20 };

/**
 * Runs Readability over `document` (the reader's parsed page, left unchanged) and maps its article
 * back to the original elements. Undefined when Readability finds no article, or, with
 * `onlyArticlePages`, when Readability's own test (`isProbablyReaderable`: enough long paragraphs,
 * as Firefox decides whether to offer Reader View) says the page is no article page: on a short
 * page Readability's scoring drops paragraphs that are all the text there is.
 */
export function readabilityPick(document: Root, options: { onlyArticlePages?: boolean } = {}): ReadabilityPick | undefined {
  const body = findAll(document, ['body'], true)[0];
  if (!body) return undefined;
  const elements = elementsInOrder(body);
  elements.forEach((element, i) => {
    element.properties[MARK] = String(i);
  });
  let html: string;
  try {
    html = toHtml(document);
  } finally {
    for (const element of elements) delete element.properties[MARK];
  }
  const { Readability, isProbablyReaderable, parseHTML } = load();
  const dom = parseHTML(html).document;
  if (options.onlyArticlePages && !isProbablyReaderable(dom, ARTICLE_PAGE)) return undefined;
  // charThreshold: a short news story (300 words) is still an article.
  const result = new Readability(dom, { charThreshold: 300 }).parse();
  if (!result?.content) return undefined;
  const kept = new Set<Element>();
  for (const match of result.content.matchAll(/\sdata-bsn="(\d+)"/g)) {
    const element = elements[Number(match[1])];
    if (element) kept.add(element);
  }
  if (kept.size === 0) return undefined;
  const text = (value: string | null | undefined): string | undefined => value?.replace(/\s+/g, ' ').trim() || undefined;
  const pick: ReadabilityPick = { kept };
  const fields = { byline: result.byline, siteName: result.siteName, publishedTime: result.publishedTime, dir: result.dir, lang: result.lang };
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, string | null | undefined][]) {
    const v = text(value);
    if (v !== undefined) pick[key] = v;
  }
  return pick;
}
