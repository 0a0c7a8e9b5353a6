/**
 * Model inlines → styled runs for the typesetter, one handler per inline type.
 *
 * Each run carries an {@link InlineRef}: the structure element its text belongs to (P, Link,
 * Span…), the link it activates, its baseline shift. Runs also record where their text sits in
 * the model's plain text (model/text.ts `inlineText`), because the page map counts offsets there,
 * while the drawn text adds quotation marks and note numbers that the model does not contain.
 */
import type { Inline } from '../../../model/inline.js';
import { repairUrl } from '../../../model/url.js';
import { drawableText, type MissingGlyph } from '../glyph-coverage.js';
import { structChild, type StructNode } from '../tag/struct-node.js';
import { emphasize, strengthen, styleKey, type Face } from '../text-style.js';
import type { Link } from './page-items.js';
import type { Run } from './set-paragraph.js';

export interface InlineRef {
  node: StructNode;
  link?: Link;
  /** Baseline shift in points, up positive (superscript). */
  rise: number;
  /** A named destination placed at this text (the back-link target of a note reference). */
  anchor?: string;
  /** Struck through: a line is drawn through the text (an artifact; the text stays as it is). */
  strike?: boolean;
}

/** A run's place in the concatenated run text and in the model's plain text. */
export interface RunSource {
  start: number;
  end: number;
  /** Offset in the model plain text of `start`; synthetic runs (quote marks) have no length there. */
  source: number;
  synthetic: boolean;
}

export interface InlineContext {
  face: Face;
  size: number;
  /** Element the text belongs to. */
  node: StructNode;
  /** Language in effect (for quotation marks and /Lang on spans). */
  lang: string;
  /** Resolves an internal `#id` link to a named destination, or undefined when there is none. */
  resolveHref(href: string): string | undefined;
  /** The number and destinations of a note reference, or undefined for an unknown note. */
  note(id: string): { label: string; dest: string; backDest: string } | undefined;
  missing: MissingGlyph;
}

export interface InlineRuns {
  runs: Run[];
  sources: RunSource[];
}

interface State {
  out: InlineRuns;
  /** Length of the run text so far. */
  at: number;
  /** Length of the model plain text so far. */
  source: number;
  quoteDepth: number;
}

/** The runs of `inlines`, set in `ctx`'s face and size. */
export function inlineRuns(inlines: readonly Inline[], ctx: InlineContext): InlineRuns {
  const state: State = { out: { runs: [], sources: [] }, at: 0, source: 0, quoteDepth: 0 };
  walk(inlines, ctx, { node: ctx.node, rise: 0 }, state);
  return state.out;
}

/** Maps an offset in the run text back to the model's plain text. */
export function sourceOffset(sources: readonly RunSource[], offset: number): number {
  for (const s of sources) {
    if (offset < s.end || (offset === s.end && s === sources[sources.length - 1])) {
      return s.synthetic ? s.source : s.source + Math.max(0, offset - s.start);
    }
  }
  const last = sources[sources.length - 1];
  return last ? last.source + (last.synthetic ? 0 : last.end - last.start) : 0;
}

function push(state: State, text: string, face: Face, size: number, ref: InlineRef, synthetic: boolean, ctx: InlineContext, sourceLength = text.length): void {
  if (text === '') return;
  const drawn = drawableText(text, face, ctx.missing);
  state.out.runs.push({ text: drawn, style: styleKey({ face, size }), ref, lang: ctx.lang });
  state.out.sources.push({ start: state.at, end: state.at + drawn.length, source: state.source, synthetic });
  state.at += drawn.length;
  if (!synthetic) state.source += sourceLength;
}

function walk(inlines: readonly Inline[], ctx: InlineContext, ref: InlineRef, state: State): void {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        push(state, node.value.replace(/[\r\n]+/g, ' '), ctx.face, ctx.size, ref, false, ctx, node.value.length);
        break;
      case 'break':
        push(state, '\n', ctx.face, ctx.size, ref, false, ctx);
        break;
      case 'code':
        push(state, node.value.replace(/[\r\n]+/g, ' '), ctx.face === 'bold' || ctx.face === 'boldItalic' ? 'monoBold' : 'mono', ctx.size * 0.9, ref, false, ctx, node.value.length);
        break;
      case 'emphasis':
        walk(node.children, { ...ctx, face: emphasize(ctx.face) }, ref, state);
        break;
      case 'strong':
        walk(node.children, { ...ctx, face: strengthen(ctx.face) }, ref, state);
        break;
      case 'strikethrough':
        walk(node.children, ctx, { ...ref, strike: true }, state);
        break;
      case 'subscript':
        walk(node.children, { ...ctx, size: ctx.size * 0.7 }, { ...ref, rise: ref.rise - ctx.size * 0.15 }, state);
        break;
      case 'superscript':
        walk(node.children, { ...ctx, size: ctx.size * 0.7 }, { ...ref, rise: ref.rise + ctx.size * 0.33 }, state);
        break;
      case 'quote': {
        const [open, close] = quoteMarks(ctx.lang, state.quoteDepth);
        push(state, open, ctx.face, ctx.size, ref, true, ctx);
        state.quoteDepth++;
        walk(node.children, ctx, ref, state);
        state.quoteDepth--;
        push(state, close, ctx.face, ctx.size, ref, true, ctx);
        break;
      }
      case 'span': {
        const lang = node.lang ?? ctx.lang;
        const differs = node.lang !== undefined && node.lang.toLowerCase() !== ctx.lang.toLowerCase();
        const span = differs ? structChild(ref.node, 'Span', { lang }) : ref.node;
        walk(node.children, { ...ctx, lang, node: span }, { ...ref, node: span }, state);
        break;
      }
      case 'link': {
        // The same repair as the EPUB's (model/url.ts), so both files open the same address.
        const internal = node.href.startsWith('#');
        const target = internal ? ctx.resolveHref(node.href) : repairUrl(node.href.trim());
        if (target === undefined) {
          walk(node.children, ctx, ref, state);
          break;
        }
        const linkNode = structChild(ref.node, 'Link');
        const text = plain(node.children);
        const link: Link = {
          target: internal ? { dest: target } : { uri: target },
          node: linkNode,
          contents: node.title ?? (text.trim() === node.href || text.trim() === '' ? `Link to ${internal ? 'a place in this document' : target}` : `${text.trim()} (${internal ? 'in this document' : target})`),
        };
        walk(node.children, { ...ctx, node: linkNode }, { ...ref, node: linkNode, link }, state);
        break;
      }
      case 'noteRef': {
        const note = ctx.note(node.id);
        if (!note) break;
        const linkNode = structChild(ref.node, 'Link');
        const link: Link = { target: { dest: note.dest }, node: linkNode, contents: `Note ${note.label}` };
        push(state, note.label, ctx.face, ctx.size * 0.7, { node: linkNode, link, rise: ref.rise + ctx.size * 0.33, anchor: note.backDest }, true, ctx);
        break;
      }
    }
  }
}

function plain(inlines: readonly Inline[]): string {
  return inlines.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('');
}

/** Quotation marks of a language, outer and inner (CLDR delimiters). */
export function quoteMarks(lang: string, depth: number): [string, string] {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const outer = depth % 2 === 0;
  switch (primary) {
    case 'de':
      return outer ? ['\u201E', '\u201C'] : ['\u201A', '\u2018'];
    case 'fr':
      return outer ? ['\u00AB\u00A0', '\u00A0\u00BB'] : ['\u201C', '\u201D'];
    case 'el':
    case 'ru':
    case 'es':
    case 'it':
    case 'pt':
      return outer ? ['\u00AB', '\u00BB'] : ['\u201C', '\u201D'];
    default:
      return outer ? ['\u201C', '\u201D'] : ['\u2018', '\u2019'];
  }
}
