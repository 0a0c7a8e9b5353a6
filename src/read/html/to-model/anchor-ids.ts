/**
 * Ids that `#fragment` links may name, kept where the model can hold them. The model gives ids only
 * to headings, figures and tables (model/anchors.ts), but pages put them elsewhere too:
 * `<section id="results"><h2>…` and `<div id="t1"><table>` (on the wrapper), and
 * `<h2><span id="Results">Results</span></h2>` (MediaWiki, inside the heading). Such an id is lent to
 * the heading, figure or table it stands for, so a link to it still lands there.
 */
import type { Element } from 'hast';
import type { Content } from './content.js';
import { stringProp } from './hast.js';

/** The id written on `node`, without the `user-content-` prefix GitHub's renderer adds. */
export function ownId(node: Element): string | undefined {
  const id = stringProp(node, 'id')?.trim().replace(/^user-content-/, '');
  return id ? id : undefined;
}

/**
 * The first id inside `node` (depth first), for a heading that has none of its own. Links are
 * skipped: the id of a note reference (`<a id="fnref-1" href="#fn-1">`) names the reference.
 */
export function innerId(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element' || (child.tagName === 'a' && stringProp(child, 'href') !== undefined)) continue;
    const id = ownId(child) ?? innerId(child);
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * Lends the id of a wrapper element to the first block it produced when that block is a heading,
 * figure or table without an id of its own. Other blocks cannot carry an id; a link to it is then
 * reported by the link pass.
 */
export function lendId(node: Element, content: Content[]): Content[] {
  const id = ownId(node);
  if (id === undefined) return content;
  const first = content[0];
  if (first?.type !== 'block') return content;
  const block = first.block;
  if ((block.type === 'heading' || block.type === 'figure' || block.type === 'table') && block.id === undefined) block.id = id;
  return content;
}
