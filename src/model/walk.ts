/**
 * Walks over the blocks of an article, nested ones included, in reading order.
 */
import type { Block } from './block.js';
import type { Article } from './publication.js';

/** Calls `visit` on every block of `blocks` and of the blocks they contain, depth first. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === 'blockquote') walkBlocks(block.children, visit);
    else if (block.type === 'list') for (const item of block.items) walkBlocks(item.children, visit);
  }
}

/** Every block of an article: the body, then the notes. */
export function walkArticle(article: Article, visit: (block: Block) => void): void {
  walkBlocks(article.body, visit);
  for (const note of article.notes) walkBlocks(note.children, visit);
}

/** Replaces blocks in place (nested ones included) with what `map` returns for them. */
export function mapBlocks(blocks: Block[], map: (block: Block) => Block): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = (blocks[i] = map(blocks[i]));
    if (block.type === 'blockquote') mapBlocks(block.children, map);
    else if (block.type === 'list') for (const item of block.items) mapBlocks(item.children, map);
  }
}
