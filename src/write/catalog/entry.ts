/**
 * What a catalogue lists: one entry per publication, formatted by the OPDS 2.0 writer (opds2.ts) and
 * the OPDS 1.2 writer (opds1.ts) alike, so the two feeds cannot list different books or links.
 *
 * Why the metadata record: an entry's bibliographic values are the `MetadataRecord` the EPUB's
 * package document was written from (read back by src/catalog/), formatted with the OPF's own date
 * functions, so the catalogue agrees with the OPF, the XMP and the JSON-LD field for field.
 * Links arrive resolved (relative to the feed, or absolute with `--base-url`): writers only format.
 */
import type { MetadataRecord } from '../metadata/record.js';

export interface CatalogLink {
  href: string;
  /** Media type. */
  type: string;
}

export interface CatalogImage extends CatalogLink {
  width: number;
  height: number;
}

/** A file to download: an edition (EPUB, PDF), with its exact size in bytes. */
export interface CatalogEdition extends CatalogLink {
  length: number;
}

/**
 * The EPUB's accessibility metadata (https://www.w3.org/TR/epub-a11y-11/#sec-discovery), as the
 * package document states it: values of the schema.org accessibility vocabulary.
 */
export interface CatalogAccessibility {
  accessMode: string[];
  /** One entry per sufficient set, comma-separated as in the OPF (`"textual,visual"`). */
  accessModeSufficient: string[];
  features: string[];
  hazards: string[];
  summary?: string;
  /** `dcterms:conformsTo` as written, e.g. `EPUB Accessibility 1.1 - WCAG 2.2 Level AA`. */
  conformsTo: string[];
  certifiedBy?: string;
}

export interface CatalogEntry {
  /** The record as the EPUB states it (its producer is not read back: no feed shows it). */
  record: Omit<MetadataRecord, 'producer'>;
  accessibility: CatalogAccessibility;
  /** The EPUB's `page-progression-direction`, when it sets one. */
  readingProgression?: 'ltr' | 'rtl';
  /** The editions, EPUB first. */
  editions: CatalogEdition[];
  /** The publication's JSON-LD record (`application/ld+json`). */
  jsonld: CatalogLink;
  /** The cover as the EPUB holds it, and its thumbnail (long side at most 512 px). */
  cover: CatalogImage;
  thumbnail: CatalogImage;
}

export interface CatalogFeed {
  /** An IRI that stays the same for this catalogue (Atom `id`). */
  id: string;
  title: string;
  /** Who publishes the catalogue (Atom `author`). */
  author: string;
  /** The latest modification of any entry (never the clock). */
  modified: Date;
  /** Where the feeds themselves are: `catalog.json`, `catalog.xml`. */
  json: string;
  xml: string;
  /** "broadsheet <version>", split for Atom's `generator`. */
  generator: { name: string; version: string };
  entries: CatalogEntry[];
}

/** OPDS 1.2 acquisition feed (https://specs.opds.io/opds-1.2#51-opds-catalog-feed-documents). */
export const OPDS_ATOM_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
/** OPDS 2.0 feed (https://drafts.opds.io/opds-2.0#overview). */
export const OPDS_JSON_TYPE = 'application/opds+json';
/** Generic acquisition: the file is downloaded as it is (https://specs.opds.io/opds-1.2#521-acquisition-relations). */
export const ACQUISITION = 'http://opds-spec.org/acquisition';

/**
 * Whether `value` is an absolute URI (a scheme, a colon, then no white space), as Atom's `id` and
 * OPDS 2.0's `identifier` require. A bare ISBN or DOI from `publication.yaml` is not.
 */
export function isAbsoluteUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value);
}

/** Relator codes with an element of their own in both feeds; everyone else is a `contributor`. */
export const NAMED_ROLES: Record<string, 'author' | 'editor' | 'translator' | 'illustrator' | 'narrator'> = {
  aut: 'author',
  edt: 'editor',
  trl: 'translator',
  ill: 'illustrator',
  nrt: 'narrator',
};
