/**
 * `publication.yaml`: the metadata of a publication and, optionally, the order of its articles.
 *
 * ```yaml
 * title: Coastal Notes
 * publisher: Broadsheet Press
 * lang: en-GB
 * identifier: urn:isbn:9780000000000
 * cover: { image: cover.jpg, alt: "A lighthouse at dusk" }
 * page-size: A5
 * articles: [harbour.md, catch.md]
 * ```
 */
import type { Diagnostics } from '../check/diagnostic.js';
import type { Place } from './types.js';
import { parseYamlSource } from './yaml-source.js';

export interface PublicationYaml {
  /** Model-shaped publication metadata (unchecked). */
  meta: Record<string, unknown>;
  /** Article files, relative to the folder, in reading order. */
  articles?: string[];
  /** Place of a model meta path (e.g. ['published']) in publication.yaml. */
  locate(path: readonly PropertyKey[]): Place | undefined;
}

/** Model key ← the spellings people write (first match wins). */
const ALIASES: Record<string, string[]> = {
  title: ['title'],
  subtitle: ['subtitle', 'dek'],
  authors: ['authors', 'author', 'editors', 'editor'],
  publisher: ['publisher'],
  identifier: ['identifier', 'isbn', 'doi'],
  lang: ['lang', 'language', 'locale'],
  dir: ['dir', 'direction'],
  published: ['published', 'date', 'pubDate'],
  modified: ['modified', 'updated', 'lastmod'],
  description: ['description', 'summary'],
  tags: ['tags', 'keywords', 'subjects', 'categories'],
  source: ['source', 'url', 'canonical'],
  rights: ['rights', 'copyright', 'license'],
  cover: ['cover'],
  series: ['series', 'collection'],
  slug: ['slug'],
  pageSize: ['page-size', 'pageSize', 'page_size'],
  bleed: ['bleed'],
};

export function publicationYaml(file: string, text: string, diagnostics: Diagnostics): PublicationYaml | undefined {
  const source = parseYamlSource(text, file, diagnostics, { what: 'publication.yaml' });
  if (!source) return undefined;
  const raw = source.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.error({ code: 'publication.shape', file, line: 1, column: 1, message: 'publication.yaml is not a mapping of keys to values', fix: 'write `title: …` and the other keys one per line' });
    return undefined;
  }
  const data = raw as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  const keyOf: Record<string, string> = {};
  for (const [model, spellings] of Object.entries(ALIASES)) {
    const key = spellings.find((s) => data[s] !== undefined && data[s] !== null);
    if (key === undefined) continue;
    keyOf[model] = key;
    meta[model] = normalise(model, data[key], key);
  }
  if (typeof meta.identifier === 'string' && keyOf.identifier === 'isbn') meta.identifier = `urn:isbn:${meta.identifier.replace(/[^0-9Xx]/g, '')}`;
  let articles: string[] | undefined;
  if (data.articles !== undefined) {
    if (!Array.isArray(data.articles) || data.articles.some((a) => typeof a !== 'string')) {
      const at = source.locate(['articles']);
      diagnostics.error({ code: 'publication.articles', file, line: at?.line, column: at?.column, message: '`articles` is not a list of file names', fix: 'write `articles: [first.md, second.md]`' });
      return undefined;
    }
    articles = data.articles as string[];
  }
  return {
    meta,
    articles,
    locate: (path) => source.locate(path.length > 0 && typeof path[0] === 'string' && keyOf[path[0]] ? [keyOf[path[0]], ...path.slice(1)] : path),
  };
}

function normalise(model: string, value: unknown, key: string): unknown {
  switch (model) {
    case 'authors': {
      const list = Array.isArray(value) ? value : [value];
      const role = key.startsWith('editor') ? 'editor' : undefined;
      return list.map((a) => (typeof a === 'string' ? { name: a, ...(role ? { role } : {}) } : a));
    }
    case 'tags':
      return typeof value === 'string' ? value.split(',').map((t) => t.trim()).filter(Boolean) : value;
    case 'published':
    case 'modified':
      return value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : value;
    case 'lang':
      return typeof value === 'string' ? value.replace(/_/g, '-') : value;
    case 'series':
      return typeof value === 'string' ? { name: value } : value;
    case 'cover':
      return typeof value === 'string' ? { image: value } : value;
    case 'identifier':
      return typeof value === 'number' ? String(value) : value;
    default:
      return value;
  }
}
