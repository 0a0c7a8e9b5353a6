/**
 * Front-matter keys → article metadata. Static site generators (Jekyll, Hugo, Eleventy, Astro,
 * Ghost exports) spell the same fields differently; each model field lists the spellings it accepts,
 * as data. Keys match case-insensitively. Unknown keys are ignored, never fatal. Values of a shape
 * that cannot be mapped are passed on as written, so validation reports them at the user's line.
 */
import { parseDate } from '../../model/index.js';

type YamlPath = (string | number)[];

/** Front matter as the model's article metadata, and where each field came from. */
export interface MappedMeta {
  meta: Record<string, unknown>;
  /** Model field path (`published`, `cover.alt`) → YAML path of the key the value came from. */
  sources: Map<string, YamlPath>;
  /** Fields given under two spellings; the first was used. */
  duplicates: { field: string; used: string; ignored: string }[];
}

interface Field {
  field: string;
  /** Accepted spellings, the preferred one first. */
  keys: string[];
  read: (value: unknown) => unknown;
}

/** The spellings, by model field. Change here to accept another generator's key. */
export const FIELDS: readonly Field[] = [
  { field: 'title', keys: ['title'], read: text },
  { field: 'subtitle', keys: ['subtitle', 'dek', 'deck'], read: text },
  { field: 'authors', keys: ['authors', 'author'], read: authors },
  { field: 'published', keys: ['published', 'date', 'pubDate', 'publishDate', 'publish_date', 'datePublished'], read: date },
  { field: 'modified', keys: ['modified', 'updated', 'lastmod', 'lastModified', 'last_modified', 'dateModified'], read: date },
  { field: 'publisher', keys: ['publisher'], read: text },
  { field: 'section', keys: ['section'], read: text },
  { field: 'lang', keys: ['lang', 'language', 'locale'], read: language },
  { field: 'dir', keys: ['dir'], read: text },
  { field: 'description', keys: ['description', 'summary', 'excerpt'], read: text },
  { field: 'source', keys: ['source', 'canonical', 'canonical_url', 'canonicalUrl', 'url'], read: text },
  { field: 'rights', keys: ['rights', 'copyright', 'license'], read: text },
  { field: 'slug', keys: ['slug'], read: text },
];

/** Keys whose lists are merged into `tags` (Jekyll and Hugo have both tags and categories). */
export const TAG_KEYS: readonly string[] = ['tags', 'categories', 'keywords'];
const COVER_KEYS = ['cover', 'cover_image', 'coverImage', 'image', 'featured_image', 'featuredImage'];
const COVER_ALT_KEYS = ['cover_alt', 'coverAlt', 'image_alt', 'imageAlt'];
const COVER_OBJECT_IMAGE = ['image', 'src', 'url', 'path'];

/** Maps front-matter data to article metadata, remembering the user's key for every field. */
export function frontMatterMeta(data: Record<string, unknown>): MappedMeta {
  const meta: Record<string, unknown> = {};
  const sources = new Map<string, YamlPath>();
  const duplicates: MappedMeta['duplicates'] = [];
  const byLower = new Map<string, string>();
  for (const key of Object.keys(data)) if (!byLower.has(key.toLowerCase())) byLower.set(key.toLowerCase(), key);
  const present = (keys: readonly string[]): string[] =>
    keys.flatMap((k) => {
      const actual = byLower.get(k.toLowerCase());
      return actual !== undefined && data[actual] !== null && data[actual] !== undefined ? [actual] : [];
    });

  for (const { field, keys, read } of FIELDS) {
    const [used, ...ignored] = present(keys);
    if (used === undefined) continue;
    meta[field] = read(data[used]);
    sources.set(field, [used]);
    for (const other of ignored) duplicates.push({ field, used, ignored: other });
  }

  const tagKeys = present(TAG_KEYS);
  if (tagKeys.length > 0) {
    const lists = tagKeys.map((k) => list(data[k]));
    meta['tags'] = lists.every(Array.isArray) ? [...new Set(lists.flat())] : lists.find((l) => !Array.isArray(l));
    sources.set('tags', [tagKeys[0]!]);
  }

  cover(data, present, meta, sources);
  return { meta, sources, duplicates };
}

function cover(
  data: Record<string, unknown>,
  present: (keys: readonly string[]) => string[],
  meta: Record<string, unknown>,
  sources: Map<string, YamlPath>,
): void {
  const key = present(COVER_KEYS)[0];
  if (key === undefined) return;
  const value = data[key];
  const altKey = present(COVER_ALT_KEYS)[0];
  sources.set('cover', [key]);
  if (typeof value === 'string') {
    meta['cover'] = { image: value, ...(altKey !== undefined && { alt: text(data[altKey]) }) };
    sources.set('cover.image', [key]);
    if (altKey !== undefined) sources.set('cover.alt', [altKey]);
    return;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const imageKey = COVER_OBJECT_IMAGE.find((k) => object[k] !== undefined);
    const alt = object['alt'] ?? (altKey !== undefined ? data[altKey] : undefined);
    meta['cover'] = {
      ...(imageKey !== undefined && { image: text(object[imageKey]) }),
      ...(alt !== undefined && { alt: text(alt) }),
    };
    if (imageKey !== undefined) sources.set('cover.image', [key, imageKey]);
    if (object['alt'] !== undefined) sources.set('cover.alt', [key, 'alt']);
    else if (altKey !== undefined) sources.set('cover.alt', [altKey]);
    return;
  }
  meta['cover'] = value;
}

function text(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  return value;
}

/** A string, a list of strings, or a list of `{name, role, url}`; "A and B" stays one name. */
function authors(value: unknown): unknown {
  const one = (item: unknown): unknown => {
    if (typeof item === 'string') return { name: item.trim() };
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      const url = o['url'] ?? o['link'] ?? o['website'];
      return {
        name: text(o['name']),
        ...(o['role'] !== undefined && { role: text(o['role']) }),
        ...(url !== undefined && { url: text(url) }),
        ...(o['fileAs'] !== undefined && { fileAs: text(o['fileAs']) }),
      };
    }
    return item;
  };
  return Array.isArray(value) ? value.map(one) : [one(value)];
}

/** `a, b` or a list; each entry trimmed, empty ones dropped. */
function list(value: unknown): unknown {
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(text(v))])).filter(Boolean);
  return value;
}

/** `en_US` (a POSIX locale, as Hugo writes it) → `en-US`. */
function language(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().replace(/_/g, '-') : value;
}

/**
 * Dates as the model writes them. YAML timestamps arrive as Date objects (YAML 1.1 schemas) or as
 * text ("2025-06-30 08:00:00 +02:00"); both become ISO 8601.
 */
export function date(value: unknown): unknown {
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : value;
  const trimmed = value.trim();
  if (parseDate(trimmed)) return trimmed;
  const spaced = /^(\d{4}-\d{2}-\d{2})[ T]+(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(trimmed);
  if (spaced) {
    const zone = spaced[3]?.toUpperCase();
    const normalized = `${spaced[1]}T${spaced[2]}${zone === undefined ? '' : /^[+-]\d{2}$/.test(zone) ? `${zone}:00` : zone}`;
    if (parseDate(normalized)) return normalized;
  }
  return trimmed;
}

/** A calendar date when the time is midnight UTC (how YAML reads `2025-06-30`), else an instant. */
function isoDate(value: Date): string {
  if (Number.isNaN(value.getTime())) return String(value);
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
