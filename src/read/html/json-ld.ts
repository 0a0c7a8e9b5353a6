/**
 * The article object of a page's JSON-LD (`<script type="application/ld+json">`), read before the
 * sanitizer removes scripts. News sites describe the article there more reliably than in `<meta>`.
 * https://schema.org/NewsArticle
 */

/** The fields of a schema.org Article that map to article metadata, as plain strings. */
export interface LinkedDataArticle {
  headline?: string;
  alternativeHeadline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: { name: string; url?: string }[];
  description?: string;
  publisher?: string;
  section?: string;
  keywords: string[];
  url?: string;
  inLanguage?: string;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

/**
 * The first Article-like object (NewsArticle, BlogPosting, ReportageNewsArticle, …) in the JSON-LD
 * texts, looking inside arrays and `@graph`. Throws on JSON that does not parse.
 */
export function linkedDataArticle(jsonTexts: readonly string[]): LinkedDataArticle | undefined {
  for (const text of jsonTexts) {
    const found = findArticle(JSON.parse(text) as unknown);
    if (found) return extract(found);
  }
  return undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findArticle(value: unknown): Json | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticle(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const types = ([] as unknown[]).concat(value['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return value;
  return findArticle(value['@graph']);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) return text(value['name'] ?? value['@value']);
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

function extract(node: Json): LinkedDataArticle {
  const authors = ([] as unknown[])
    .concat(node['author'] ?? [])
    .flatMap((a): { name: string; url?: string }[] => {
      const name = text(a);
      if (!name) return [];
      const url = isObject(a) ? text(a['url']) : undefined;
      return [{ name, ...(url && { url }) }];
    });
  const keywords = node['keywords'];
  const mainEntity = node['mainEntityOfPage'];
  const result: LinkedDataArticle = {
    authors,
    keywords: Array.isArray(keywords)
      ? keywords.flatMap((k) => (typeof k === 'string' && k.trim() ? [k.trim()] : []))
      : typeof keywords === 'string'
        ? keywords.split(',').map((k) => k.trim()).filter(Boolean)
        : [],
  };
  const set = (key: Exclude<keyof LinkedDataArticle, 'authors' | 'keywords'>, value: unknown): void => {
    const v = text(value);
    if (v !== undefined) result[key] = v;
  };
  const fields: [Exclude<keyof LinkedDataArticle, 'authors' | 'keywords'>, unknown][] = [
    ['headline', node['headline'] ?? node['name']],
    ['alternativeHeadline', node['alternativeHeadline']],
    ['datePublished', node['datePublished']],
    ['dateModified', node['dateModified']],
    ['description', node['description']],
    ['publisher', node['publisher']],
    ['section', node['articleSection']],
    ['url', node['url'] ?? (isObject(mainEntity) ? mainEntity['@id'] : mainEntity)],
    ['inLanguage', node['inLanguage']],
  ];
  for (const [key, value] of fields) set(key, value);
  return result;
}
