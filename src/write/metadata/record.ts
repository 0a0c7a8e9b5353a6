/**
 * The one metadata record of a build. Every place that writes metadata (OPF, PDF Info, XMP,
 * JSON-LD) formats this record and nothing else, so the EPUB and the PDF cannot disagree.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Publication } from '../../model/publication.js';
import { parseDate } from '../../model/date.js';

export interface Creator {
  name: string;
  /** MARC relator code (https://www.loc.gov/marc/relators/relaterm.html), e.g. `aut`, `edt`. */
  role: string;
  /** Sort form, e.g. "Doe, Jane". */
  fileAs: string;
}

export interface MetadataRecord {
  /** `urn:isbn:…`, `urn:uuid:…`, a DOI or a URL. */
  identifier: string;
  title: string;
  subtitle?: string;
  creators: Creator[];
  publisher?: string;
  /** Publication date, from the content (or SOURCE_DATE_EPOCH). */
  published: Date;
  /** Last modification, from the content (or SOURCE_DATE_EPOCH); never before `published`. */
  modified: Date;
  /** BCP 47 tag of the publication. */
  lang: string;
  description: string;
  subjects: string[];
  rights?: string;
  /** Canonical URL of the original. */
  source?: string;
  series?: { name: string; position?: number };
  /** "broadsheet <version>". */
  producer: string;
}

/** RFC 4122 namespace for broadsheet's derived identifiers (a fixed random UUID). */
const NAMESPACE = '1b7a9c63-44d0-4d8e-9a51-6f0c2b8e1d20';

const ROLE_CODES: Record<string, string> = {
  author: 'aut', writer: 'aut', editor: 'edt', photographer: 'pht', illustrator: 'ill',
  translator: 'trl', contributor: 'ctb', reporter: 'aut', correspondent: 'aut', compiler: 'com',
  narrator: 'nrt', designer: 'dsr', publisher: 'pbl',
};

/** MARC relator code for a role name or code; unknown roles become contributors. */
export function relatorCode(role: string | undefined): string {
  if (!role) return 'aut';
  const key = role.trim().toLowerCase();
  if (/^[a-z]{3}$/.test(key) && !ROLE_CODES[key]) return key;
  return ROLE_CODES[key] ?? 'ctb';
}

/** "Jane Q. Doe" → "Doe, Jane Q."; names with one word or an explicit comma stay as given. */
export function fileAs(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (name.includes(',') || parts.length < 2) return name.trim();
  const last = parts.pop() as string;
  return `${last}, ${parts.join(' ')}`;
}

export interface RecordOptions {
  /** Seconds since the epoch (the SOURCE_DATE_EPOCH convention); overrides content dates. */
  sourceDateEpoch?: number;
  /** broadsheet's version, for Producer. */
  version: string;
}

/**
 * Derives the record. Publication-level values win; a one-article publication inherits what its
 * article says. Dates never come from the clock: without any date the epoch of SOURCE_DATE_EPOCH
 * or, failing that, 1970-01-01 is used, so two builds of the same input stay identical.
 */
export function metadataRecord(pub: Publication, options: RecordOptions): MetadataRecord {
  const meta = pub.meta;
  const first = pub.articles[0].meta;
  const single = pub.articles.length === 1;
  const authors = meta.authors.length > 0 ? meta.authors : single ? first.authors : uniqueAuthors(pub);
  const epoch = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : undefined;
  const contentDates = pub.articles.flatMap((a) => [a.meta.published, a.meta.modified]).filter((d): d is string => !!d);
  const published =
    epoch ?? date(meta.published) ?? latest(pub.articles.map((a) => a.meta.published)) ?? new Date(0);
  const modified =
    epoch ?? date(meta.modified) ?? latest([meta.published, ...contentDates]) ?? published;
  const identifier = meta.identifier ?? `urn:uuid:${uuidv5(meta.source ?? (single ? first.source : undefined) ?? meta.title, NAMESPACE)}`;
  return {
    identifier,
    title: meta.title,
    subtitle: meta.subtitle ?? (single ? first.subtitle : undefined),
    creators: authors.map((a) => ({ name: a.name, role: relatorCode(a.role), fileAs: a.fileAs ?? fileAs(a.name) })),
    publisher: meta.publisher ?? (single ? first.publisher : undefined),
    published,
    modified: modified.getTime() < published.getTime() ? published : modified,
    lang: meta.lang,
    description: meta.description ?? (single ? first.description : undefined) ?? meta.subtitle ?? first.subtitle ?? meta.title,
    subjects: unique([...meta.tags, ...pub.articles.flatMap((a) => a.meta.tags)]),
    rights: meta.rights ?? (single ? first.rights : undefined),
    source: meta.source ?? (single ? first.source : undefined),
    series: meta.series,
    producer: `broadsheet ${options.version}`,
  };
}

function date(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : parseDate(value);
}

function latest(values: (string | undefined)[]): Date | undefined {
  const dates = values.map(date).filter((d): d is Date => d !== undefined);
  return dates.length === 0 ? undefined : new Date(Math.max(...dates.map((d) => d.getTime())));
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

function uniqueAuthors(pub: Publication): Publication['meta']['authors'] {
  const seen = new Set<string>();
  return pub.articles.flatMap((a) => a.meta.authors).filter((a) => !seen.has(a.name) && !!seen.add(a.name));
}
