/**
 * Article metadata of an HTML page, from `<head>` (title, description, Open Graph, `article:*`),
 * JSON-LD and `<html lang dir>`, in that order of trust for each field. Each value keeps its place
 * in the file so validation can point at it.
 * https://ogp.me/  https://ogp.me/#type_article  https://schema.org/NewsArticle
 */
import { parseDate } from '../../model/index.js';
import type { Place } from '../types.js';
import type { HeadInfo, Sourced } from './head.js';
import type { LinkedDataArticle } from './json-ld.js';
import { allowedSrc } from './url-policy.js';

export interface PageMeta {
  /** Keys as in the model's articleMeta; absent fields are left out. */
  meta: Record<string, unknown>;
  /** Where each meta key came from. */
  places: Map<string, Place>;
  /** Problems worth a warning (e.g. a local og:image without og:image:alt). */
  notes: { message: string; fix: string; place?: Place }[];
}

export interface PageSources {
  head: HeadInfo;
  linkedData?: LinkedDataArticle;
  /** Where the JSON-LD was, for values taken from it. */
  linkedDataPlace?: Place;
  /** Text of the first `<h1>` of the article, and its place. */
  h1?: Sourced;
  /** Readability's guesses about the page: used only for fields the page itself does not declare. */
  guesses?: Guesses;
}

/** What Mozilla's Readability guessed from the page's text and markup (see readability.ts). */
export interface Guesses {
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  dir?: string;
}

/** Decides each metadata field from the page's sources, most specific first. */
export function pageMeta({ head, linkedData: ld, linkedDataPlace, h1, guesses = {} }: PageSources): PageMeta {
  const meta: Record<string, unknown> = {};
  const places = new Map<string, Place>();
  const notes: PageMeta['notes'] = [];
  const first = (key: string): Sourced | undefined => head.meta.get(key)?.[0];
  const all = (key: string): Sourced[] => head.meta.get(key) ?? [];
  const fromLd = (value: string | undefined): Sourced | undefined =>
    value === undefined ? undefined : { value, ...(linkedDataPlace && { place: linkedDataPlace }) };
  const guess = <T>(value: T | undefined): Sourced<T> | undefined => (value === undefined ? undefined : { value });
  const set = (key: string, source: Sourced<unknown> | undefined): void => {
    if (source === undefined) return;
    meta[key] = source.value;
    if (source.place) places.set(key, source.place);
  };

  const clean = first('og:title') ?? fromLd(ld?.headline);
  set('title', clean ?? cleanTitle(head.title, [h1?.value]) ?? h1);
  set('subtitle', fromLd(ld?.alternativeHeadline));
  set('authors', authors(head, ld, linkedDataPlace) ?? guess(bylineAuthors(guesses.byline)));
  set('published', date(first('article:published_time') ?? fromLd(ld?.datePublished) ?? first('date') ?? guess(guesses.publishedTime)));
  set('modified', date(first('article:modified_time') ?? first('og:updated_time') ?? fromLd(ld?.dateModified)));
  set('publisher', first('og:site_name') ?? fromLd(ld?.publisher) ?? guess(guesses.siteName));
  set('section', first('article:section') ?? fromLd(ld?.section));
  const tags = all('article:tag');
  const keywords = first('keywords') ?? first('news_keywords');
  if (tags.length > 0) set('tags', { value: unique(tags.map((t) => t.value)), ...(tags[0]!.place && { place: tags[0]!.place }) });
  else if (keywords) set('tags', { ...keywords, value: unique(keywords.value.split(',').map((k) => k.trim()).filter(Boolean)) });
  else if (ld && ld.keywords.length > 0) set('tags', { value: unique(ld.keywords), ...(linkedDataPlace && { place: linkedDataPlace }) });
  const lang = head.lang ?? first('content-language') ?? first('og:locale') ?? fromLd(ld?.inLanguage) ?? guess(guesses.lang);
  if (lang) set('lang', { ...lang, value: lang.value.replace(/_/g, '-') });
  set('dir', head.dir ?? guess(guesses.dir));
  set('description', first('description') ?? first('og:description') ?? fromLd(ld?.description));
  set('source', head.canonical ?? first('og:url') ?? fromLd(ld?.url));
  set('rights', first('copyright') ?? first('dcterms.rights') ?? first('dc.rights'));

  const image = first('og:image');
  // A remote og:image is the site's social card, not the article's cover; a local one may be.
  if (image && allowedSrc(image.value) !== undefined && !/^https?:/i.test(image.value)) {
    const alt = first('og:image:alt');
    if (alt) set('cover', { value: { image: image.value, alt: alt.value }, ...(image.place && { place: image.place }) });
    else notes.push({ message: 'og:image has no og:image:alt, so it is not used as the cover', fix: 'add <meta property="og:image:alt" content="…"> describing the image', ...(image.place && { place: image.place }) });
  }
  return { meta, places, notes };
}

/**
 * `<title>` without a site suffix (" | Site", " - Site", " — Site") when what precedes the suffix
 * is a title the page gives elsewhere (the h1); otherwise the whole `<title>`, as written.
 */
function cleanTitle(title: Sourced | undefined, clean: (string | undefined)[]): Sourced | undefined {
  if (!title) return undefined;
  for (const candidate of clean) {
    if (!candidate) continue;
    const rest = title.value.slice(candidate.length);
    if (title.value.startsWith(candidate) && /^\s+[|\-–—·:]\s+\S/.test(rest)) return { ...title, value: candidate };
  }
  return title;
}

function authors(head: HeadInfo, ld: LinkedDataArticle | undefined, ldPlace: Place | undefined): Sourced<unknown> | undefined {
  if (ld && ld.authors.length > 0) return { value: ld.authors, ...(ldPlace && { place: ldPlace }) };
  const byName = head.meta.get('author') ?? [];
  const profiles = (head.meta.get('article:author') ?? []).filter((a) => /^https?:/i.test(a.value));
  const named = (head.meta.get('article:author') ?? []).filter((a) => !/^https?:/i.test(a.value));
  const names = byName.length > 0 ? byName : named;
  if (names.length === 0) return undefined;
  const list = names.map((n) => ({
    name: n.value,
    ...(names.length === 1 && profiles.length === 1 && { url: profiles[0]!.value }),
  }));
  return { value: list, ...(names[0]!.place && { place: names[0]!.place }) };
}

/** A byline's leading word ("By", "Von", "Par", "بقلم") */
const BYLINE_LEAD = /^(?:by|von|par|por|di|door|av|af|przez|från|bởi|بقلم|كتب)[\s:]+/iu;

/**
 * The author a byline names: "By Priya Raman, transport correspondent · 14 Sep" → "Priya Raman"
 * (the lead word and what follows a comma, middle dot or bar are the byline's, not the name's).
 */
function bylineAuthors(byline: string | undefined): { name: string }[] | undefined {
  const name = byline?.replace(BYLINE_LEAD, '').split(/\s*[,·|•]\s*|\s+[-–—]\s+/u)[0]?.trim();
  return name ? [{ name }] : undefined;
}

/** ISO form of a date when it can be read; otherwise the text as written, for validation to report. */
function date(source: Sourced | undefined): Sourced | undefined {
  if (!source) return undefined;
  const value = source.value.trim();
  if (parseDate(value)) return { ...source, value };
  // Only with an explicit zone: Date.parse reads a zone-less date in the machine's time zone, which
  // would make the build depend on where it runs.
  const time = /(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? source : { ...source, value: new Date(time).toISOString().replace('.000Z', 'Z') };
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
