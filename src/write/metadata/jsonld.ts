/**
 * The metadata record as schema.org JSON-LD (https://schema.org/Book), written next to the EPUB and
 * the PDF for digital libraries and search engines.
 *
 * Why from the record: every bibliographic value here is the record's own string, formatted the
 * way the OPF formats it (`opfDate`, `opfDateTime`), so the JSON-LD, the EPUB and the PDF cannot
 * disagree. Only what the record does not hold — the articles (`hasPart`), section names and author
 * links — comes from the publication.
 *
 * Keys are written in one fixed order and absent values are left out, so the same input always
 * serializes to the same bytes.
 */
import { createHash } from 'node:crypto';
import { parseDate } from '../../model/date.js';
import type { Author } from '../../model/meta.js';
import type { Article, Publication } from '../../model/publication.js';
import { opfDate, opfDateTime } from './opf.js';
import { relatorCode, type MetadataRecord } from './record.js';
import { compact, nonEmpty, type Json, type JsonObject } from './json-object.js';

/**
 * The accessibility metadata the EPUB writer derived from the content (the EPUB's `EpubAccessibility`
 * fits). Values are the schema.org vocabulary's: https://kb.daisy.org/publishing/docs/metadata/schema.org/
 */
export interface JsonLdAccessibility {
  accessMode: string[];
  /** One entry per sufficient set, comma-separated as in the OPF (`"textual,visual"`). */
  accessModeSufficient: string[];
  accessibilityFeature: string[];
  accessibilityHazard: string[];
  accessibilitySummary: string;
  /** `dcterms:conformsTo`, present only when the claim gate passed. */
  conformsTo?: string;
  /** `a11y:certifiedBy`, with the claim only. */
  certifiedBy?: string;
}

/**
 * A file of the build that encodes the publication (the EPUB, the PDF), described in the JSON-LD
 * as a `MediaObject` (https://schema.org/encoding) so a library can check the files it was given.
 */
export interface JsonLdEdition {
  /** File name, relative to the JSON-LD (they are written side by side). */
  name: string;
  /** Media type, e.g. `application/epub+zip`. */
  encodingFormat: string;
  data: Uint8Array;
}

/** schema.org, plus the two vocabularies EPUB Accessibility uses for the conformance claim. */
const CONTEXT: Json = [
  'https://schema.org',
  { dcterms: 'http://purl.org/dc/terms/', a11y: 'http://www.idpf.org/epub/vocab/package/a11y/#' },
];

/**
 * The schema.org record of `pub`: a `Book` whose parts (`hasPart`) are its articles, each a
 * `NewsArticle` when it names a newspaper section and an `Article` otherwise.
 *
 * Why `Book` also for a series: the model's series may be a book series as well as a periodical, and
 * `PublicationIssue` would assert the latter; the series is stated as `isPartOf` a
 * `CreativeWorkSeries`, with the position as `position`.
 */
export function jsonLd(pub: Publication, record: MetadataRecord, a11y: JsonLdAccessibility, editions: readonly JsonLdEdition[] = []): JsonObject {
  const links = authorLinks(pub);
  const byRole = (codes: string[]): Json[] | undefined =>
    nonEmpty(record.creators.filter((c) => codes.includes(c.role)).map((c) => person(c.name, links.get(c.name))));
  return compact({
    '@context': CONTEXT,
    '@type': 'Book',
    identifier: record.identifier,
    name: record.title,
    alternativeHeadline: record.subtitle,
    author: byRole(['aut']),
    editor: byRole(['edt']),
    translator: byRole(['trl']),
    illustrator: byRole(['ill']),
    contributor: byRole(record.creators.map((c) => c.role).filter((r) => !NAMED_ROLES.includes(r))),
    publisher: organization(record.publisher),
    datePublished: opfDate(record.published),
    dateModified: opfDateTime(record.modified),
    inLanguage: record.lang,
    description: record.description,
    keywords: nonEmpty(record.subjects),
    ...rights(record.rights),
    url: record.source,
    isPartOf: record.series ? compact({ '@type': 'CreativeWorkSeries', name: record.series.name }) : undefined,
    position: record.series?.position,
    hasPart: pub.articles.map((a, i) => articleLd(a, i + 1, record, links)),
    encoding: nonEmpty(editions.map(mediaObject)),
    accessMode: a11y.accessMode,
    // schema.org models each sufficient set as an ItemList of modes
    // (https://www.w3.org/2021/a11y-discov-vocab/latest/#accessModeSufficient).
    accessModeSufficient: a11y.accessModeSufficient.map((set) => ({
      '@type': 'ItemList',
      itemListElement: set.split(',').map((m) => m.trim()),
      description: set,
    })),
    accessibilityFeature: a11y.accessibilityFeature,
    accessibilityHazard: a11y.accessibilityHazard,
    accessibilitySummary: a11y.accessibilitySummary,
    'dcterms:conformsTo': a11y.conformsTo,
    'a11y:certifiedBy': a11y.conformsTo ? a11y.certifiedBy : undefined,
  });
}

/** Relator codes with a schema.org property of their own; the rest are `contributor`s. */
const NAMED_ROLES = ['aut', 'edt', 'trl', 'ill'];

function articleLd(article: Article, position: number, record: MetadataRecord, links: Map<string, string>): JsonObject {
  const meta = article.meta;
  const role = (code: string): Author[] => meta.authors.filter((a) => relatorCode(a.role) === code);
  const people = (authors: Author[]): Json[] | undefined => nonEmpty(authors.map((a) => person(a.name, a.url ?? links.get(a.name))));
  return compact({
    '@type': meta.section ? 'NewsArticle' : 'Article',
    position,
    headline: meta.title,
    alternativeHeadline: meta.subtitle,
    author: people(role('aut')),
    editor: people(role('edt')),
    translator: people(role('trl')),
    contributor: people(meta.authors.filter((a) => !NAMED_ROLES.includes(relatorCode(a.role)))),
    // As written: a calendar date stays a date (there is no dcterms:modified to match here).
    datePublished: date(meta.published),
    dateModified: date(meta.modified),
    // An article without its own publisher is published by the publication's.
    publisher: organization(meta.publisher ?? record.publisher),
    articleSection: meta.section,
    inLanguage: meta.lang,
    description: meta.description,
    keywords: nonEmpty(meta.tags),
    ...rights(meta.rights),
    url: meta.source,
  });
}

/** Author URLs by name, from wherever the publication gives one (the record keeps names only). */
function authorLinks(pub: Publication): Map<string, string> {
  const links = new Map<string, string>();
  for (const a of [...pub.meta.authors, ...pub.articles.flatMap((x) => x.meta.authors)]) {
    if (a.url && !links.has(a.name)) links.set(a.name, a.url);
  }
  return links;
}

/**
 * An edition as a `MediaObject`: `contentSize` is the exact size in bytes (digits only), `sha256`
 * the hex digest (https://schema.org/sha256), so a JSON-LD reader can verify the file it holds.
 */
function mediaObject(edition: JsonLdEdition): JsonObject {
  return {
    '@type': 'MediaObject',
    name: edition.name,
    contentUrl: edition.name,
    encodingFormat: edition.encodingFormat,
    contentSize: String(edition.data.length),
    sha256: createHash('sha256').update(edition.data).digest('hex'),
  };
}

function person(name: string, url: string | undefined): JsonObject {
  return compact({ '@type': 'Person', name, url });
}

function organization(name: string | undefined): JsonObject | undefined {
  return name === undefined ? undefined : { '@type': 'Organization', name };
}

/**
 * A rights statement that is a URL names a licence (`license`); anything else is a notice to show
 * (`copyrightNotice`, https://schema.org/copyrightNotice).
 */
function rights(value: string | undefined): { license?: string; copyrightNotice?: string } {
  if (value === undefined) return {};
  return /^https?:\/\/\S+$/.test(value.trim()) ? { license: value } : { copyrightNotice: value };
}

/** A model date string in the OPF's `dc:date` form; impossible dates were rejected by the schema already. */
function date(value: string | undefined): string | undefined {
  const parsed = value === undefined ? undefined : parseDate(value);
  return parsed && opfDate(parsed);
}
