/**
 * Draws laid-out pages on the surface, wrapping every piece of content in marked content: a
 * structure element's MCID (recorded for the ParentTree) or an Artifact. Nothing is drawn
 * untagged (PDF/UA-1 §7.1).
 *
 * Words are drawn one fragment at a time at the typesetter's x, each followed by a real space
 * glyph where the source had a space. A hyphen added at a line end is drawn as an Artifact (see
 * drawText): checked with poppler 22, an /ActualText of U+00AD on it makes pdftotext emit the soft
 * hyphen elsewhere on the page and leave the word split, while a plain '-' artifact gives the word
 * back whole from both pdftotext and the structure tree.
 */
import { textWidth } from './font-metrics.js';
import type { PdfSurface } from './document.js';
import type { LaidOutPage, Link, PageItem, PlacedText } from './layout/page-items.js';
import { attach, type StructNode } from './tag/struct-node.js';
import { hasRtl, visualRuns } from './text/bidi.js';
import type { ParentTreeRecord } from './tag/structure-tree.js';

/** Draws all pages; returns the ParentTree record. */
export function drawPages(surface: PdfSurface, pages: readonly LaidOutPage[], mediaHeight: number, onPage?: (drawn: number) => void): ParentTreeRecord {
  const record: ParentTreeRecord = { pages: [], annotations: [] };
  let drawn = 0;
  for (const page of pages) {
    surface.addPage(page.index);
    const owners: StructNode[] = [];
    record.pages[page.index] = owners;
    drawPage(surface, page.items, page.index, owners, record, pages.length, mediaHeight);
    onPage?.(++drawn);
  }
  return record;
}

function drawPage(surface: PdfSurface, items: readonly PageItem[], pageIndex: number, owners: StructNode[], record: ParentTreeRecord, pageCount: number, mediaHeight: number): void {
  let open: { node: StructNode; y: number } | undefined;
  const close = (): void => {
    if (open) surface.end();
    open = undefined;
  };
  const mark = (node: StructNode, y: number): void => {
    if (open && open.node === node && Math.abs(open.y - y) < 0.01) return;
    close();
    attach(node);
    const mcid = owners.length;
    owners.push(node);
    node.kids.push({ kind: 'mcr', page: pageIndex, mcid });
    surface.begin({ tag: node.type, mcid });
    open = { node, y };
  };
  const links: { link: Link; x1: number; x2: number; top: number; bottom: number }[] = [];

  for (const item of items) {
    switch (item.kind) {
      case 'dest':
        surface.dest(item.name, item.x, item.y);
        break;
      case 'element':
        attach(item.node);
        break;
      case 'rule':
        close();
        surface.begin({ artifact: 'Layout' });
        surface.rule(item.x1, item.y1, item.x2, item.y2, item.lineWidth);
        surface.end();
        break;
      case 'image':
        if ('node' in item.owner) {
          mark(item.owner.node, item.y);
          const bbox = item.owner.node.attrs.bbox;
          if (bbox) item.owner.node.attrs.bbox = [round(item.x), round(mediaHeight - item.y - item.height), round(item.x + item.width), round(mediaHeight - item.y)];
          surface.image(item.image, item.x, item.y, item.width, item.height, true);
          close();
        } else {
          close();
          surface.begin({ artifact: item.owner.artifact });
          surface.image(item.image, item.x, item.y, item.width, item.height, true);
          surface.end();
        }
        break;
      case 'text':
        drawText(item);
        break;
    }
  }
  close();

  function drawText(t: PlacedText): void {
    if ('node' in t.owner) mark(t.owner.node, lineKey(t));
    else {
      close();
      surface.begin({ artifact: t.owner.artifact });
    }
    if (t.spaceDx !== undefined) {
      // A line with right-to-left text: the space that follows the word in reading order lies in
      // the gap the bidi algorithm placed after it, left or right of the word.
      surface.text(t.text, t.x, t.y, t.style.face, t.style.size, t.tint === 'grey', t.tracking ?? 0, t.rtl ?? false);
      surface.text(' ', t.x + t.spaceDx, t.y, t.style.face, t.style.size, t.tint === 'grey');
    } else if (t.rtl) {
      // Right-to-left: the space that follows the word in reading order lies to its left.
      surface.text(t.text, t.x, t.y, t.style.face, t.style.size, t.tint === 'grey', t.tracking ?? 0, true);
      if (t.space) surface.text(' ', t.x - textWidth(' ', t.style.face, t.style.size), t.y, t.style.face, t.style.size, t.tint === 'grey');
    } else if (hasRtl(t.text)) {
      // Text set outside a paragraph (running heads, contents, labels) gets its bidi order here.
      let x = t.x;
      for (const run of visualRuns(t.space ? `${t.text} ` : t.text)) x += surface.text(run.text, x, t.y, t.style.face, t.style.size, t.tint === 'grey', t.tracking ?? 0, run.rtl);
    } else {
      // The word and its space are drawn (and cached) apart: "word" recurs far more than "word ".
      const w = surface.text(t.text, t.x, t.y, t.style.face, t.style.size, t.tint === 'grey', t.tracking ?? 0);
      if (t.space) surface.text(' ', t.x + w, t.y, t.style.face, t.style.size, t.tint === 'grey', t.tracking ?? 0);
    }
    if (t.hyphen) {
      // The line-end hyphen is typesetting, not text: an artifact, so the structure holds the
      // word whole, and a plain '-' glyph, which pdftotext rejoins across the line break.
      if ('node' in t.owner) close();
      else surface.end();
      surface.begin({ artifact: 'Layout' });
      surface.text('-', t.x + t.width, t.y, t.style.face, t.style.size);
      if ('node' in t.owner) surface.end();
    }
    if (!('node' in t.owner)) surface.end();
    if (t.link) {
      const size = t.style.size;
      const w = t.width + (t.hyphen ? textWidth('-', t.style.face, size) : 0);
      const last = links[links.length - 1];
      const top = t.y - size * 0.9;
      const bottom = t.y + size * 0.25;
      if (last && last.link === t.link && Math.abs(last.top - top) < size) {
        last.x2 = t.x + w;
      } else {
        links.push({ link: t.link, x1: t.x, x2: t.x + w, top, bottom });
      }
    }
  }

  function lineKey(t: PlacedText): number {
    // Fragments of one line share a sequence even when a superscript rises above the baseline.
    return Math.round(t.y / 4);
  }

  for (const l of links) {
    const key = pageCount + record.annotations.length;
    const handle = surface.link(l.x1, l.top, l.x2 - l.x1, l.bottom - l.top, l.link.target, l.link.contents, key);
    attach(l.link.node);
    l.link.node.kids.push({ kind: 'objr', page: pageIndex, annotation: handle });
    record.annotations.push({ key, node: l.link.node });
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
