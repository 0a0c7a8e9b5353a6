/**
 * The block handlers, one per node type, in a map the compiler checks for completeness, and the
 * dispatcher that places page-break markers: inside a paragraph or a code listing at their
 * character, in a table at their row, before any other block.
 */
import type { Block } from '../../../../model/block.js';
import { pathKey } from '../../page-breaks.js';
import type { BlockHandler, BlockOf, RenderContext } from '../context.js';
import { pageBreak } from '../page-break.js';
import { blockquote } from './blockquote.js';
import { code } from './code.js';
import { figure } from './figure.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';

export const blockHandlers: { [K in Block['type']]: BlockHandler<K> } = {
  heading, paragraph, blockquote, list, figure, table, code, thematicBreak,
};

/** Writes one block at `path`, with the page-break markers recorded for it. */
export function renderBlock<K extends Block['type']>(node: BlockOf<K>, ctx: RenderContext, path: readonly number[]): string {
  const handler = blockHandlers[node.type] as BlockHandler<K>;
  const markers = ctx.label ? [] : (ctx.article.pages.get(pathKey(path)) ?? []);
  // Paragraphs, code and tables place their markers themselves, at the character or row the page begins.
  if ((node.type === 'paragraph' || node.type === 'code' || node.type === 'table') && markers.length > 0) {
    return handler(node, { ...ctx, cursor: { position: 0, pending: [...markers] } }, path);
  }
  // A copy only to drop a parent's cursor: a copy for every block was a visible share of the EPUB's time.
  return markers.map(pageBreak).join('') + handler(node, ctx.cursor === undefined ? ctx : { ...ctx, cursor: undefined }, path);
}

/**
 * Writes child blocks; `parent` is the path of the container (`[]` for an article body). Blocks are
 * separated by line breaks, which XHTML ignores between blocks but which keep words apart for
 * naive text extraction.
 */
export function renderBlocks(nodes: readonly Block[], ctx: RenderContext, parent: readonly number[]): string {
  return nodes.map((node, i) => renderBlock(node, ctx, [...parent, i])).join('\n');
}
