/**
 * Block handlers: one per model block type, all `(block, place, ctx) → Unit[]`, gathered in one
 * typed map (as unified's handlers are), so a new block type is a compile error until handled.
 */
import type { Block, BlockQuote, CodeBlock, Figure, Heading, List, Paragraph, Table } from '../../../model/block.js';
import type { Inline } from '../../../model/inline.js';
import { inlineText } from '../../../model/text.js';
import type { LoadedImage } from '../../../images/image.js';
import { textWidth } from '../font-metrics.js';
import { drawableText } from '../glyph-coverage.js';
import { structChild, type StructNode, type StructType } from '../tag/struct-node.js';
import { styleKey, type Face } from '../text-style.js';
import type { Measurer } from '../typeset/measure.js';
import { codeLines } from './code-lines.js';
import { figureUnit, type FigureFrame } from './figure-unit.js';
import { baselineIn, lineUnits, shiftItem, type Unit } from './flow.js';
import { inlineRuns, type InlineContext, type InlineRef } from './inline-runs.js';
import type { Link, PageItem } from './page-items.js';
import { setParagraph } from './set-paragraph.js';
import { tableUnits } from './table.js';
import { embeddingLevels, hasRtl, isRtlLang, paragraphDirection, visualLine } from '../text/bidi.js';

/** What every handler needs from the article and the page. */
export interface FlowContext {
  article: number;
  measurer: Measurer;
  fontSize: number;
  leading: number;
  /** Height of the text block: the tallest a unit may be. */
  areaHeight: number;
  images: ReadonlyMap<string, LoadedImage>;
  inline: Omit<InlineContext, 'face' | 'size' | 'node' | 'lang'>;
  /** The named destination of a block that `#id` links may lead to (model/anchors.ts), if any. */
  anchor(block: Block): string | undefined;
  /** Reports an image that will print below 300 dpi. */
  lowResolution(image: LoadedImage, dpi: number, widthPt: number): void;
}

/** Where a block goes: its parent element, language, horizontal extent and model path. */
export interface Place {
  parent: StructNode;
  lang: string;
  x: number;
  width: number;
  path: number[];
  /** Indent the first line (a paragraph following a paragraph, book style). */
  indent: boolean;
  /** The block opens its container: no space above. */
  first: boolean;
}

/** Optional lead-in of a paragraph: a note's number linking back to its reference. */
export interface Lead {
  label: string;
  link: Link;
}

type Handler<B extends Block> = (block: B, place: Place, ctx: FlowContext, lead?: Lead) => Unit[];
type Handlers = { [K in Block['type']]: Handler<Extract<Block, { type: K }>> };

const handlers: Handlers = {
  paragraph: paragraphUnits,
  heading: headingUnits,
  blockquote: blockquoteUnits,
  list: listUnits,
  figure: figureUnits,
  table: (block: Table, place: Place, ctx: FlowContext) => tableUnits(block, place, ctx),
  code: codeUnits,
  thematicBreak: (_block, place, ctx) => [
    {
      height: ctx.leading * 1.5,
      items: [{ kind: 'rule', x1: place.x + place.width * 0.4, x2: place.x + place.width * 0.6, y1: ctx.leading * 0.75, y2: ctx.leading * 0.75, lineWidth: 0.5 }],
      spaceBefore: ctx.leading * 0.25,
      keepWithNext: false,
      origin: { block: place.path, offset: 0 },
      article: ctx.article,
    },
  ],
};

/** Units of one block; a block that `#id` links can name gets its named destination at its top. */
export function blockUnits(block: Block, place: Place, ctx: FlowContext, lead?: Lead): Unit[] {
  const handler = handlers[block.type] as Handler<Block>;
  const units = handler(block, place, ctx, lead);
  const dest = ctx.anchor(block);
  if (dest !== undefined) units[0]?.items.unshift({ kind: 'dest', name: dest, x: place.x, y: 0 });
  return units;
}

/**
 * Units of a sequence of sibling blocks (a container's children), with paragraph indents:
 * a paragraph that follows a paragraph is indented, others start flush.
 */
export function sequenceUnits(blocks: readonly Block[], place: Omit<Place, 'path' | 'indent' | 'first'>, base: number[], ctx: FlowContext, lead?: Lead): Unit[] {
  const out: Unit[] = [];
  blocks.forEach((block, i) => {
    const prev = blocks[i - 1];
    const units = blockUnits(block, { ...place, path: [...base, i], indent: prev?.type === 'paragraph' && block.type === 'paragraph', first: i === 0 }, ctx, i === 0 ? lead : undefined);
    out.push(...units);
  });
  return out;
}

function langAttr(place: Place, lang: string | undefined): { lang?: string } {
  return lang !== undefined && lang.toLowerCase() !== place.lang.toLowerCase() ? { lang } : {};
}

/** Sets inlines as lines in one element; the workhorse of paragraphs, headings, captions, cells. */
export function textUnits(
  inlines: readonly Inline[],
  node: StructNode,
  o: { place: Place; ctx: FlowContext; face: Face; size: number; leading: number; align: 'justify' | 'left' | 'end' | 'center'; hyphenate?: boolean; spaceBefore: number; firstIndent?: number; lead?: Lead; prefix?: string },
): Unit[] {
  const lang = node.attrs.lang ?? o.place.lang;
  const runsCtx: InlineContext = { ...o.ctx.inline, face: o.face, size: o.size, node, lang };
  const { runs, sources } = inlineRuns(inlines, runsCtx);
  const leadRuns: typeof runs = [];
  if (o.lead) {
    leadRuns.push({ text: `${o.lead.label}.`, style: styleKey({ face: 'bold', size: o.size }), ref: { node: o.lead.link.node, link: o.lead.link, rise: 0 } satisfies InlineRef });
    leadRuns.push({ text: '\u00A0', style: styleKey({ face: o.face, size: o.size }), ref: { node, rise: 0 } satisfies InlineRef });
  }
  if (o.prefix !== undefined) leadRuns.push({ text: o.prefix, style: styleKey({ face: o.face, size: o.size }), ref: { node, rise: 0 } satisfies InlineRef });
  const shift = leadRuns.reduce((n, r) => n + r.text.length, 0);
  const allSources = [
    ...(shift > 0 ? [{ start: 0, end: shift, source: 0, synthetic: true }] : []),
    ...sources.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift })),
  ];
  const set = setParagraph([...leadRuns, ...runs], {
    width: o.place.width,
    firstIndent: o.firstIndent ?? 0,
    lang,
    measurer: o.ctx.measurer,
    align: o.align === 'justify' ? 'justify' : 'left',
    hyphenate: o.hyphenate ?? true,
  });
  const allRuns = [...leadRuns, ...runs];
  const text = allRuns.map((r) => r.text).join('');
  const direction = paragraphDirection(lang, text);
  let lines = set.lines;
  if (direction === 'rtl' || hasRtl(text)) {
    const levels = embeddingLevels(text, direction);
    lines = lines.map((line, n) => visualLine(line, text, levels, direction, o.ctx.measurer, n === 0 ? (o.firstIndent ?? 0) : 0));
  }
  // A right-to-left paragraph is set from the right: its start is the right edge.
  const start = direction === 'rtl' ? 'end' : 'start';
  const end = direction === 'rtl' ? 'start' : 'end';
  return lineUnits(lines, {
    article: o.ctx.article,
    leading: o.leading,
    x: o.place.x,
    width: o.place.width,
    firstIndent: direction === 'rtl' ? 0 : o.firstIndent ?? 0,
    align: o.align === 'end' ? end : o.align === 'center' ? 'center' : start,
    sources: allSources,
    block: o.place.path,
    plain: inlineText(inlines),
    face: o.face,
    size: o.size,
    spaceBefore: o.spaceBefore,
  });
}

function paragraphUnits(block: Paragraph, place: Place, ctx: FlowContext, lead?: Lead): Unit[] {
  const node = structChild(place.parent, 'P', langAttr(place, block.lang));
  return textUnits(block.children, node, {
    place, ctx, face: 'regular', size: ctx.fontSize, leading: ctx.leading, align: 'justify',
    spaceBefore: place.indent || place.first ? 0 : ctx.leading * 0.5,
    firstIndent: place.indent ? ctx.fontSize * 1.2 : 0,
    ...(lead ? { lead } : {}),
  });
}

/** Size, face and leading of a heading level (1 is the article title). */
export function headingStyle(level: number, ctx: { fontSize: number; leading: number }): { size: number; face: Face; leading: number } {
  const size = ctx.fontSize * ([1.75, 1.75, 1.3, 1.1, 1, 1, 1][level] ?? 1);
  const face: Face = level >= 4 ? 'boldItalic' : 'bold';
  return { size, face, leading: Math.max(ctx.leading, Math.round(size * 1.25 * 4) / 4) };
}

function headingUnits(block: Heading, place: Place, ctx: FlowContext): Unit[] {
  const type = `H${block.level}` as StructType;
  const node = structChild(place.parent, type, langAttr(place, block.lang));
  const s = headingStyle(block.level, ctx);
  const units = textUnits(block.children, node, {
    place, ctx, face: s.face, size: s.size, leading: s.leading, align: 'left', hyphenate: false,
    spaceBefore: ctx.leading * (block.level === 2 ? 1.25 : 0.9),
  });
  // A heading never ends a page: its lines stay together and with two lines of what follows,
  // even across a one-line paragraph into the next section (applied over the whole article).
  for (const u of units) u.keepWithNext = true;
  const last = units[units.length - 1];
  if (last) last.keepLines = 2;
  const head = units[0];
  if (head) {
    head.outline = { title: inlineText(block.children).trim(), level: block.level };
  }
  return units;
}

function blockquoteUnits(block: BlockQuote, place: Place, ctx: FlowContext): Unit[] {
  const node = structChild(place.parent, 'BlockQuote', langAttr(place, block.lang));
  const inset = nestedIndent(ctx.fontSize * 1.5, place.width, 2, ctx);
  const inner = { parent: node, lang: node.attrs.lang ?? place.lang, x: place.x + inset, width: place.width - 2 * inset };
  const units = sequenceUnits(block.children, inner, place.path, ctx);
  if (block.attribution && block.attribution.length > 0) {
    const p = structChild(node, 'P');
    units.push(
      ...textUnits(block.attribution, p, {
        place: { ...place, ...inner, path: [...place.path, block.children.length], indent: false, first: false },
        ctx, face: 'italic', size: ctx.fontSize, leading: ctx.leading, align: 'end', hyphenate: false, spaceBefore: ctx.leading * 0.25, prefix: '\u2014\u00A0',
      }),
    );
  }
  const first = units[0];
  if (first) first.spaceBefore = place.first ? 0 : ctx.leading * 0.6;
  units.push(spacer(ctx, ctx.leading * 0.6));
  return units;
}

/**
 * The least measure nesting leaves for text: a mail thread quoted fourteen deep or a list nested
 * twenty levels (both met on real pages) would otherwise indent its text off the page.
 */
const MIN_NESTED_MEASURE_EM = 10;

/** `indent` (taken `sides` times from `width`), reduced so that the text keeps its least measure. */
function nestedIndent(indent: number, width: number, sides: number, ctx: FlowContext): number {
  const room = (width - ctx.fontSize * MIN_NESTED_MEASURE_EM) / sides;
  return Math.max(0, Math.min(indent, room));
}

/** Empty room after a block (dropped at a page top like any space). */
function spacer(ctx: FlowContext, height: number): Unit {
  return { height: 0, items: [], spaceBefore: height, keepWithNext: false, article: ctx.article };
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyz';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The label of list item `n` (1-based) at an ordered depth, or the bullet at an unordered depth. */
export function listLabel(ordered: boolean, depth: number, n: number, checked?: boolean): string {
  if (checked !== undefined) return checked ? '[x]' : '[ ]';
  if (!ordered) return depth % 2 === 0 ? '\u2022' : '\u2013';
  switch (depth % 3) {
    case 0: return `${n}.`;
    case 1: return `${n <= 26 ? ALPHA[n - 1] : n}.`;
    default: return `${roman(n)}.`;
  }
}

/** Depth of nesting counted separately for ordered and unordered lists (1. → a. → i.). */
const listDepth = new WeakMap<StructNode, { ordered: number; unordered: number }>();

function listUnits(block: List, place: Place, ctx: FlowContext): Unit[] {
  const outer = enclosingDepth(place.parent);
  const depth = block.ordered ? outer.ordered : outer.unordered;
  const numbering = block.ordered ? (['Decimal', 'LowerAlpha', 'LowerRoman'] as const)[depth % 3] : 'Disc';
  const list = structChild(place.parent, 'L', { ...langAttr(place, block.lang), listNumbering: numbering });
  listDepth.set(list, { ordered: outer.ordered + (block.ordered ? 1 : 0), unordered: outer.unordered + (block.ordered ? 0 : 1) });
  const lang = list.attrs.lang ?? place.lang;
  const labelWidth = nestedIndent(ctx.fontSize * 1.8, place.width, 1, ctx);
  const units: Unit[] = [];
  block.items.forEach((item, i) => {
    const li = structChild(list, 'LI');
    const lbl = structChild(li, 'Lbl');
    const body = structChild(li, 'LBody');
    listDepth.set(body, listDepth.get(list)!);
    const label = listLabel(block.ordered, depth, (block.start ?? 1) + i, item.checked);
    // A right-to-left list is mirrored: labels in the right margin, items set from the right.
    const rtl = isRtlLang(lang);
    const itemUnits = sequenceUnits(item.children, { parent: body, lang, x: rtl ? place.x : place.x + labelWidth, width: place.width - labelWidth }, [...place.path, i], ctx);
    const first = itemUnits[0];
    const size = ctx.fontSize;
    const w = textWidth(label, 'regular', size);
    const firstText = first?.items.find((it) => it.kind === 'text');
    const labelItem: PageItem = {
      kind: 'text',
      x: rtl ? place.x + place.width - labelWidth + size * 0.5 : place.x + labelWidth - size * 0.5 - w,
      y: firstText && firstText.kind === 'text' ? firstText.y : baselineIn(ctx.leading, 'regular', size),
      text: label,
      style: { face: 'regular', size },
      width: w,
      owner: { node: lbl },
    };
    if (first) {
      first.items.unshift(labelItem);
      first.spaceBefore = i === 0 ? (place.first ? 0 : ctx.leading * 0.4) : ctx.leading * 0.15;
      units.push(...itemUnits);
    } else {
      units.push({ height: ctx.leading, items: [labelItem], spaceBefore: 0, keepWithNext: false, article: ctx.article });
    }
  });
  units.push(spacer(ctx, ctx.leading * 0.4));
  return units;
}

function enclosingDepth(node: StructNode | undefined): { ordered: number; unordered: number } {
  for (let n = node; n; n = n.parent) {
    const d = listDepth.get(n);
    if (d) return d;
  }
  return { ordered: 0, unordered: 0 };
}

/** How far a figure may be scaled down to stay on the page it belongs to (a typesetter's ~60%). */
export const FIGURE_MIN_SCALE = 0.6;

function figureUnits(block: Figure, place: Place, ctx: FlowContext): Unit[] {
  const image = ctx.images.get(block.image.src);
  const decorative = block.image.alt === '';
  const hasCaption = (block.caption?.length ?? 0) > 0 || (block.credit?.length ?? 0) > 0;
  const group = hasCaption ? structChild(place.parent, 'Div') : place.parent;
  const captionText = inlineText(block.caption ?? []).trim();
  const figure = decorative ? undefined : structChild(group, 'Figure', { alt: block.image.alt ?? (captionText || 'Image') });
  // Caption lines first (they are measured to leave room for the image).
  const captionUnits: Unit[] = [];
  if (hasCaption) {
    const caption = structChild(group, 'Caption');
    const size = ctx.fontSize * 0.85;
    const leading = Math.round(size * 1.35 * 4) / 4;
    const captionPlace = { ...place, parent: caption, indent: false, first: false };
    if (block.caption?.length) {
      captionUnits.push(...textUnits(block.caption, caption, { place: captionPlace, ctx, face: 'italic', size, leading, align: 'left', spaceBefore: 0 }));
    }
    if (block.credit?.length) {
      captionUnits.push(...textUnits(block.credit, caption, { place: { ...captionPlace, path: [...place.path, 1] }, ctx, face: 'regular', size: size * 0.9, leading, align: 'left', spaceBefore: 0 }));
    }
  }
  const captionHeight = captionUnits.reduce((h, u) => h + u.height, 0);
  const gap = hasCaption ? ctx.leading * 0.4 : 0;
  let width = place.width;
  let height = ctx.leading * 4;
  if (image) {
    // Never wider than the text block, never so tall that it and its caption leave the page.
    // A bitmap's natural print size assumes 150 dpi; an SVG's is its CSS size (96 px to the inch).
    const vector = image.mediaType === 'image/svg+xml';
    const natural = vector ? image.width * 0.75 : (image.width / 150) * 72;
    width = Math.min(place.width, decorative ? natural : Math.max(natural, place.width * 0.5));
    height = (width * image.height) / image.width;
    const maxHeight = ctx.areaHeight * 0.75 - captionHeight - gap;
    if (height > maxHeight) {
      height = maxHeight;
      width = (height * image.width) / image.height;
    }
    const dpi = image.print.kind === 'bitmap' ? image.print.width / (width / 72) : Infinity;
    if (dpi < 300) ctx.lowResolution(image, Math.round(dpi), width);
  }
  const spaceBefore = place.first ? 0 : ctx.leading * 0.75;
  const frame: FigureFrame = {
    left: place.x,
    span: place.width,
    width,
    least: width * FIGURE_MIN_SCALE,
    aspect: image ? image.height / image.width : 1,
    gap,
    captionHeight,
    ...(image ? { image: { id: image.id, owner: figure ? { node: figure } : { artifact: 'Layout' as const } } } : {}),
    captions: captionUnits.map((u) => ({ height: u.height, items: u.items })),
    spaceBefore,
    origin: { block: place.path, offset: 0 },
    article: ctx.article,
  };
  if (figure) figure.attrs.bbox = [0, 0, width, height];
  const unit = figureUnit(frame, width, height);
  // Rather than leave the rest of a page empty, the figure may print down to 60% of its width.
  if (image) unit.shrink = { minHeight: frame.least * frame.aspect + gap + captionHeight, figure: frame };
  return [unit, spacer(ctx, ctx.leading * 0.75)];
}

function codeUnits(block: CodeBlock, place: Place, ctx: FlowContext): Unit[] {
  const node = structChild(place.parent, 'Code');
  const size = ctx.fontSize * 0.82;
  const leading = Math.round(size * 1.35 * 4) / 4;
  const charWidth = textWidth('0', 'mono', size);
  const inset = ctx.fontSize * 0.8;
  const columns = Math.max(8, Math.floor((place.width - inset) / charWidth));
  const baseline = baselineIn(leading, 'mono', size);
  const units: Unit[] = [];
  for (const line of codeLines(block.value)) {
    // CJK, Hangul and emoji take two columns of a monospaced line (East Asian Wide): a line with
    // any wraps at half the columns rather than run past the margin.
    const pieces = wrapCode(line.text, WIDE.test(line.text) ? Math.max(4, Math.floor(columns / 2)) : columns);
    pieces.forEach((piece, k) => {
      const drawn = drawableText(piece.text, 'mono', ctx.inline.missing);
      const items: PageItem[] = drawn === '' ? [] : [{
        kind: 'text',
        x: place.x + inset + (k > 0 ? charWidth * 2 : 0),
        y: baseline,
        text: drawn,
        style: { face: 'mono', size },
        width: WIDE.test(drawn) ? textWidth(drawn, 'mono', size) : drawn.length * charWidth,
        owner: { node },
        ...(k < pieces.length - 1 && piece.space ? { space: true } : {}),
      }];
      // The page map points into the block's value as written (tabs, CRLF), where the EPUB puts its marker.
      units.push({ height: leading, items, spaceBefore: units.length === 0 ? (place.first ? 0 : ctx.leading * 0.5) : 0, keepWithNext: false, origin: { block: place.path, offset: line.source(piece.start) }, article: ctx.article });
    });
  }
  const first = units[0];
  if (first) {
    // A rule beside the code marks it as one block even when it crosses a page.
    for (const u of units) u.items.push({ kind: 'rule', x1: place.x + 1, x2: place.x + 1, y1: 0, y2: u.height, lineWidth: 1 });
  }
  if (units.length >= 2) units[0]!.keepWithNext = true;
  if (units.length >= 3) units[units.length - 2]!.keepWithNext = true;
  units.push(spacer(ctx, ctx.leading * 0.5));
  return units;
}

/** A character that continues the cluster before it: a low surrogate, a combining mark, a joiner or selector. */
const CLUSTER_CONTINUES = /^[\uDC00-\uDFFF\p{M}\u200D\uFE00-\uFE0F]$/u;

/** Characters of East Asian Wide width (CJK, kana, Hangul, fullwidth forms, emoji). */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/**
 * Breaks a code line into pieces of at most `columns` characters, at the last space that fits
 * when there is one (the space stays at the end of the first piece), else mid-token.
 */
export function wrapCode(text: string, columns: number): { text: string; start: number; space: boolean }[] {
  const out: { text: string; start: number; space: boolean }[] = [];
  let start = 0;
  let width = columns;
  while (text.length - start > width) {
    const slice = text.slice(start, start + width + 1);
    let cut = slice.lastIndexOf(' ');
    const indentEnd = slice.search(/\S/);
    if (cut <= indentEnd || cut <= 0) cut = width;
    // Never between the halves of a surrogate pair or before a combining mark: that would draw
    // two broken halves (an emoji in a comment) instead of the character.
    while (cut > 1 && CLUSTER_CONTINUES.test(text.charAt(start + cut))) cut--;
    const piece = text.slice(start, start + cut);
    const space = text[start + cut] === ' ';
    out.push({ text: piece.replace(/ +$/, ''), start, space: space || / $/.test(piece) });
    start += cut;
    while (text[start] === ' ') start++;
    width = columns - 2;
  }
  out.push({ text: text.slice(start), start, space: false });
  return out;
}
