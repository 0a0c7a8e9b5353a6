/**
 * The PDF writer: a tagged PDF/UA-1 file, identified as PDF/A-2u, print-ready (trim and bleed
 * boxes, mirrored margins, running heads and folios), with the page map the EPUB writer uses.
 *
 * Pipeline, per article (draw-job.ts, on any thread): model → flow units (layout/, pure) → pages
 * (layout/paginate.ts, pure) → content streams and what they leave for the document
 * (drawn-article.ts, draw.ts, page-content.ts). Then, in order, in this thread: each article's
 * pages placed after the ones before (draw.ts on document.ts, which drives pdfkit), with their
 * running heads and folios, the front matter, the structure tree (tag/).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../model/publication.js';
import { BuildThreads } from '../../parallel/build-threads.js';
import { PublicationAnchors, type AnchorNode } from '../../model/anchors.js';
import type { WriterInput } from '../input.js';
import { pdfInfo } from '../metadata/info.js';
import { xmpPacket } from '../metadata/xmp.js';
import type { PageMap } from '../page-map.js';
import { PdfSurface, type Attachment } from './document.js';
import { drawPage, placeBodyPage } from './draw.js';
import type { DrawnArticle } from './drawn-article.js';
import { drawingFor, type DrawSpec } from './draw-job.js';
import { PageContent } from './page-content.js';
import { RunEncoder } from './text/run-encoder.js';
import { fontMeasurer, textWidth } from './font-metrics.js';
import { codePointLabel, drawableText } from './glyph-coverage.js';
import { noteNames, type ArticleNames } from './layout/article.js';
import { articleJob } from './layout/article-job.js';
import type { FlowContext } from './layout/blocks.js';
import { baselineIn, shiftItem } from './layout/flow.js';
import { COVER_IMAGE, coverPage, titlePage, tocUnits, type TocEntry } from './layout/front-matter.js';
import type { LaidOutPage, OutlineEntry, PageItem } from './layout/page-items.js';
import { paginate, type BodyPage } from './layout/paginate.js';
import { isRecto, pageGeometry, pressOrigin, textArea, type PageGeometry } from './page-geometry.js';
import { adoptTree, documentNode } from './tag/struct-node.js';
import { writeStructureTree, type ParentTreeRecord } from './tag/structure-tree.js';
import { memoizeMeasurer } from './typeset/measure.js';
import { grayImage } from './press/grayscale.js';
import { printerMarks } from './press/marks.js';
import { offsetBoxes } from './press/offset-structure.js';
import { DEFAULT_PRESS, type PressOptions } from './press/options.js';
import { pressItems } from './press/pages.js';
import { blankPagesFor } from './press/signature.js';
import { preflight, preflightItem, type LowResolutionImage, type PreflightReport } from './press/preflight.js';

export interface PdfResult {
  bytes: Uint8Array;
  pageMap: PageMap;
  /** Pages in the PDF, front matter included (the press edition's blank pages too). */
  pageCount: number;
  /** What a print shop's checker would flag on these pages (press/preflight.ts). */
  preflight: PreflightReport;
}

/** The sRGB profile embedded as the PDF/A OutputIntent (assets/icc/README.md). */
const ICC_PROFILE = fileURLToPath(new URL('../../../assets/icc/sRGB_IEC61966-2-1.icc', import.meta.url));

/** The heading of the table of contents, by language. */
function contentsTitle(lang: string): string {
  const titles: Record<string, string> = { de: 'Inhalt', fr: 'Sommaire', es: 'Índice', it: 'Indice', pt: 'Sumário', nl: 'Inhoud' };
  return titles[lang.toLowerCase().split('-')[0] ?? ''] ?? 'Contents';
}

/** Lower-case roman numerals for the front matter's folios. */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

export interface PdfServices {
  /** Sets the articles (default: in this thread, no cache). */
  threads?: BuildThreads;
  /**
   * The press edition of the same layout (press/): bleed and printer's marks on a grown MediaBox,
   * no links, destinations or bookmarks, blank pages to the signature, optionally grey.
   */
  press?: PressOptions;
}

/**
 * Writes the PDF. Deterministic: the same input gives the same bytes (dates from the metadata
 * record, the file ID from the identifier), however `threads` sets the articles (in this
 * thread, on workers, from the layout cache). Warnings (missing glyphs) go to `input.diagnostics`;
 * print problems (low-resolution images, small text) to the preflight report.
 */
export async function writePdf(input: WriterInput, attachments: readonly Attachment[] = [], services: PdfServices = {}): Promise<PdfResult> {
  const threads = services.threads ?? new BuildThreads(1);
  const press = services.press;
  const { publication: pub, metadata, progress } = input;
  progress?.({ type: 'phase', phase: 'layout' });
  const g = press ? pageGeometry(input.options.pageSize, true, press.bleed) : pageGeometry(input.options.pageSize, input.options.bleed);
  const measurer = memoizeMeasurer(fontMeasurer);
  const root = documentNode(metadata.lang);
  const area = textArea(g, 0);

  // Names of every article, anchor and note, so links can be resolved before anything is drawn.
  const names: ArticleNames[] = pub.articles.map((article, i) => ({ dest: `article-${i + 1}`, notes: noteNames(article, i) }));
  const targets = new PublicationAnchors(pub.articles);
  const anchorDest = (article: number, node: AnchorNode): string | undefined => {
    if (!('type' in node)) return names[article]?.notes.get(node.id)?.dest;
    const name = targets.nameOf(node);
    return name === undefined ? undefined : `a${article + 1}-${name}`;
  };

  // The front matter is set in this thread, with article 1's names (its links lead nowhere else).
  const frontCtx: FlowContext = {
    article: 0,
    measurer,
    fontSize: g.fontSize,
    leading: g.leading,
    areaHeight: area.height,
    images: input.images,
    anchor: () => undefined,
    inline: {
      resolveHref: () => undefined,
      note: (id: string) => names[0]?.notes.get(id),
      missing: () => undefined,
    },
    lowResolution: () => undefined,
  };

  // Front matter first in the structure (it is drawn first), then the articles.
  const coverItems = coverPage(input.cover, g, root);
  const titleItems = titlePage(metadata, g, root, frontCtx);
  const tocTitle = contentsTitle(metadata.lang);
  const entries: TocEntry[] = pub.articles.map((a, i) => ({ title: a.meta.title, authors: a.meta.authors.map((x) => x.name).join(', '), lang: a.meta.lang, dest: names[i]!.dest }));
  // Set now, numbered once the body is drawn: the numbers do not move the lines (front-matter.ts).
  const contents = tocUnits(entries, root, frontCtx, area.width, tocTitle, metadata.lang, measurer);
  const front = 2 + paginate(contents.units, g, 2).pages.length;
  const firstBody = front % 2 === 0 ? front : front + 1;

  const marks = press ? printerMarks(g.trimWidth, g.trimHeight, g.bleed, press.marks) : undefined;
  const surface = new PdfSurface({
    geometry: g,
    info: pdfInfo(metadata),
    // Associated files are what PDF/A-3 adds to PDF/A-2 (ISO 19005-3 §6.8). The press edition
    // claims no PDF/UA: it drops the link annotations and bookmarks PDF/UA-1 asks for (§7.18.5).
    xmp: xmpPacket(metadata, { pdfa: { part: attachments.length > 0 ? 3 : 2, conformance: 'U' }, ...(press ? {} : { pdfua: 1 as const }), associatedFiles: attachments.map((a) => `${a.name} (${a.mediaType}; ${a.relationship})`) }),
    lang: metadata.lang,
    fileId: createHash('md5').update(metadata.identifier).digest(),
    iccProfile: new Uint8Array(await readFile(ICC_PROFILE)),
    attachments,
    ...(press && marks ? { press: { marks, grayscale: press.grayscale, bindingBleed: press.bindingBleed } } : {}),
  });
  // Full resolution always; in grey for a grey press edition.
  const bitmap = (data: Uint8Array, mediaType: 'image/jpeg' | 'image/png'): Promise<Uint8Array> | Uint8Array => (press?.grayscale ? grayImage(data, mediaType) : data);
  if (press?.coverPage !== false) {
    // The cover as already split when it comes so (generated art, the cover cache's): its PNG is
    // then not read, and a generated one not even encoded. A grey press edition greys the PNG.
    const split = press?.grayscale ? undefined : input.cover.print.split;
    if (split) surface.registerSplit(COVER_IMAGE, split);
    else await surface.registerImage(COVER_IMAGE, await bitmap(input.cover.print.data, input.cover.print.mediaType));
  }
  for (const id of [...input.images.keys()].sort()) {
    const print = input.images.get(id)!.print;
    if (print.kind === 'bitmap') await surface.registerImage(id, await bitmap(print.data, print.mediaType));
    else await surface.registerSvg(id, print.svg);
  }

  // The articles, in order: each laid out on its own (on a worker, or found in the layout cache),
  // paginated and drawn from the page after the one before (drawn-article.ts), or found drawn in
  // the draw cache. The press edition draws them without links and destinations.
  const resolve = (from: number) => (id: string): string | undefined => {
    const target = targets.resolve(id, from);
    if (!target) return undefined;
    return target.node ? anchorDest(target.article, target.node) : names[target.article]?.dest;
  };
  const jobs = pub.articles.map((a, i) =>
    articleJob(a, i, { documentLang: metadata.lang, fontSize: g.fontSize, leading: g.leading, width: area.width, areaHeight: area.height, images: input.images, resolve: resolve(i) }));
  const drawCache = press ? undefined : threads.drawCache;
  const drawKeys = drawCache ? jobs.map((job) => drawCache.keys(job, g)) : [];
  const drawKey = (i: number, side?: 0 | 1): string => (side === undefined ? drawKeys[i]!.either : drawKeys[i]!.sides[side]);
  // Whether the cache has each article drawn for either side, or for both.
  const stored = jobs.map((_, i) => drawCache !== undefined && (drawCache.has(drawKey(i)) || (drawCache.has(drawKey(i, 0)) && drawCache.has(drawKey(i, 1)))));
  // A cache keeps an article that breaks otherwise on the other side drawn for both sides, so that
  // an edit earlier in the book that turns it over finds it too.
  const spec: DrawSpec = { geometry: g, press: press !== undefined, bothSides: drawCache !== undefined };
  const grayscale = press?.grayscale === true;
  const keep = (i: number, sides: readonly DrawnArticle[]): void => {
    for (const d of sides) if (drawCache && d.portable) void drawCache.put(d.eitherSide ? drawKey(i) : drawKey(i, d.side), d);
  };
  // Articles the cache does not have: drawn side by side when there are enough of them (on the
  // workers and in this thread, each lane with glyph ids of its own), else one by one in order below.
  const toDraw = jobs.flatMap((_, i) => (stored[i] ? [] : [i]));
  const laneDrawn = new Map<number, DrawnArticle[]>();
  if (threads.parallel(toDraw.length)) {
    const lane = new RunEncoder();
    const drawnAll = await threads.drawAll(toDraw.map((i) => jobs[i]!), spec, surface.catalog, grayscale, () => new PageContent(lane, surface.catalog, grayscale), (done) =>
      progress?.({ type: 'article', done: done + jobs.length - toDraw.length, of: jobs.length }), toDraw.length === jobs.length ? firstBody : undefined);
    toDraw.forEach((i, k) => laneDrawn.set(i, drawnAll[k]!.sides));
    drawnAll.length = 0;
  }
  progress?.({ type: 'phase', phase: 'draw' });
  // In order: each article opens on the page after the one before. A drawing made elsewhere (the
  // cache, a lane) is placed only if its glyphs mean here what they meant there (text/glyph-book.ts);
  // else, and for articles not drawn yet, it is drawn here, in the document's own glyph ids.
  const articles: DrawnArticle[] = [];
  // The glyph ids of drawings made only for the cache (an article's other side).
  const scratch = new RunEncoder();
  let next = firstBody;
  for (let i = 0; i < jobs.length; i++) {
    const side = (next % 2) as 0 | 1;
    let drawn: DrawnArticle | undefined;
    const lanes = laneDrawn.get(i);
    laneDrawn.delete(i);
    if (lanes) {
      if (drawCache) drawCache.misses++;
      keep(i, lanes);
      const candidate = drawingFor(lanes, side);
      if (candidate?.portable && surface.adoptGlyphs(candidate.uses)) drawn = candidate;
    } else if (drawCache && stored[i]) {
      const entry = (await drawCache.get(drawKey(i))) ?? (await drawCache.get(drawKey(i, side)));
      const candidate = entry && drawingFor([entry], side);
      if (candidate && surface.adoptGlyphs(candidate.uses)) {
        drawn = candidate;
        drawCache.hits++;
      }
    }
    if (drawn === undefined) {
      const fresh = await threads.drawOne(jobs[i]!, spec, side, () => surface.newContent(), () => new PageContent(scratch, surface.catalog, grayscale));
      if (!lanes) {
        if (drawCache) drawCache.misses++;
        keep(i, fresh.sides);
        progress?.({ type: 'article', done: i + 1, of: jobs.length });
      }
      drawn = drawingFor(fresh.sides, side)!;
    }
    articles.push(drawn);
    next += drawn.pages.length;
  }
  await threads.drawn();

  // Where each article starts, and what it leaves for the document: warnings, low-resolution images.
  const lowResolution: LowResolutionImage[] = [];
  const firstPage: number[] = [];
  let at = firstBody;
  articles.forEach((drawn, i) => {
    firstPage.push(at);
    at += drawn.pages.length;
    for (const low of drawn.lowResolution) lowResolution.push({ article: i, image: input.images.get(low.image)!, dpi: low.dpi, widthPt: low.widthPt });
    if (drawn.missing.length === 0) return;
    const chars = new Map(drawn.missing);
    const article = pub.articles[i]!;
    const count = [...chars.values()].reduce((n, c) => n + c, 0);
    const examples = [...chars.keys()].slice(0, 5).map((c) => `"${c}" (${codePointLabel(c)})`).join(', ');
    input.diagnostics.warn({
      code: 'pdf.glyph.missing',
      ...(article.origin !== undefined ? { file: article.origin } : {}),
      message: `"${article.meta.title}": ${count} character${count === 1 ? '' : 's'} (${chars.size} different) ${count === 1 ? 'is' : 'are'} in none of the embedded fonts and print as "\uFFFD": ${examples}${chars.size > 5 ? ', …' : ''}`,
      fix: 'replace the characters, or add a font that has them to the font registry (src/fonts/files.ts)',
    });
  });
  const bodyEnd = at;

  const folio = (index: number): string => (index < firstBody ? romanNumeral(index + 1) : String(index - firstBody + 1));
  const startPage = articles.map((drawn, i) => firstPage[i]! + Math.max(0, drawn.pages.findIndex((p) => p.opening)));
  contents.setFolios(startPage.map(folio));
  const toc = paginate(contents.units, g, 2);

  // The front matter, drawn as it stands; then the body pages, each with its running head and folio.
  const frontPages: LaidOutPage[] = [
    { index: 0, label: folio(0), items: press?.coverPage === false ? [] : coverItems, fullBleed: true },
    { index: 1, label: folio(1), items: titleItems },
    ...toc.pages.map((p) => ({ index: p.index, label: folio(p.index), items: [...p.items, ...furniture(g, p.index, folio(p.index), undefined)] })),
  ];
  if (firstBody > front) frontPages.push({ index: front, label: folio(front), items: [] });
  if (press) for (const p of frontPages) p.items = pressItems(p.items);
  // The press edition's blank pages to fill the last signature: nothing on them, not even a folio.
  const blanks = press ? blankPagesFor(bodyEnd, press.signature) : 0;
  const pageCount = bodyEnd + blanks;
  // What the preflight looks at (images, small text, thin rules), and the page map.
  const checked: LaidOutPage[] = frontPages.map((p) => ({ ...p, items: p.items.filter(preflightItem) }));
  const articleOf = new Map<number, number>();
  const starts: PageMap['pages'] = [];
  const bodyOutline: OutlineEntry[] = [];
  const fittedHeads = new Map<string, { text: string; width: number }>();

  const record: ParentTreeRecord = { pages: [], annotations: [] };
  const media = { width: g.mediaWidth, height: g.mediaHeight };
  let placed = 0;
  const placedOne = (): void => progress?.({ type: 'page', done: ++placed, of: pageCount });
  for (const page of frontPages) {
    drawPage(surface, page, record, pageCount, media);
    page.items = [];
    placedOne();
  }
  articles.forEach((drawn, i) => {
    adoptTree(drawn.art, root);
    for (const o of drawn.outline) bodyOutline.push({ ...o, page: o.page + firstPage[i]! });
    drawn.pages.forEach((page, k) => {
      const index = firstPage[i]! + k;
      const x = textArea(g, index).x;
      articleOf.set(index, i);
      if (page.start) starts.push({ ...page.start, pageIndex: index, label: folio(index) });
      const frame = [...runningHead(g, { index, article: i, opening: page.opening }, pub.articles, metadata.title, fittedHeads), ...furniture(g, index, folio(index), undefined)];
      checked.push({ index, label: folio(index), items: [...frame.filter(preflightItem), ...page.checked.map((item) => moved(item, x))] });
      placeBodyPage(surface, { index, x, frame, content: page.content, fonts: page.fonts, xobjects: page.xobjects, drawing: page.drawing }, record, pageCount, media);
      placedOne();
    });
  });
  articles.length = 0;
  for (let index = bodyEnd; index < pageCount; index++) {
    drawPage(surface, { index, items: [] }, record, pageCount, media);
    placedOne();
  }
  const pageMap: PageMap = { source: metadata.identifier, pages: starts };
  if (press && marks) offsetBoxes(root, (page) => pressOrigin(g, page, marks.slug, press.bindingBleed));
  const outline: OutlineEntry[] = [...toc.outline, ...bodyOutline];
  if (!press) surface.outline(outline);
  const pdf = surface.objects();
  pdf.catalog('PageLabels', { Nums: [0, { S: pdf.name('r') }, firstBody, { S: pdf.name('D') }] });
  writeStructureTree(root, record, pdf);
  const bytes = await surface.finish();
  const report = preflight({
    pages: checked,
    articleOf: (index) => articleOf.get(index),
    articles: pub.articles.map((a) => ({ title: a.meta.title, ...(a.origin !== undefined ? { file: a.origin } : {}) })),
    lowResolution,
    // The cover art fills the page with its bleed; a generated cover is rendered at 300 dpi.
    ...(input.cover.origin === 'image' ? { cover: { width: input.cover.print.width, height: input.cover.print.height, pageWidth: g.mediaWidth, pageHeight: g.mediaHeight } } : {}),
    fontsNotEmbedded: surface.fontsNotEmbedded(),
    signature: press?.signature ?? DEFAULT_PRESS.signature,
  });
  await drawCache?.settle();
  return { bytes, pageMap, pageCount, preflight: report };
}

/** A copy of `item` moved `dx` to the right. */
function moved(item: PageItem, dx: number): PageItem {
  const copy = { ...item };
  shiftItem(copy, dx, 0);
  return copy;
}

/** The folio, centred under the text block: an artifact (ISO 32000-1 §14.8.2.2.2, pagination). */
function furniture(g: PageGeometry, index: number, label: string, _unused: undefined): PageItem[] {
  const area = textArea(g, index);
  const size = g.fontSize * 0.85;
  const w = textWidth(label, 'regular', size);
  const y = area.y + area.height + g.leading * 1.2 + baselineIn(g.leading, 'regular', size);
  return [{ kind: 'text', x: area.x + (area.width - w) / 2, y, text: label, style: { face: 'regular', size }, width: w, owner: { artifact: 'Pagination' } }];
}

/**
 * The running head: the publication's title on versos, the article's on rectos; none on the page
 * that opens an article. Too long a title is shortened with an ellipsis, never set outside the block.
 */
function runningHead(g: PageGeometry, page: Pick<BodyPage, 'index' | 'article' | 'opening'>, articles: readonly Article[], publicationTitle: string, fitted: Map<string, { text: string; width: number }>): PageItem[] {
  if (page.opening) return [];
  const area = textArea(g, page.index);
  const size = g.fontSize * 0.85;
  const face = 'italic' as const;
  const title = isRecto(page.index) ? (articles[page.article]?.meta.title ?? '') : publicationTitle;
  // Fitted once per title: a long article repeats its head on every other page.
  let fit = fitted.get(title);
  if (fit === undefined) {
    let text = drawableText(title, face, () => undefined);
    if (textWidth(text, face, size) > area.width) {
      // The longest prefix that fits with its ellipsis, found by halving (widths grow with length):
      // one shaping per halving rather than one per character dropped.
      let fits = 1;
      let over = text.length;
      while (over - fits > 1) {
        const mid = (fits + over) >> 1;
        if (textWidth(`${text.slice(0, mid)}\u2026`, face, size) > area.width) over = mid;
        else fits = mid;
      }
      text = `${text.slice(0, fits).trimEnd()}\u2026`;
    }
    fitted.set(title, (fit = { text, width: textWidth(text, face, size) }));
  }
  const y = area.y - g.leading * 1.5 + baselineIn(g.leading, face, size);
  return [
    { kind: 'text', x: area.x + (area.width - fit.width) / 2, y, text: fit.text, style: { face, size }, width: fit.width, owner: { artifact: 'Pagination' }, tint: 'grey' },
  ];
}

