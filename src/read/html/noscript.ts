/**
 * Lazy-loaded images: pages write a placeholder `<img>` (a blank data: GIF, the real address in
 * `data-src`) followed by `<noscript><img src="real.jpg"></noscript>` for browsers without scripts.
 * The page is parsed with scripting on, so the `<noscript>` holds raw text and is dropped with it;
 * here the image inside it replaces the placeholder just before it, as Mozilla's Readability does
 * (unwrapNoscriptImages). A `<noscript>` that does not follow an image (a tracking pixel, a
 * tag-manager frame) is left alone, and the sanitizer drops it.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { parseHtml } from './parse.js';
import { isWhitespace } from './to-model/hast.js';

/** Replaces each placeholder image followed by a `<noscript>` holding one image with that image. */
export function unwrapNoscriptImages(tree: Root): void {
  visit(tree);
}

function visit(parent: Root | Element): void {
  const children = parent.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'element') continue;
    if (node.tagName !== 'noscript') {
      visit(node);
      continue;
    }
    const before = previousElement(children, i);
    const image = before && before.node.tagName === 'img' ? onlyImage(node) : undefined;
    if (!before || !image) continue;
    const alt = image.properties['alt'];
    if ((alt === undefined || alt === '') && before.node.properties['alt'] !== undefined) image.properties['alt'] = before.node.properties['alt'];
    children.splice(i, 1);
    children[before.index] = image;
    i--;
  }
}

function previousElement(children: Nodes[], index: number): { node: Element; index: number } | undefined {
  for (let j = index - 1; j >= 0; j--) {
    const node = children[j]!;
    if (node.type === 'element') return { node, index: j };
    if (!isWhitespace(node)) return undefined;
  }
  return undefined;
}

/** The one `<img>` a `<noscript>` holds (its raw text parsed once), or undefined. */
function onlyImage(noscript: Element): Element | undefined {
  const text = noscript.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
  if (!/<img\b/i.test(text)) return undefined;
  const content = parseHtml(text, { fragment: true }).tree.children.filter((c): c is ElementContent => c.type !== 'doctype' && !isWhitespace(c));
  const [only] = content;
  return content.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}
