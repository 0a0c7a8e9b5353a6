/**
 * `<picture>` → the figure of its `<img>`, with every `<source srcset>` as a candidate: print wants
 * the best rendition that exists, not the one a browser would pick for a small screen.
 * A `<picture>` without an `<img>` has nothing to fall back to and keeps only its text.
 */
import type { Element } from 'hast';
import { isElement, stringProp } from '../hast.js';
import type { Handler } from '../state.js';
import { imageFigure } from './image.js';

export const picture: Handler = (node, state) => {
  const img = node.children.find((child): child is Element => isElement(child, 'img'));
  if (!img) return state.all(node);
  const srcsets = node.children.filter((child): child is Element => isElement(child, 'source')).map((s) => stringProp(s, 'srcSet') ?? '');
  return imageFigure(img, srcsets);
};
