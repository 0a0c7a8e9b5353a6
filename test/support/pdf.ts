/**
 * Thin wrappers over poppler-utils (pdftotext, pdfinfo, pdffonts) for PDF tests. Debian package
 * `poppler-utils`; qpdf and mupdf-tools (`mutool`) are installed alongside for ad-hoc checks.
 */
import { runOk } from './exec.js';

const pageArgs = (o: { first?: number; last?: number }): string[] => [
  ...(o.first !== undefined ? ['-f', String(o.first)] : []),
  ...(o.last !== undefined ? ['-l', String(o.last)] : []),
];

export interface PdfTextOptions {
  first?: number;
  last?: number;
  /** `-layout`: keep the physical layout (columns, indentation). */
  layout?: boolean;
  /** `-raw`: content-stream order, closest to what a naive extractor sees. */
  raw?: boolean;
  /** Only text inside this area, in points from the MediaBox's top-left (`-x -y -W -H`). */
  crop?: { x: number; y: number; width: number; height: number };
}

/** Extracted text (UTF-8; pages separated by form feeds `\f`). */
export async function pdfText(path: string, options: PdfTextOptions = {}): Promise<string> {
  const args = [
    '-enc', 'UTF-8',
    ...pageArgs(options),
    ...(options.layout ? ['-layout'] : []),
    ...(options.raw ? ['-raw'] : []),
    ...(options.crop
      ? ['-x', String(Math.floor(options.crop.x)), '-y', String(Math.floor(options.crop.y)), '-W', String(Math.ceil(options.crop.width)), '-H', String(Math.ceil(options.crop.height))]
      : []),
    path, '-',
  ];
  return (await runOk('pdftotext', args)).stdout;
}

export interface PdfFontRow {
  /** Font name with subset tag, e.g. `BZZZZZ+NotoSerif-Regular`; `[none]` for unnamed Type 3. */
  name: string;
  /** e.g. `CID TrueType`, `Type 1`, `TrueType`. */
  type: string;
  encoding: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
  object: string;
}

/**
 * Font table (`pdffonts`). Parsed from the right (emb/sub/uni/object are fixed tokens, the encoding
 * has no spaces) and the name is the first token, so a name wider than its column cannot shift the
 * others; the type keeps its inner spaces (`CID TrueType`, `Type 1C (OT)`).
 */
export async function pdfFonts(path: string, options: { first?: number; last?: number } = {}): Promise<PdfFontRow[]> {
  const out = (await runOk('pdffonts', [...pageArgs(options), path])).stdout;
  const lines = out.split('\n');
  const ruleIndex = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (ruleIndex < 0) throw new Error(`unexpected pdffonts output:\n${out}`);
  const rows: PdfFontRow[] = [];
  for (const line of lines.slice(ruleIndex + 1)) {
    if (!line.trim()) continue;
    const m = /^(\S+)\s+(.*?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+(\d+\s+\d+)\s*$/.exec(line);
    if (!m) throw new Error(`unexpected pdffonts row: ${JSON.stringify(line)}`);
    rows.push({
      name: m[1] ?? '',
      type: m[2] ?? '',
      encoding: m[3] ?? '',
      emb: m[4] === 'yes',
      sub: m[5] === 'yes',
      uni: m[6] === 'yes',
      object: (m[7] ?? '').replace(/\s+/, ' '),
    });
  }
  return rows;
}

/** `pdfinfo` as `{ Title, Pages, "Page size", Tagged, … }` (values trimmed strings). */
export async function pdfInfo(path: string, options: { first?: number; last?: number } = {}): Promise<Record<string, string>> {
  const out = (await runOk('pdfinfo', ['-enc', 'UTF-8', ...pageArgs(options), path])).stdout;
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    info[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return info;
}

/** The document's XMP metadata packet (`pdfinfo -meta`); empty string when there is none. */
export async function pdfMeta(path: string): Promise<string> {
  return (await runOk('pdfinfo', ['-meta', path])).stdout;
}

/** The structure tree with the text of each element (`pdfinfo -struct-text`), as poppler prints it. */
export async function pdfStructText(path: string): Promise<string> {
  return (await runOk('pdfinfo', ['-struct-text', path])).stdout;
}

export interface PdfWordBox {
  /** 1-based page number in the document (`first` is taken into account). */
  page: number;
  pageWidth: number;
  pageHeight: number;
  word: string;
  /** PDF points, origin top-left (poppler's convention). */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** With `layout`: index of the word's block and line on its page (0-based). */
  block?: number;
  line?: number;
}

const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });

const attr = (tag: string, name: string): number => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1] !== undefined ? Number(m[1]) : Number.NaN;
};

/**
 * Word bounding boxes from `pdftotext -bbox` (or `-bbox-layout` with `layout: true`, which adds the
 * block and line each word belongs to).
 */
export async function pdfWordBoxes(
  path: string,
  options: { first?: number; last?: number; layout?: boolean } = {},
): Promise<PdfWordBox[]> {
  const out = (await runOk('pdftotext', ['-enc', 'UTF-8', ...pageArgs(options), options.layout ? '-bbox-layout' : '-bbox', path, '-'])).stdout;
  const boxes: PdfWordBox[] = [];
  let page = (options.first ?? 1) - 1;
  let pageWidth = Number.NaN;
  let pageHeight = Number.NaN;
  let block = -1;
  let line = -1;
  for (const m of out.matchAll(/<(page|block|line)\b([^>]*)>|<word\b([^>]*)>([^<]*)<\/word>/g)) {
    const kind = m[1];
    if (kind === 'page') {
      page += 1;
      pageWidth = attr(m[2] ?? '', 'width');
      pageHeight = attr(m[2] ?? '', 'height');
      block = -1;
      line = -1;
    } else if (kind === 'block') {
      block += 1;
    } else if (kind === 'line') {
      line += 1;
    } else {
      const a = m[3] ?? '';
      boxes.push({
        page,
        pageWidth,
        pageHeight,
        word: decodeXml(m[4] ?? ''),
        xMin: attr(a, 'xMin'),
        yMin: attr(a, 'yMin'),
        xMax: attr(a, 'xMax'),
        yMax: attr(a, 'yMax'),
        ...(options.layout ? { block, line } : {}),
      });
    }
  }
  return boxes;
}

/**
 * The body text of a broadsheet PDF: running heads and folios (which sit in the top and bottom
 * margins) are cut away by cropping to the text block's height, so words broken across a page
 * break are not interleaved with them.
 */
export async function pdfBodyText(path: string, pageSize = 'A5', bleed = false, options: { first?: number; last?: number } = {}): Promise<string> {
  const { pageGeometry } = await import('../../src/write/pdf/page-geometry.js');
  const g = pageGeometry(pageSize, bleed);
  const slack = g.leading * 0.5;
  return pdfText(path, {
    ...options,
    crop: { x: 0, y: g.bleed + g.margins.top - slack, width: g.mediaWidth, height: g.trimHeight - g.margins.top - g.margins.bottom + 2 * slack },
  });
}

/**
 * The text of the structure tree in logical order, as assistive technology reads it (artifacts
 * such as running heads, folios and line-end hyphens are not in it). Pieces of one element are
 * joined as written (a word broken across lines comes back whole); elements are separated by
 * newlines.
 */
export async function pdfStructureText(path: string): Promise<string> {
  const out: string[] = [];
  let inCode = false;
  for (const line of (await pdfStructText(path)).split('\n')) {
    const piece = /^\s*"(.*)"\s*$/.exec(line);
    if (piece) {
      // A code block keeps its own line breaks: each of its pieces is a line (or part of a wrapped one).
      out.push(piece[1] as string, inCode ? '\n' : '');
    } else {
      inCode = /^\s*Code\b/.test(line);
      out.push('\n');
    }
  }
  return out.join('');
}
