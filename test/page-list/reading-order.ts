/**
 * The EPUB's text in reading order, with its page-break markers where they stand: what a reading
 * system's text-to-speech (or a sighted reader scrolling) meets after following a page-list link.
 *
 * The content documents are XHTML (XML), so they are tokenized as XML: an HTML parser would read the
 * empty marker `<span …/>` as an open `<span>` swallowing the text after it.
 *
 * What counts as reading order here:
 * - text of the `<body>` in document order, spine document after spine document;
 * - nothing inside `hidden` or `aria-hidden="true"` elements (the hidden page-list and landmarks
 *   navs, decorative furniture), `<head>`, `<script>`, `<style>`;
 * - inline elements join their text without a space (`depot.<sup><a>1</a></sup>` reads `depot.1`, as the
 *   printed superscript does); block elements and `<br>` separate words;
 * - the number of an ordered-list item is read before its content (a screen reader announces it; the
 *   print edition prints it as the item's label), so it is part of the stream too. A marker can only
 *   stand inside an item (HTML allows no `<span>` between `<li>`s): one at the very start of an item
 *   (nothing but the item's number before it) marks a page that begins with that item, number
 *   included, so its reading starts with the number;
 * - image alt text is left out: the print edition has no text for an image either.
 */

/** One step of the reading order. */
export type ReadingPiece =
  | { kind: 'text'; text: string }
  /** The number of an ordered-list item, read before the item's content. */
  | { kind: 'label'; text: string }
  /** A block starts or ends (a word boundary that is also a paragraph boundary). */
  | { kind: 'boundary' }
  | { kind: 'marker'; doc: string; id: string; label: string; within: string[] };

/** A marker with the words that follow it. */
export interface MarkerReading {
  doc: string;
  id: string;
  label: string;
  /** Index of the marker among the markers of its document (0 = the document's first). */
  inDocument: number;
  /** Text after the marker (first `chars` characters, blocks separated by newlines). */
  after: string;
  /** No text between the start of the enclosing block and the marker: the page begins a block. */
  atBlockStart: boolean;
  /** Names of the elements the marker stands in, outermost first (`html`, `body`, …, `pre`, `code`). */
  within: string[];
}

const BLOCKS = new Set([
  'html', 'body', 'article', 'section', 'header', 'footer', 'nav', 'aside', 'main', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'figure', 'figcaption', 'ol', 'ul', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'pre', 'hr', 'br', 'details', 'summary',
]);
const SKIPPED = new Set(['head', 'script', 'style', 'template']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'wbr', 'area', 'base', 'source']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1] as string, decode(m[2] ?? m[3] ?? ''));
  // Boolean attributes written without a value (`hidden`), which XHTML serializers sometimes emit.
  for (const m of tag.replace(/=\s*(?:"[^"]*"|'[^']*')/g, '').matchAll(/\s([a-zA-Z-]+)(?=[\s/>])/g)) if (!out.has(m[1] as string)) out.set(m[1] as string, '');
  return out;
}

interface Open {
  name: string;
  hidden: boolean;
  /** For `<ol>`: the number of the next item. */
  next?: number;
  reversed?: boolean;
}

/** The reading order of one XHTML document. */
export function documentReadingOrder(doc: string, xhtml: string): ReadingPiece[] {
  const out: ReadingPiece[] = [];
  const stack: Open[] = [];
  const hidden = (): boolean => stack.some((o) => o.hidden);
  // Comments, CDATA, processing instructions and the doctype carry no reading text.
  const source = xhtml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  for (const m of source.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (!hidden() && stack.some((o) => o.name === 'body')) out.push({ kind: 'text', text: decode(m[4]) });
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase().replace(/^.*:/, '');
    const rest = m[3] ?? '';
    if (closing) {
      // Pop to the matching element (the writer's XHTML is well-formed; this only guards the loop).
      const at = stack.map((o) => o.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      if (BLOCKS.has(name) && !hidden()) out.push({ kind: 'boundary' });
      continue;
    }
    const attrs = attributes(rest);
    const selfClosing = /\/\s*$/.test(rest) || VOID.has(name);
    const isHidden = SKIPPED.has(name) || attrs.has('hidden') || attrs.get('aria-hidden') === 'true';
    if (!hidden() && !isHidden) {
      const types = (attrs.get('epub:type') ?? '').split(/\s+/);
      if (types.includes('pagebreak') || attrs.get('role') === 'doc-pagebreak') {
        out.push({ kind: 'marker', doc, id: attrs.get('id') ?? '', label: attrs.get('aria-label') ?? attrs.get('title') ?? '', within: stack.map((o) => o.name) });
      }
      if (BLOCKS.has(name)) out.push({ kind: 'boundary' });
      if (name === 'li') {
        const list = stack[stack.length - 1];
        if (list?.name === 'ol' && list.next !== undefined) {
          const value = attrs.has('value') ? Number(attrs.get('value')) : list.next;
          out.push({ kind: 'label', text: `${value}. ` });
          list.next = value + (list.reversed ? -1 : 1);
        }
      }
    }
    if (selfClosing) {
      if (BLOCKS.has(name) && !hidden() && !isHidden) out.push({ kind: 'boundary' });
      continue;
    }
    const open: Open = { name, hidden: isHidden };
    if (name === 'ol') {
      open.next = attrs.has('start') ? Number(attrs.get('start')) : 1;
      open.reversed = attrs.has('reversed');
    }
    stack.push(open);
  }
  return out;
}

/** Every marker of the spine, in reading order, with the text that follows it. */
export function markerReadings(spine: readonly { href: string; xhtml: string }[], chars = 600): MarkerReading[] {
  const pieces = spine.flatMap((d) => documentReadingOrder(d.href, d.xhtml));
  const out: MarkerReading[] = [];
  const perDocument = new Map<string, number>();
  let sinceBoundary = '';
  /** The number of the list item just begun, while nothing of its content has been read. */
  let itemLabel = '';
  pieces.forEach((piece, i) => {
    if (piece.kind === 'boundary') sinceBoundary = '';
    else if (piece.kind === 'label') itemLabel = piece.text;
    else if (piece.kind === 'text') {
      sinceBoundary += piece.text;
      if (piece.text.trim() !== '') itemLabel = '';
    } else {
      let after = itemLabel;
      for (let j = i + 1; j < pieces.length && after.length < chars; j++) {
        const p = pieces[j] as ReadingPiece;
        if (p.kind === 'text' || p.kind === 'label') after += p.text;
        else if (p.kind === 'boundary') after += '\n';
      }
      const inDocument = perDocument.get(piece.doc) ?? 0;
      perDocument.set(piece.doc, inDocument + 1);
      out.push({ doc: piece.doc, id: piece.id, label: piece.label, inDocument, after, atBlockStart: sinceBoundary.trim() === '', within: piece.within });
    }
  });
  return out;
}
