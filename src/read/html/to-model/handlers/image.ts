/**
 * `<img>` → figure. The model has no inline images, so an image always makes a block; alone in a
 * paragraph that is exactly Markdown's `![alt](src "title")`. The title becomes the caption.
 * `srcset` candidates become the figure's `sources`, best first (srcset.ts); `src` stays the
 * fallback. An image whose sources were all refused (javascript:, an absolute path) leaves its alt
 * text behind as text, never a figure without a source.
 */
import type { Element } from 'hast';
import type { Figure } from '../../../../model/index.js';
import { allowedSrc } from '../../url-policy.js';
import { blockPiece, type Content } from '../content.js';
import { stringProp } from '../hast.js';
import { rankSrcsets } from '../srcset.js';
import type { Handler } from '../state.js';

export const image: Handler = (node) => imageFigure(node, []);

/** The figure of an `<img>`, with `extraSrcsets` (from `<picture><source>`) also ranked. */
export function imageFigure(node: Element, extraSrcsets: readonly string[]): Content[] {
  const sources = rankSrcsets([...extraSrcsets, stringProp(node, 'srcSet') ?? '']);
  const src = allowedSrc(stringProp(node, 'src')) ?? sources[0];
  const alt = stringProp(node, 'alt');
  // Spaces keep the alt text of neighbouring images apart; whitespace collapsing removes extras.
  if (src === undefined) return alt ? [{ type: 'text', value: ` ${alt} ` }] : [];
  const title = stringProp(node, 'title')?.trim();
  const id = stringProp(node, 'id');
  const figure: Figure = {
    type: 'figure',
    ...(id && { id }),
    image: { src, ...(alt !== undefined && { alt }), ...(sources.length > 0 && !(sources.length === 1 && sources[0] === src) && { sources }) },
    ...(title && { caption: [{ type: 'text', value: title }] }),
  };
  return [blockPiece(figure)];
}
