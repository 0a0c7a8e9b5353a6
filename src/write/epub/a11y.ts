/**
 * Accessibility metadata derived from what the book really contains (EPUB Accessibility 1.1,
 * https://www.w3.org/TR/epub-a11y-11/#sec-discovery; the values are schema.org's, explained at
 * https://kb.daisy.org/publishing/docs/metadata/schema.org/). Nothing here is a default: each feature
 * is listed because the writer produced it, and the conformance claim only when the claim gate passes.
 */
import type { Publication } from '../../model/publication.js';
import { walkArticle } from '../../model/walk.js';
import type { ImageStore } from '../../images/image.js';
import type { WriterInput } from '../input.js';
import type { PageMap } from '../page-map.js';
import { claimFailures, type ClaimFailure } from './claim-gate.js';
import { primaryLanguage } from './labels.js';
import { escapeXml, el } from '../xml.js';

/** The one conformance statement broadsheet makes (EPUB Accessibility 1.1 §2.1). */
export const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

export interface EpubAccessibility {
  /** https://kb.daisy.org/publishing/docs/metadata/schema.org/accessMode.html */
  accessMode: ('textual' | 'visual')[];
  /** Each entry is one sufficient set, comma-separated: https://kb.daisy.org/publishing/docs/metadata/schema.org/accessModeSufficient.html */
  accessModeSufficient: string[];
  /** https://kb.daisy.org/publishing/docs/metadata/schema.org/accessibilityFeature.html */
  accessibilityFeature: string[];
  /** https://kb.daisy.org/publishing/docs/metadata/schema.org/accessibilityHazard.html */
  accessibilityHazard: string[];
  /** Plain-language summary (English; `summaryLang`). */
  accessibilitySummary: string;
  summaryLang: string;
  /** `dcterms:conformsTo`, only when the claim gate passed. */
  conformsTo?: string;
  /** `a11y:certifiedBy`: who checked (broadsheet's automated checks), with the claim only. */
  certifiedBy?: string;
  /** `pageBreakSource` (https://www.w3.org/publishing/a11y/page-source-id/, EPUBCheck 5 accepts it unprefixed): the print edition the page list follows. */
  pageBreakSource?: string;
  /** Why the claim was withheld (empty when it is made). */
  failures: ClaimFailure[];
}

/** What the content holds, as far as the metadata is concerned. */
interface ContentFacts {
  /** Figures with a text alternative (or none at all: they still carry information). */
  informativeImages: number;
  decorativeImages: number;
  imagesWithoutAlt: number;
  animatedImages: number;
  tables: number;
  notes: number;
  pages: number;
}

function contentFacts(pub: Publication, images: ImageStore, pageMap: PageMap | undefined): ContentFacts {
  const facts: ContentFacts = { informativeImages: 0, decorativeImages: 0, imagesWithoutAlt: 0, animatedImages: 0, tables: 0, notes: 0, pages: pageMap?.pages.length ?? 0 };
  for (const article of pub.articles) {
    facts.notes += article.notes.length;
    walkArticle(article, (block) => {
      if (block.type === 'table') facts.tables++;
      if (block.type !== 'figure') return;
      const alt = block.image.alt;
      if (alt === '') facts.decorativeImages++;
      else facts.informativeImages++;
      if (alt === undefined || (alt !== '' && alt.trim() === '')) facts.imagesWithoutAlt++;
      const image = images.get(block.image.src);
      if (image?.animated) facts.animatedImages++;
    });
  }
  return facts;
}

/**
 * The accessibility metadata of the EPUB that `writeEpub(input, pageMap)` writes. Pure: the
 * warnings for a withheld claim are written by {@link reportClaim}.
 */
export function epubAccessibility(input: WriterInput, pageMap?: PageMap): EpubAccessibility {
  const { publication: pub, images, cover, metadata } = input;
  const facts = contentFacts(pub, images, pageMap);
  const failures = claimFailures(pub, images, cover);
  const visual = facts.informativeImages > 0;
  const allDescribed = facts.imagesWithoutAlt === 0;
  const pages = facts.pages > 0;
  const features = [
    // The writer always produces these (nav.ts, the article documents, css.ts).
    'ARIA', 'displayTransformability', 'readingOrder', 'structuralNavigation', 'tableOfContents',
    ...(visual && allDescribed ? ['alternativeText'] : []),
    ...(pages ? ['pageBreakMarkers', 'pageNavigation', 'printPageNumbers'] : []),
  ].sort();
  const claim = failures.length === 0;
  return {
    accessMode: visual ? ['textual', 'visual'] : ['textual'],
    accessModeSufficient: visual ? (allDescribed ? ['textual', 'textual,visual'] : ['textual,visual']) : ['textual'],
    accessibilityFeature: features,
    accessibilityHazard: facts.animatedImages > 0 ? ['unknown'] : ['none'],
    accessibilitySummary: summary(facts, failures, pageMap),
    summaryLang: 'en',
    ...(claim ? { conformsTo: CONFORMANCE, certifiedBy: `${metadata.producer} automated checks` } : {}),
    ...(pages && pageMap ? { pageBreakSource: pageMap.source } : {}),
    failures,
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the reader gets, in plain words (https://kb.daisy.org/publishing/docs/metadata/evaluation.html#summary). */
function summary(facts: ContentFacts, failures: ClaimFailure[], pageMap: PageMap | undefined): string {
  const parts: string[] = [];
  if (failures.length === 0) {
    parts.push('This publication meets EPUB Accessibility 1.1 at WCAG 2.2 Level AA, as checked when it was built.');
  } else {
    const checks = [...new Set(failures.map((f) => CHECK_WORDS[f.check]))];
    parts.push(`This publication does not claim EPUB Accessibility conformance, because ${checks.join(' and ')}.`);
  }
  parts.push(
    `It has a table of contents, a title and headings for every article and section, and text in reading order that can be resized and restyled${facts.notes > 0 ? '; notes are linked from the text and back' : ''}.`,
  );
  // The cover always has its own text description (the cover page's alt), so it is not counted here.
  if (facts.informativeImages + facts.decorativeImages === 0) parts.push('Apart from the cover, which has a text description, it has no images.');
  else {
    const described = facts.informativeImages - facts.imagesWithoutAlt;
    const bits = [];
    if (facts.informativeImages > 0) {
      const n = facts.informativeImages;
      if (facts.imagesWithoutAlt === 0) bits.push(n === 1 ? 'The image has a text description' : `All ${n} images have text descriptions`);
      else bits.push(`${described} of ${n} ${n === 1 ? 'image has a text description' : 'images have text descriptions'}`);
    }
    if (facts.decorativeImages > 0) bits.push(`${plural(facts.decorativeImages, 'decorative image is', 'decorative images are')} hidden from screen readers`);
    parts.push(`${bits.join('; ')}.`);
  }
  if (facts.tables > 0) parts.push(`${facts.tables === 1 ? 'The table has' : 'Tables have'} a caption and marked header cells.`);
  if (pageMap && facts.pages > 0) parts.push(`The page numbers of the print edition (${pageMap.source}) are marked in the text and listed for navigation.`);
  parts.push(facts.animatedImages > 0 ? 'It contains animated images, which may flash or move.' : 'It has no flashing, motion or sound hazards.');
  return parts.join(' ');
}

const CHECK_WORDS: Record<ClaimFailure['check'], string> = {
  'alt-text': 'some images have no text description',
  language: 'some language tags are invalid',
  'heading-order': 'some headings skip a level',
  'table-headers': 'some tables have no header cells',
};

/** The `<meta>` elements of the package document for `a11y`. `lang` is the package's language. */
export function accessibilityMetadataXml(a11y: EpubAccessibility, lang: string): string {
  const meta = (property: string, value: string, extra: Record<string, string | undefined> = {}): string =>
    el('meta', { property, ...extra }, escapeXml(value));
  const lines = [
    ...a11y.accessMode.map((v) => meta('schema:accessMode', v)),
    ...a11y.accessModeSufficient.map((v) => meta('schema:accessModeSufficient', v)),
    ...a11y.accessibilityFeature.map((v) => meta('schema:accessibilityFeature', v)),
    ...a11y.accessibilityHazard.map((v) => meta('schema:accessibilityHazard', v)),
    meta('schema:accessibilitySummary', a11y.accessibilitySummary, {
      'xml:lang': primaryLanguage(lang) === primaryLanguage(a11y.summaryLang) ? undefined : a11y.summaryLang,
    }),
  ];
  if (a11y.conformsTo) {
    lines.push(meta('dcterms:conformsTo', a11y.conformsTo, { id: 'conformance' }));
    if (a11y.certifiedBy) lines.push(meta('a11y:certifiedBy', a11y.certifiedBy, { refines: '#conformance' }));
  }
  if (a11y.pageBreakSource) lines.push(meta('pageBreakSource', a11y.pageBreakSource));
  return lines.map((l) => `    ${l}`).join('\n');
}

/**
 * Tells the author why the claim was withheld: a warning per failure, or an error with
 * `options.strict` (the build then stops at its next checkpoint).
 */
export function reportClaim(input: WriterInput, a11y: EpubAccessibility): void {
  for (const f of a11y.failures) {
    const d = {
      code: `epub.a11y.${f.check}`,
      file: f.file,
      message: `${f.message}; the EPUB does not claim “${CONFORMANCE}”`,
      fix: f.fix,
    };
    if (input.options.strict) input.diagnostics.error(d);
    else input.diagnostics.warn(d);
  }
}
