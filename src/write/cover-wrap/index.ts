/**
 * The print-on-demand cover wrap, `<slug>.cover.pdf`: one sheet with the back cover, the spine and
 * the front cover, bleed on every side, sized from the trim, the interior's page count and the
 * paper by the print service's published figures (print-services.ts).
 *
 * - Boxes: TrimBox = back + spine + front; BleedBox = TrimBox + the service's bleed on every side;
 *   MediaBox = BleedBox (KDP and IngramSpark refuse printer marks, so there is nothing outside).
 * - Front: the build's one cover art (src/write/cover/), scaled to fill the front and its bleed.
 * - Spine: title and author down the spine when the service's rule and the type size allow
 *   (spine-text.ts); otherwise bare.
 * - Back: title, subtitle, description and imprint (back-cover.ts); the barcode zone painted white
 *   and kept clear.
 * - A proper PDF: fonts embedded and subset (the PDF surface), tagged (the front art is a Figure with
 *   its alt text, the back's text headings and paragraphs, backgrounds and the repeated spine text
 *   artifacts), Info and XMP from the one metadata record, bytes reproducible (dates from the record).
 *   It claims neither PDF/A nor PDF/UA: no validator here checks them for this file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Diagnostics } from '../../check/diagnostic.js';
import { languageDirection } from '../../model/language.js';
import type { CoverArt } from '../cover/cover-art.js';
import { PALETTE } from '../cover/palette.js';
import { pdfInfo } from '../metadata/info.js';
import type { MetadataRecord } from '../metadata/record.js';
import { xmpPacket } from '../metadata/xmp.js';
import { PdfSurface } from '../pdf/document.js';
import { drawPage } from '../pdf/draw.js';
import type { PageItem } from '../pdf/layout/page-items.js';
import type { PageGeometry, Rect } from '../pdf/page-geometry.js';
import { documentNode, structChild } from '../pdf/tag/struct-node.js';
import { writeStructureTree, type ParentTreeRecord } from '../pdf/tag/structure-tree.js';
import { hasRtl, visualRuns } from '../pdf/text/bidi.js';
import { backCover } from './back-cover.js';
import { PRINT_SERVICES, type Paper, type PodService } from './print-services.js';
import { spineText } from './spine-text.js';
import { INCH, wrapGeometry, type WrapGeometry } from './wrap-geometry.js';

export { PAPERS, POD_SERVICES, PRINT_SERVICES, type Paper, type PodService } from './print-services.js';
export { interiorPageCount } from './page-count.js';

/** The sRGB profile of the OutputIntent, as in the reading PDF (assets/icc/README.md). */
const ICC_PROFILE = fileURLToPath(new URL('../../../assets/icc/sRGB_IEC61966-2-1.icc', import.meta.url));

const FRONT = 'front';
const WHITE = '#ffffff';

export interface CoverWrapArgs {
  metadata: MetadataRecord;
  /** The build's cover art; generated art should have been made with the service's bleed. */
  cover: CoverArt;
  /** Trim size of the book, points. */
  trim: { widthPt: number; heightPt: number };
  /** Interior pages, padded for binding (page-count.ts). */
  pageCount: number;
  paper: Paper;
  service: PodService;
  /** The publication's direction: `rtl` mirrors the sheet (front on the left). Default: its language's. */
  direction?: 'ltr' | 'rtl';
  /** Warnings (a description cut short, a page count the service does not print) go here. */
  diagnostics: Diagnostics;
}

export interface CoverWrap {
  bytes: Uint8Array;
  geometry: WrapGeometry;
  /** Whether the spine carries text. */
  spineText: boolean;
}

/** Writes the cover wrap. Deterministic: the same arguments give the same bytes. */
export async function coverWrap(args: CoverWrapArgs): Promise<CoverWrap> {
  const { metadata, cover, diagnostics } = args;
  const service = PRINT_SERVICES[args.service];
  const direction = args.direction ?? languageDirection(metadata.lang);
  const g = wrapGeometry({ trim: { width: args.trim.widthPt, height: args.trim.heightPt }, pageCount: args.pageCount, paper: args.paper, service, direction });
  if (args.pageCount < service.pages.min || (service.pages.max !== undefined && args.pageCount > service.pages.max)) {
    diagnostics.warn({
      code: 'pod.pages.out-of-range',
      message: `the book has ${args.pageCount} pages (padded to a multiple of 4); ${service.name} prints paperbacks of ${service.pages.min}${service.pages.max !== undefined ? ` to ${service.pages.max}` : ' or more'} pages, so it will refuse this cover and interior`,
      fix: args.pageCount < service.pages.min ? 'add articles to the publication, or print it elsewhere' : 'split the publication into volumes',
    });
  }

  const root = documentNode(metadata.lang);
  const surface = new PdfSurface({
    geometry: pageGeometry(g),
    info: pdfInfo(metadata),
    xmp: xmpPacket(metadata, {}),
    lang: metadata.lang,
    // Not the reading PDF's ID: this is another file made from the same record.
    fileId: createHash('md5').update(`${metadata.identifier}#cover-wrap`).digest(),
    iccProfile: new Uint8Array(await readFile(ICC_PROFILE)),
  });
  // Generated art comes split already (its PNG is then not even encoded); a picture is split here.
  if (cover.print.split) surface.registerSplit(FRONT, cover.print.split);
  else await surface.registerImage(FRONT, cover.print.data);
  const fill = async (key: string, colour: string, r: Rect): Promise<PageItem> => {
    // Filled rectangles go through the surface's vector path (SVG → PDF paths), its public API.
    await surface.registerSvg(key, `<svg xmlns="http://www.w3.org/2000/svg" width="${r.width}" height="${r.height}" viewBox="0 0 ${r.width} ${r.height}"><rect width="${r.width}" height="${r.height}" fill="${colour}"/></svg>`);
    return { kind: 'image', image: key, ...r, owner: { artifact: 'Layout' } };
  };

  // The front art fills the front and its bleed, centred and cropped like the reading PDF's cover
  // page. Whatever of it reaches past the fold is painted over by the spine and back that follow.
  const frontBox: Rect = { x: g.front.x - g.bleed, y: 0, width: g.front.width + 2 * g.bleed, height: g.mediaHeight };
  const backAndSpine: Rect =
    g.direction === 'rtl' ? { x: g.spinePanel.x, y: 0, width: g.mediaWidth - g.spinePanel.x, height: g.mediaHeight } : { x: 0, y: 0, width: g.front.x, height: g.mediaHeight };
  const scale = Math.max(frontBox.width / cover.print.width, frontBox.height / cover.print.height);
  const w = cover.print.width * scale;
  const h = cover.print.height * scale;
  const dpi = Math.floor(72 / scale);
  if (cover.origin === 'image' && dpi < 300) {
    diagnostics.warn({
      code: 'pod.cover.low-resolution',
      message: `the cover image (${cover.print.width}×${cover.print.height} px) prints at ${dpi} dpi on the front of the ${service.name} cover wrap with its bleed (${round2(frontBox.width / INCH)} × ${round2(frontBox.height / INCH)} in), below the 300 dpi print services ask for`,
      fix: `use a cover image at least ${Math.ceil((frontBox.width / INCH) * 300)}×${Math.ceil((frontBox.height / INCH) * 300)} px, in the front cover's proportions`,
    });
  }
  const figure = structChild(root, 'Figure', { alt: cover.alt, bbox: [g.front.x, 0, g.front.x + g.front.width, g.mediaHeight] });
  const back = backCover(metadata, g, root);
  if (back.truncated) {
    diagnostics.warn({
      code: 'pod.description.truncated',
      message: `the publication's description (or title) is too long for the back cover at ${round2(g.panel.width / INCH)} × ${round2(g.panel.height / INCH)} in and was cut short there with "…"`,
      fix: 'shorten the `description:` (or `title:`) in publication.yaml or the article\'s front matter; the EPUB and the PDF keep them whole',
    });
  }
  const items: PageItem[] = [
    { kind: 'image', image: FRONT, x: frontBox.x + (frontBox.width - w) / 2, y: frontBox.y + (frontBox.height - h) / 2, width: w, height: h, owner: { node: figure } },
    await fill('back-and-spine', PALETTE.paper, backAndSpine),
    await fill('barcode', WHITE, g.barcode),
    ...back.items,
  ];
  const record: ParentTreeRecord = { pages: [], annotations: [] };
  drawPage(surface, { index: 0, items }, record, 1, { width: g.mediaWidth, height: g.mediaHeight });

  const spine = g.spineText ? spineText(metadata, g.spineText, g.direction) : undefined;
  if (spine) {
    // The spine repeats the title and creators the back and the front already carry: an artifact.
    const content = surface.newContent();
    content.begin({ artifact: 'Layout' });
    content.rotated(spine.degrees, spine.origin.x, spine.origin.y, () => {
      for (const line of spine.lines) {
        if (!hasRtl(line.text)) content.text(line.text, line.x, line.y, line.face, line.size);
        else {
          let x = line.x;
          for (const run of visualRuns(line.text)) x += content.text(run.text, x, line.y, line.face, line.size, false, 0, run.rtl);
        }
      }
    });
    content.end();
    surface.write(content);
  }
  writeStructureTree(root, record, surface.objects());
  return { bytes: await surface.finish(), geometry: g, spineText: spine !== undefined };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The surface's page geometry for the sheet: the whole wrap is one page whose trim is back + spine + front. */
function pageGeometry(g: WrapGeometry): PageGeometry {
  return {
    trimWidth: g.mediaWidth - 2 * g.bleed,
    trimHeight: g.panel.height,
    bleed: g.bleed,
    mediaWidth: g.mediaWidth,
    mediaHeight: g.mediaHeight,
    // Unused on a cover; the surface takes them from the geometry of a text page.
    fontSize: 10,
    leading: 14,
    margins: { top: 0, bottom: 0, inside: 0, outside: 0 },
  };
}
