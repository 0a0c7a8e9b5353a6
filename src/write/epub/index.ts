/**
 * The EPUB writer: an accessible EPUB 3 (EPUB 3.3, EPUB Accessibility 1.1, WCAG 2.2 AA) from the
 * validated model, packaged by epub-gen-memory (package.ts). Deterministic: the same input gives
 * the same bytes; no network access.
 *
 * Spine: cover → title page → contents (the navigation document) → one document per article → colophon.
 */
import { walkArticle } from '../../model/walk.js';
import type { WriterInput } from '../input.js';
import type { PageMap } from '../page-map.js';
import { accessibilityMetadataXml, epubAccessibility, reportClaim, type EpubAccessibility } from './a11y.js';
import { STYLESHEET } from './css.js';
import { labelsFor } from './labels.js';
import { navDocument } from './nav.js';
import { ncxDocument } from './ncx.js';
import { packageDocument, type ManifestItem } from './package-document.js';
import { packageEpub } from './package.js';
import { placePageBreaks } from './page-breaks.js';
import { articleDocument } from './pages/article.js';
import { colophonDocument } from './pages/colophon.js';
import { coverDocument } from './pages/cover.js';
import { titlePageDocument } from './pages/title-page.js';
import { FRONT_AND_BACK, planPublication } from './plan.js';
import { tocTree } from './toc-tree.js';
import { directionOf } from './xhtml/language.js';

export { epubAccessibility, CONFORMANCE, type EpubAccessibility } from './a11y.js';
export type { ClaimFailure, ClaimCheck } from './claim-gate.js';

const XHTML = 'application/xhtml+xml';

/**
 * Writes the EPUB. With a `pageMap` (the PDF edition's page starts) the book also gets page-break
 * markers, a `page-list` and `pageBreakSource`; without one, none of these.
 *
 * Reports to `input.diagnostics`: a warning (an error with `options.strict`) for each reason the
 * accessibility conformance claim is withheld, and warnings for links, notes or page breaks that
 * point nowhere.
 */
export async function writeEpub(input: WriterInput, pageMap?: PageMap): Promise<Uint8Array> {
  const { publication: pub, metadata: record, images, diagnostics, cover } = input;
  const placed = pageMap ? placePageBreaks(pub, pageMap, diagnostics) : undefined;
  const plan = planPublication(pub, placed);
  const a11y: EpubAccessibility = epubAccessibility(input, placed && placed.inOrder.length > 0 ? pageMap : undefined);
  reportClaim(input, a11y);
  const labels = labelsFor(record.lang);
  const dir = directionOf(record.lang, pub.meta.dir);

  const articles = plan.articles.map((a) => articleDocument({ plan: a, publication: plan, images, diagnostics }));
  const pages = (placed?.inOrder ?? []).map(({ article, marker }) => ({ file: plan.articles[article]?.file ?? '', marker }));
  const toc = tocTree(record, plan, images, diagnostics);
  const first = plan.articles[0];
  if (!first) throw new Error('a publication needs at least one article');

  const coverExt = cover.screen.mediaType === 'image/png' ? 'png' : 'jpg';
  const coverPath = `images/cover.${coverExt}`;
  const documents = [
    { fileName: FRONT_AND_BACK.cover, title: labels.cover, xhtml: coverDocument({ lang: record.lang, dir, labels, title: record.title, src: coverPath, alt: cover.alt, width: cover.screen.width, height: cover.screen.height }) },
    { fileName: FRONT_AND_BACK.titlePage, title: record.title, xhtml: titlePageDocument(record, labels, dir) },
    ...plan.articles.map((a, i) => ({ fileName: a.file, title: a.article.meta.title, xhtml: articles[i] as string })),
    { fileName: FRONT_AND_BACK.colophon, title: labels.colophon, xhtml: colophonDocument({ record, dir, labels, summary: a11y.accessibilitySummary, summaryLang: a11y.summaryLang }) },
  ];
  // Only images a figure shows: an unused one would be an orphan in the manifest (EPUBCheck OPF-097).
  const shown = new Set<string>();
  for (const article of pub.articles) walkArticle(article, (b) => b.type === 'figure' && shown.add(b.image.src));
  const usedImages = [...new Map([...images].filter(([key]) => shown.has(key)).map(([, img]) => [img.fileName, img] as const)).values()]
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  const doc = (fileName: string): ManifestItem => ({ id: `doc-${fileName.replace(/\.xhtml$/, '')}`, href: fileName, mediaType: XHTML, spine: true });
  const items: ManifestItem[] = [
    doc(FRONT_AND_BACK.cover),
    doc(FRONT_AND_BACK.titlePage),
    { id: 'nav', href: FRONT_AND_BACK.nav, mediaType: XHTML, properties: 'nav', spine: true },
    ...plan.articles.map((a) => doc(a.file)),
    doc(FRONT_AND_BACK.colophon),
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: 'cover-image', href: coverPath, mediaType: cover.screen.mediaType, properties: 'cover-image' },
    ...usedImages.map((img) => ({ id: img.id, href: img.fileName, mediaType: img.mediaType })),
  ];
  return packageEpub({
    title: record.title,
    lang: record.lang,
    description: record.description,
    documents,
    packageDocument: packageDocument(record, accessibilityMetadataXml(a11y, record.lang), items, 'cover-image', dir),
    navDocument: navDocument({ record, dir, toc, first, pages }),
    ncx: ncxDocument(record, toc, pages),
    css: STYLESHEET,
    files: [{ path: coverPath, data: cover.screen.data }, ...usedImages.map((img) => ({ path: img.fileName, data: img.data }))],
    date: record.modified,
  });
}
