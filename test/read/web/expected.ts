/**
 * What a saved page's article is, read from the fixture independently of the reader: the fixtures
 * mark every block of page furniture with `data-furniture`, so the article's words are the page's
 * visible words outside those blocks (without the `<h1>`, which is the title, and the standfirst,
 * which is the subtitle), and the furniture's word count is theirs.
 */
import type { Nodes } from 'hast';
import { parseHtml } from '../../../src/read/html/parse.js';
import { words } from '../../support/words.js';

const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

const text = (node: Nodes): string =>
  node.type === 'text' ? node.value : node.type === 'element' || node.type === 'root' ? node.children.map(text).join(' ') : '';

export interface Expected {
  /** The article's words in order (no title, no subtitle). */
  article: string[];
  /** Words of all the furniture. */
  furniture: number;
  /** Each furniture block's words, to check none comes back. */
  furnitureBlocks: string[];
}

export function expectedWords(source: string, subtitle?: string): Expected {
  const article: string[] = [];
  const furnitureBlocks: string[] = [];
  let furniture = 0;
  const visit = (node: Nodes): void => {
    if (node.type === 'text') article.push(...words(node.value));
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (UNSEEN.has(node.tagName)) return;
      if (node.properties['dataFurniture'] !== undefined) {
        furniture += words(text(node)).length;
        furnitureBlocks.push(text(node).replace(/\s+/g, ' ').trim());
        return;
      }
      if (node.tagName === 'h1') return;
      if (subtitle !== undefined && text(node).replace(/\s+/g, ' ').trim() === subtitle) return;
    }
    node.children.forEach(visit);
  };
  visit(parseHtml(source).tree);
  return { article, furniture, furnitureBlocks };
}
