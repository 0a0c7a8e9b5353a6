/**
 * `<figure>` → figure (or a captioned table). `<figcaption>` becomes the caption, and a `<small>` or
 * `.credit` inside it the credit. A figure that holds something else than one image or one table
 * keeps all of it, with the caption as a paragraph after it.
 */
import type { Element, ElementContent } from 'hast';
import type { Block, Inline } from '../../../../model/index.js';
import { blockPiece, type Content } from '../content.js';
import { flow, phrasing } from '../flow.js';
import { classes, isElement, stringProp } from '../hast.js';
import type { Handler, State } from '../state.js';

export const figure: Handler = (node, state) => {
  const figcaption = node.children.find((child): child is Element => isElement(child, 'figcaption'));
  const blocks = flow(node.children.filter((child) => child !== figcaption).flatMap((child) => state.one(child)));
  const { caption, credit } = figcaption ? captionParts(figcaption, state) : { caption: [], credit: [] };
  const id = stringProp(node, 'id');
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only?.type === 'figure') {
    const image = caption.length > 0 && only.caption ? { ...only.image, title: phrasingText(only.caption) } : only.image;
    return [
      blockPiece({
        ...only,
        ...(id && { id }),
        image,
        ...(caption.length > 0 && { caption }),
        ...(credit.length > 0 && { credit }),
      }),
    ];
  }
  const out: Block[] = [...blocks];
  if (only?.type === 'table' && !only.caption && caption.length > 0) {
    out[0] = { ...only, ...(id && { id }), caption };
  } else if (caption.length > 0) {
    out.push({ type: 'paragraph', children: caption });
  }
  if (credit.length > 0) out.push({ type: 'paragraph', children: credit });
  return out.map(blockPiece);
};

function captionParts(figcaption: Element, state: State): { caption: Inline[]; credit: Inline[] } {
  const credits: Content[] = [];
  const strip = (node: Element): Element => ({
    ...node,
    children: node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      if (child.tagName === 'small' || classes(child).includes('credit')) {
        credits.push(...state.one(child));
        return [];
      }
      return [strip(child)];
    }),
  });
  const caption = phrasing(state.all(strip(figcaption)));
  return { caption, credit: phrasing(credits) };
}

function phrasingText(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.value : '')).join('');
}
