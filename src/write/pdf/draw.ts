/**
 * Draws laid-out pages, wrapping every piece of content in marked content: a structure element's
 * MCID (recorded for the ParentTree) or an Artifact. Nothing is drawn untagged (PDF/UA-1 §7.1).
 *
 * A page is drawn in two steps. `drawItems` writes its items into a page's content stream
 * (page-content.ts) and returns what the document must add around it — the elements that own its
 * MCIDs, its links, destinations and figure boxes — without touching the document; `placePage`
 * adds those to the document. Between the two a body page's drawing is data: it does not depend on
 * the page's number, nor on its side (its items are drawn from the text block's left edge, which
 * `placePage` moves to the page's side), which is what lets an article's pages be kept and placed
 * again in a later build.
 *
 * Words are drawn one fragment at a time at the typesetter's x, each followed by a real space
 * glyph where the source had a space. A hyphen added at a line end is drawn as an Artifact (see
 * drawText): checked with poppler 22, an /ActualText of U+00AD on it makes pdftotext emit the soft
 * hyphen elsewhere on the page and leave the word split, while a plain '-' artifact gives the word
 * back whole from both pdftotext and the structure tree.
 */
import { textWidth } from './font-metrics.js';
import type { PdfSurface } from './document.js';
import type { FontId } from '../../fonts/registry.js';
import type { Link, LinkTarget, PageItem, PlacedText } from './layout/page-items.js';
import type { PageContent } from './page-content.js';
import { attach, type MarkedContentRef, type ObjectRef, type StructNode } from './tag/struct-node.js';
import { hasRtl, visualRuns } from './text/bidi.js';
import type { ParentTreeRecord } from './tag/structure-tree.js';
import { num } from './text/glyph-run.js';

/** What a page's drawing leaves for the document: see the module comment. A body page's x are from its text block's edge. */
export interface PageDrawing {
  /** The element of each MCID, in order. */
  readonly owners: StructNode[];
  /** The structure tree's references to this page, whose page number `placePage` fills in. */
  readonly refs: (MarkedContentRef | ObjectRef)[];
  readonly links: { x: number; y: number; width: number; height: number; target: LinkTarget; contents: string; node: StructNode; ref: ObjectRef }[];
  readonly dests: { name: string; x: number; y: number }[];
  /** Figures whose /BBox is the box they are drawn in. */
  readonly figures: { node: StructNode; x: number; y: number; width: number; height: number }[];
}

/**
 * Writes `items` into `content` (a body page's x from its text block's edge), images clipped to
 * `clip` if given (a page's MediaBox: the cover image is larger; a body page's images
 * lie inside its text block, and its drawing must not depend on its side), and records what `placePage` needs. Structure elements are attached in the order of their first
 * content (tag/struct-node.ts), so an article's elements attach within its own tree.
 */
export function drawItems(content: PageContent, items: readonly PageItem[], clip?: { x: number; y: number; width: number; height: number }): PageDrawing {
  const drawing: PageDrawing = { owners: [], refs: [], links: [], dests: [], figures: [] };
  const { owners } = drawing;
  let open: { node: StructNode; y: number } | undefined;
  const close = (): void => {
    if (open) content.end();
    open = undefined;
  };
  const mark = (node: StructNode, y: number): void => {
    if (open && open.node === node && Math.abs(open.y - y) < 0.01) return;
    close();
    attach(node);
    const mcid = owners.length;
    owners.push(node);
    const ref: MarkedContentRef = { kind: 'mcr', page: -1, mcid };
    node.kids.push(ref);
    drawing.refs.push(ref);
    content.begin({ tag: node.type, mcid });
    open = { node, y };
  };
  const links: { link: Link; x1: number; x2: number; top: number; bottom: number }[] = [];

  for (const item of items) {
    switch (item.kind) {
      case 'dest':
        drawing.dests.push({ name: item.name, x: item.x, y: item.y });
        break;
      case 'element':
        attach(item.node);
        break;
      case 'rule':
        close();
        content.begin({ artifact: 'Layout' });
        content.rule(item.x1, item.y1, item.x2, item.y2, item.lineWidth);
        content.end();
        break;
      case 'image':
        if ('node' in item.owner) {
          mark(item.owner.node, item.y);
          if (item.owner.node.attrs.bbox) drawing.figures.push({ node: item.owner.node, x: item.x, y: item.y, width: item.width, height: item.height });
          content.image(item.image, item.x, item.y, item.width, item.height, clip);
          close();
        } else {
          close();
          content.begin({ artifact: item.owner.artifact });
          content.image(item.image, item.x, item.y, item.width, item.height, clip);
          content.end();
        }
        break;
      case 'text':
        drawText(item, item.x);
        break;
    }
  }
  close();

  function drawText(t: PlacedText, x: number): void {
    const grey = t.tint === 'grey';
    const { face, size } = t.style;
    if ('node' in t.owner) mark(t.owner.node, lineKey(t));
    else {
      close();
      content.begin({ artifact: t.owner.artifact });
    }
    if (t.spaceDx !== undefined) {
      // A line with right-to-left text: the space that follows the word in reading order lies in
      // the gap the bidi algorithm placed after it, left or right of the word.
      content.text(t.text, x, t.y, face, size, grey, t.tracking ?? 0, t.rtl ?? false);
      content.text(' ', x + t.spaceDx, t.y, face, size, grey);
    } else if (t.rtl) {
      // Right-to-left: the space that follows the word in reading order lies to its left.
      content.text(t.text, x, t.y, face, size, grey, t.tracking ?? 0, true);
      if (t.space) content.text(' ', x - textWidth(' ', face, size), t.y, face, size, grey);
    } else if (hasRtl(t.text)) {
      // Text set outside a paragraph (running heads, contents, labels) gets its bidi order here.
      let at = x;
      for (const run of visualRuns(t.space ? `${t.text} ` : t.text)) at += content.text(run.text, at, t.y, face, size, grey, t.tracking ?? 0, run.rtl);
    } else {
      // The word and its space are drawn (and cached) apart: "word" recurs far more than "word ".
      const w = content.text(t.text, x, t.y, face, size, grey, t.tracking ?? 0);
      if (t.space) content.text(' ', x + w, t.y, face, size, grey, t.tracking ?? 0);
    }
    if (t.hyphen) {
      // The line-end hyphen is typesetting, not text: an artifact, so the structure holds the
      // word whole, and a plain '-' glyph, which pdftotext rejoins across the line break.
      if ('node' in t.owner) close();
      else content.end();
      content.begin({ artifact: 'Layout' });
      content.text('-', x + t.width, t.y, face, size);
      if ('node' in t.owner) content.end();
    }
    if (!('node' in t.owner)) content.end();
    if (t.link) {
      const w = t.width + (t.hyphen ? textWidth('-', face, size) : 0);
      const last = links[links.length - 1];
      const top = t.y - size * 0.9;
      const bottom = t.y + size * 0.25;
      if (last && last.link === t.link && Math.abs(last.top - top) < size) {
        last.x2 = x + w;
      } else {
        links.push({ link: t.link, x1: x, x2: x + w, top, bottom });
      }
    }
  }

  function lineKey(t: PlacedText): number {
    // Fragments of one line share a sequence even when a superscript rises above the baseline.
    return Math.round(t.y / 4);
  }

  for (const l of links) {
    attach(l.link.node);
    const ref: ObjectRef = { kind: 'objr', page: -1, annotation: -1 };
    l.link.node.kids.push(ref);
    drawing.refs.push(ref);
    drawing.links.push({ x: l.x1, y: l.top, width: l.x2 - l.x1, height: l.bottom - l.top, target: l.link.target, contents: l.link.contents, node: l.link.node, ref });
  }
  return drawing;
}

/**
 * Adds a drawn page's links, destinations and structure references to the document as page
 * `index`, its drawing moved right by `dx`. Annotations take their StructParent keys after the
 * pages' (`pageCount` of them), in the order they are placed.
 */
export function placePage(surface: PdfSurface, drawing: PageDrawing, index: number, dx: number, record: ParentTreeRecord, pageCount: number, mediaHeight: number): void {
  record.pages[index] = drawing.owners;
  for (const ref of drawing.refs) ref.page = index;
  for (const d of drawing.dests) surface.dest(d.name, d.x + dx, d.y);
  for (const f of drawing.figures) {
    f.node.attrs.bbox = [round(f.x + dx), round(mediaHeight - f.y - f.height), round(f.x + dx + f.width), round(mediaHeight - f.y)];
  }
  for (const l of drawing.links) {
    const key = pageCount + record.annotations.length;
    l.ref.annotation = surface.link(l.x + dx, l.y, l.width, l.height, l.target, l.contents, key);
    record.annotations.push({ key, node: l.node });
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Draws a page as it stands (no move to a side) and places it as page `page.index`. */
export function drawPage(surface: PdfSurface, page: { index: number; items: readonly PageItem[] }, record: ParentTreeRecord, pageCount: number, media: { width: number; height: number }): void {
  surface.addPage(page.index);
  const content = surface.newContent();
  const drawing = drawItems(content, page.items, { x: 0, y: 0, ...media });
  surface.write(content);
  placePage(surface, drawing, page.index, 0, record, pageCount, media.height);
}

/** A body page drawn as data (drawn-article.ts), to place as page `index` with its text block at `x`. */
export interface BodyPagePlacement {
  index: number;
  x: number;
  /** Its running head and folio, drawn where they stand. */
  frame: readonly PageItem[];
  /** The body's content stream, deflated, and what it draws with. */
  content: Uint8Array;
  fonts: readonly FontId[];
  xobjects: readonly string[];
  drawing: PageDrawing;
}

/**
 * Adds a body page: its frame (running head, folio: artifacts) drawn where it stands and a `cm`
 * that moves what follows to the text block, then the body's own content stream, and places it.
 */
export function placeBodyPage(surface: PdfSurface, page: BodyPagePlacement, record: ParentTreeRecord, pageCount: number, media: { width: number; height: number }): void {
  surface.addPage(page.index);
  const frame = surface.newContent();
  const furniture = drawItems(frame, page.frame);
  if (furniture.owners.length > 0 || furniture.links.length > 0) throw new Error('internal error: a running head or folio has content that is not an artifact');
  surface.write(frame);
  // Nothing is drawn after the body, so the move needs no q…Q around it.
  surface.write(`1 0 0 1 ${num(page.x)} 0 cm`);
  surface.appendStream(page.content, page.fonts, page.xobjects);
  placePage(surface, page.drawing, page.index, page.x, record, pageCount, media.height);
}
