/**
 * The standfirst (dek): the sentence or two under a news headline that sums the story up. Pages
 * put it in the article's `<header>`; the reader makes it the subtitle when the page gives none.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import type { Place } from '../types.js';
import { placeOf } from './head.js';
import { classes, hasTag, stringProp, textContent } from './to-model/hast.js';
import { elementsInOrder, findAll, parentMap } from './tree.js';
import { subtreeWords } from './word-count.js';

/** Words in a class or id that name a standfirst (dek, summary, intro…). */
const STANDFIRST = /(?:^|[\s_-])(?:standfirst|dek|deck|subtitle|subtitel|subhead|subheading|subheadline|summary|strapline|lede|lead|intro|excerpt|description|teaser|abstract|chapeau|chapo)(?=$|[\s_-])/i;
/** Words in a class or id that name a byline or dateline. */
const BYLINE = /(?:^|[\s_-])(?:byline|author|authors|meta|date|dateline|posted|published|credit|credits|timestamp|time)(?=$|[\s_-])/i;
/** Standfirsts are a sentence or two; a longer one is article text. */
const MAX_STANDFIRST_WORDS = 60;

/**
 * The standfirst in the article's header (the `<header>`/`<hgroup>` holding the `<h1>`, else the
 * first one at the top of the article): a block named so by its class, the `<p>` of an `<hgroup>`,
 * or else the first paragraph after the title that is not a byline.
 */
export function findStandfirst(root: Root): Element | undefined {
  const headers = findAll(root, ['header', 'hgroup'], true);
  const header =
    headers.find((h) => findAll(h, ['h1'], false).length > 0) ??
    root.children.find((c): c is Element => c.type === 'element' && hasTag(c, 'header', 'hgroup')) ??
    headerAfterTitle(root);
  if (!header) return undefined;
  const blocks = findAll(header, ['p', 'div', 'h2', 'h3', 'span'], false).filter(isStandfirstShaped);
  const named = blocks.find((b) => STANDFIRST.test(names(b)));
  if (named) return named;
  if (hasTag(header, 'hgroup')) return blocks.find((b) => hasTag(b, 'p'));
  const title = findAll(header, ['h1'], false)[0];
  if (!title) return undefined;
  const order = elementsInOrder(header);
  const after = order.indexOf(title);
  return blocks.find((b) => hasTag(b, 'p') && order.indexOf(b) > after && !isByline(b));
}

/** A `<header>` right after the `<h1>` (`<h1>Title</h1><header><p class="summary">…`). */
function headerAfterTitle(root: Root): Element | undefined {
  const h1 = findAll(root, ['h1'], false)[0];
  if (!h1) return undefined;
  const parents = parentMap(root);
  const siblings = ((parents.get(h1)?.children ?? []) as Nodes[]).filter((c): c is Element => c.type === 'element');
  const next = siblings[siblings.indexOf(h1) + 1];
  return next && hasTag(next, 'header', 'hgroup') ? next : undefined;
}

function isStandfirstShaped(node: Element): boolean {
  const words = subtreeWords(node);
  const inner = node.children.flatMap((c) => findAll(c, ['img', 'figure', 'picture', 'video', 'h1', 'p'], false));
  return words > 0 && words <= MAX_STANDFIRST_WORDS && inner.length === 0;
}

function isByline(node: Element): boolean {
  if (BYLINE.test(names(node))) return true;
  if (findAll(node, ['time', 'address'], false).length > 0) return true;
  if (findAll(node, ['a'], false).some((a) => /(?:^|\s)author(?:\s|$)/i.test(stringProp(a, 'rel') ?? ''))) return true;
  return /^\s*(?:by|von|par|por|di|door|av|af|بقلم|كتب)\s/iu.test(textContent(node));
}

function names(node: Element): string {
  return [...classes(node), stringProp(node, 'id') ?? ''].join(' ');
}

/**
 * The standfirst of the article's header becomes the subtitle (dek) when the page gives none; one
 * that repeats the subtitle is left out of the body (it is printed as the dek); any other stays text.
 */
export function takeStandfirst(root: Root, meta: Record<string, unknown>, places: Map<string, Place>): Root {
  const node = findStandfirst(root);
  if (!node) return root;
  const text = textContent(node).replace(/\s+/g, ' ').trim();
  const subtitle = meta['subtitle'];
  if (subtitle === undefined) {
    meta['subtitle'] = text;
    const place = placeOf(node);
    if (place) places.set('subtitle', place);
  } else if (typeof subtitle !== 'string' || comparable(subtitle) !== comparable(text)) {
    return root;
  }
  return withoutNode(root, node);
}

function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

function withoutNode(root: Root, target: Element): Root {
  const strip = (children: ElementContent[]): ElementContent[] =>
    children.flatMap((child): ElementContent[] => (child === target ? [] : child.type === 'element' ? [{ ...child, children: strip(child.children) }] : [child]));
  return { ...root, children: strip(root.children as ElementContent[]) };
}
