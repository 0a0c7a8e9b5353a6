/**
 * The catalogue as an OPDS 2.0 feed (`catalog.json`, https://drafts.opds.io/opds-2.0): feed
 * metadata, then one OPDS Publication per entry with Readium Web Publication Manifest metadata
 * (https://readium.org/webpub-manifest/), acquisition links to the EPUB and the PDF, the JSON-LD
 * record (`describedby`) and the cover and its thumbnail (`images`).
 *
 * Keys are written in one fixed order and absent values left out, so the same entries always give
 * the same bytes.
 */
import { opfDate, opfDateTime } from '../metadata/opf.js';
import type { Creator } from '../metadata/record.js';
import {
  ACQUISITION,
  isAbsoluteUri,
  NAMED_ROLES,
  OPDS_ATOM_TYPE,
  OPDS_JSON_TYPE,
  type CatalogAccessibility,
  type CatalogEntry,
  type CatalogFeed,
  type CatalogImage,
} from './entry.js';
import { compact, nonEmpty, type Json, type JsonObject } from '../metadata/json-object.js';

export function opdsJson(feed: CatalogFeed): string {
  const doc = compact({
    metadata: compact({ title: feed.title, modified: opfDateTime(feed.modified), numberOfItems: feed.entries.length }),
    links: [
      { rel: 'self', href: feed.json, type: OPDS_JSON_TYPE },
      { rel: 'alternate', href: feed.xml, type: OPDS_ATOM_TYPE },
    ],
    publications: feed.entries.map(publication),
  });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function publication(entry: CatalogEntry): JsonObject {
  const r = entry.record;
  const people = (role: string): Json[] | undefined => nonEmpty(r.creators.filter((c) => c.role === role).map((c) => person(c)));
  const others = r.creators.filter((c) => !(c.role in NAMED_ROLES));
  return {
    metadata: compact({
      '@type': 'http://schema.org/Book',
      // A bare ISBN or DOI is not the URI this field must be; the JSON-LD record still carries it.
      identifier: isAbsoluteUri(r.identifier) ? r.identifier : undefined,
      title: r.title,
      subtitle: r.subtitle,
      author: people('aut'),
      translator: people('trl'),
      editor: people('edt'),
      illustrator: people('ill'),
      narrator: people('nrt'),
      contributor: nonEmpty(others.map((c) => ({ ...person(c), role: c.role }))),
      publisher: r.publisher,
      published: opfDate(r.published),
      modified: opfDateTime(r.modified),
      language: r.lang,
      description: r.description,
      subject: nonEmpty(r.subjects),
      readingProgression: entry.readingProgression,
      belongsTo: r.series ? { series: compact({ name: r.series.name, position: r.series.position }) } : undefined,
      accessibility: accessibility(entry.accessibility),
    }),
    links: [
      ...entry.editions.map((e) => ({ rel: ACQUISITION, href: e.href, type: e.type })),
      { rel: 'describedby', href: entry.jsonld.href, type: entry.jsonld.type },
    ],
    images: [image(entry.cover), image(entry.thumbnail)],
  };
}

function person(c: Creator): JsonObject {
  return c.fileAs === c.name ? { name: c.name } : { name: c.name, sortAs: c.fileAs };
}

function image(i: CatalogImage): JsonObject {
  return { href: i.href, type: i.type, width: i.width, height: i.height };
}

/**
 * The Readium accessibility object (https://readium.org/webpub-manifest/schema/a11y.schema.json).
 * Its `feature` list is a closed vocabulary that predates some schema.org terms the EPUB states
 * (`pageBreakMarkers`, `pageNavigation`); those stay in the JSON-LD record (`describedby`) and out
 * of here. Its profile of EPUB Accessibility 1.1 is a URI: the EPUB's conformance string maps to it
 * (https://www.w3.org/TR/epub-a11y-11/#sec-conf-reporting).
 */
function accessibility(a: CatalogAccessibility): JsonObject | undefined {
  const object = compact({
    conformsTo: nonEmpty(a.conformsTo.map(profileUri).filter((u): u is string => u !== undefined)),
    certification: a.certifiedBy && a.conformsTo.length > 0 ? { certifiedBy: a.certifiedBy } : undefined,
    summary: a.summary,
    accessMode: nonEmpty(a.accessMode),
    accessModeSufficient: nonEmpty(a.accessModeSufficient.map((set) => {
      const modes = set.split(',').map((m) => m.trim()).filter(Boolean);
      return modes.length === 1 ? modes[0]! : modes;
    })),
    feature: nonEmpty(a.features.filter((f) => READIUM_FEATURES.has(f))),
    hazard: nonEmpty(a.hazards),
  });
  return Object.keys(object).length > 0 ? object : undefined;
}

/** `EPUB Accessibility 1.1 - WCAG 2.2 Level AA` → `https://www.w3.org/TR/epub-a11y-11#wcag-2.2-aa`. */
function profileUri(claim: string): string | undefined {
  const m = /^EPUB Accessibility 1\.1 - WCAG (2\.[0-2]) Level (A{1,3})$/.exec(claim.trim());
  if (m) return `https://www.w3.org/TR/epub-a11y-11#wcag-${m[1]}-${m[2]!.toLowerCase()}`;
  return isAbsoluteUri(claim) ? claim : undefined;
}

/** The `feature` values the Readium accessibility object defines. */
const READIUM_FEATURES: ReadonlySet<string> = new Set([
  'annotations', 'ARIA', 'bookmarks', 'index', 'printPageNumbers', 'readingOrder', 'structuralNavigation',
  'tableOfContents', 'taggedPDF', 'alternativeText', 'audioDescription', 'captions', 'describedMath',
  'longDescription', 'rubyAnnotations', 'signLanguage', 'transcript', 'displayTransformability',
  'synchronizedAudioText', 'timingControl', 'unlocked', 'ChemML', 'latex', 'MathML', 'ttsMarkup',
  'highContrastAudio', 'highContrastDisplay', 'largePrint', 'braille', 'tactileGraphic', 'tactileObject', 'none',
]);
