/**
 * What the XHTML handlers share while they write one document, and the handler signatures: one
 * handler per node type, all with the same shape (as in mdast-util-to-hast's `handlers/`).
 */
import type { Diagnostics } from '../../../check/diagnostic.js';
import type { Block } from '../../../model/block.js';
import type { Inline } from '../../../model/inline.js';
import type { TextDirection } from '../../../model/language.js';
import type { ImageStore } from '../../../images/image.js';
import type { Labels } from '../labels.js';
import type { PageMarker } from '../page-breaks.js';
import type { ArticlePlan, PublicationPlan } from '../plan.js';

/** How far the text of the current paragraph has got, and the page breaks still to place in it. */
export interface InlineCursor {
  /** Characters of `inlineText` written so far. */
  position: number;
  /** Markers not yet written, by ascending offset. */
  pending: PageMarker[];
}

export interface RenderContext {
  article: ArticlePlan;
  publication: PublicationPlan;
  /** Language of the enclosing element; a node in another language gets `lang`/`xml:lang`. */
  lang: string;
  /** Direction of the enclosing element; a node that runs the other way gets `dir`. */
  dir: TextDirection;
  labels: Labels;
  images: ImageStore;
  diagnostics: Diagnostics;
  /** Writing a navigation label: no links, note references, ids or page markers. */
  label: boolean;
  /** Inside an `<a>`: HTML forbids nested links, so inner links give their text only. */
  inLink: boolean;
  cursor?: InlineCursor;
  /** Writes child blocks; `path` is the parent's block path (see page-map.ts). */
  blocks(nodes: readonly Block[], ctx: RenderContext, path: readonly number[]): string;
  inlines(nodes: readonly Inline[], ctx: RenderContext): string;
}

export type BlockOf<K extends Block['type']> = Extract<Block, { type: K }>;
export type InlineOf<K extends Inline['type']> = Extract<Inline, { type: K }>;

/** Writes one block; `path` is its own block path, used to place page-break markers. */
export type BlockHandler<K extends Block['type']> = (node: BlockOf<K>, ctx: RenderContext, path: readonly number[]) => string;
export type InlineHandler<K extends Inline['type']> = (node: InlineOf<K>, ctx: RenderContext) => string;
