/**
 * Page-break markers (EPUB 3 Structural Semantics `pagebreak` with DPUB-ARIA `doc-pagebreak`:
 * https://www.w3.org/TR/dpub-aria-1.1/#doc-pagebreak). The marker is empty; its accessible name is
 * the printed folio.
 */
import { escapeXml, el } from '../../xml.js';
import type { PageMarker } from '../page-breaks.js';
import type { RenderContext } from './context.js';

export function pageBreak(marker: PageMarker): string {
  return el('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: marker.id, 'aria-label': marker.label }, null);
}

/** Writes the pending markers whose offset is before `end` (in the paragraph's plain text). */
export function markersBefore(ctx: RenderContext, end: number): string {
  const cursor = ctx.cursor;
  if (!cursor) return '';
  let out = '';
  while (cursor.pending.length > 0 && (cursor.pending[0] as PageMarker).offset < end) out += pageBreak(cursor.pending.shift() as PageMarker);
  return out;
}

/**
 * Escaped text with any markers that fall inside it, and the cursor moved past it. A marker at
 * offset n goes right before character n, i.e. before the first word of its page.
 */
export function textWithMarkers(value: string, ctx: RenderContext): string {
  const cursor = ctx.cursor;
  if (!cursor) return escapeXml(value);
  const start = cursor.position;
  let out = '';
  let written = 0;
  while (cursor.pending.length > 0 && (cursor.pending[0] as PageMarker).offset < start + value.length) {
    const marker = cursor.pending.shift() as PageMarker;
    const cut = Math.max(written, marker.offset - start);
    out += escapeXml(value.slice(written, cut)) + pageBreak(marker);
    written = cut;
  }
  cursor.position += value.length;
  return out + escapeXml(value.slice(written));
}

/** Writes every marker still pending (a page that starts past the paragraph's end). */
export function remainingMarkers(ctx: RenderContext): string {
  return markersBefore(ctx, Number.POSITIVE_INFINITY);
}
