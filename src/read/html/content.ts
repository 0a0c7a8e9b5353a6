/**
 * Which part of a page is the article, and what is left out around it.
 *
 * - Several `<article>` elements: the one holding most of the text when it clearly dominates (a
 *   story among teasers), else their nearest common container (a live blog, a page of posts). The
 *   one holding the page's `<h1>` wins when it holds half the articles' text. Never silently the
 *   first one.
 * - No `<article>` (or only articles far smaller than the text outside them): `<main>`, else the
 *   whole `<body>` without its site header, footers, sidebars and dialogs.
 * - The `<header>` holding the `<h1>` just before the chosen part (a live blog's title and
 *   standfirst above its entries) is kept with it; standfirst.ts finds the dek in it.
 * - Inside the chosen part, navigation and furniture named by class (share bars, comments, related
 *   links…) are left out — never a subtree holding half its words or the `<h1>`.
 *
 * Every word left out is counted by where it was, so the reader can say what it dropped.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { furnitureByClass, furnitureLabel, isNavigation, pageLandmarkRole } from './furniture.js';
import { hasTag } from './to-model/hast.js';
import { commonAncestor, contentOf, depth, elementsInOrder, findAll, findRole, isAncestor, parentMap, precedes, type ParentMap } from './tree.js';
import { countWords, subtreeWords } from './word-count.js';

/** The article part of a parsed document, as a root holding the chosen element's content. */
export interface ArticleContent {
  root: Root;
  /** The element chosen (undefined when the whole body was used). */
  element?: Element;
  /** Words left out, by where they were (labels may repeat; the reader sums them). */
  dropped: Dropped[];
}

/** Words of one left-out part of the page. */
export interface Dropped {
  /** `nav`, `footer.site-footer`, `aside.related`, … */
  where: string;
  words: number;
}

/**
 * Where pruning happens: inside the chosen article (only navigation and furniture named by class
 * go), or over a whole page (also the site's landmarks). `whole` is the word count of the part kept.
 */
interface Scope {
  mode: 'inside' | 'page';
  whole: number;
  dropped: Dropped[];
  /** On a page: whether an element comes after the page's `<h1>` (so a `<header>` there is the post's). */
  afterTitle?: (node: Element) => boolean;
}

/** Picks the article part of a parsed page and removes the furniture around and inside it. */
export function articleContent(document: Root): ArticleContent {
  const page: Parents = findAll(document, ['body'], true)[0] ?? document;
  const parents = parentMap(page);
  const h1 = findAll(page, ['h1'], false)[0];
  const dropped: Dropped[] = [];
  const chosen = chooseArticle(page, h1, parents);
  if (!chosen) {
    const root: Root = { type: 'root', children: prune(contentOf(page), pageScope(page, h1, dropped)) };
    return finish(root, undefined, dropped);
  }
  const leadIn = h1 ? leadInHeader(h1, chosen, page, parents) : undefined;
  recordOutside(page, leadIn ? [leadIn, chosen] : [chosen], parents, dropped);
  const whole = subtreeWords(chosen) + (leadIn ? subtreeWords(leadIn) : 0);
  const scope: Scope = { mode: 'inside', whole, dropped };
  const children = [...(leadIn ? prune([leadIn], scope) : []), ...prune(chosen.children, scope)];
  return finish({ type: 'root', children }, chosen, dropped);
}

function finish(root: Root, element: Element | undefined, dropped: Dropped[]): ArticleContent {
  return { root, ...(element && { element }), dropped };
}

/** The chosen article element, or undefined to use the whole body. */
function chooseArticle(page: Parents, h1: Element | undefined, parents: ParentMap): Element | undefined {
  const main = findAll(page, ['main'], true)[0] ?? findRole(page, 'main');
  const articles = findAll(page, ['article'], true).map((element) => ({ element, words: keptWords(element) }));
  if (articles.length === 0 || articles.every((a) => a.words === 0)) return main;
  const total = articles.reduce((n, a) => n + a.words, 0);
  const ranked = [...articles].sort((a, b) => b.words - a.words);
  const [top, second] = [ranked[0]!, ranked[1]];
  const withH1 = h1 ? articles.find((a) => isAncestor(a.element, h1, parents)) : undefined;
  let chosen: Element;
  if (withH1 && withH1.words * 2 >= total) chosen = withH1.element;
  else if (!second || top.words >= 2 * second.words) chosen = top.element;
  else chosen = commonAncestor(ranked.filter((a) => a.words * 4 >= top.words).map((a) => a.element), parents) ?? top.element;
  // The articles are teasers around a story written without <article>: text outside every
  // article (what the page keeps once its chrome is gone) far outweighs the choice.
  const outside = Math.max(0, pageWords(page) - total);
  if (keptWords(chosen) * 2 < outside) return main && !isAncestor(chosen, main, parents) ? main : undefined;
  return chosen;
}

/** Words an element keeps once the furniture inside it is left out. */
function keptWords(element: Element): number {
  const sink: Dropped[] = [];
  prune(element.children, { mode: 'inside', whole: subtreeWords(element), dropped: sink });
  return subtreeWords(element) - sink.reduce((n, d) => n + d.words, 0);
}

/** Words the whole page keeps once its chrome is left out. */
function pageWords(page: Parents): number {
  const sink: Dropped[] = [];
  prune(contentOf(page), pageScope(page, findAll(page, ['h1'], false)[0], sink));
  return subtreeWords(page) - sink.reduce((n, d) => n + d.words, 0);
}

/**
 * The `<header>` (or `<hgroup>`, or the bare `<h1>`) holding the page's title just before the
 * chosen part, when both sit in one nearby container: a live blog's title and standfirst above
 * its entries, a story whose headline block precedes `<article>`.
 */
function leadInHeader(h1: Element, chosen: Element, page: Parents, parents: ParentMap): Element | undefined {
  if (isAncestor(chosen, h1, parents)) return undefined;
  let block: Element = h1;
  for (let p = parents.get(h1); p && p !== page && p.type === 'element'; p = parents.get(p)) {
    if (hasTag(p, 'header', 'hgroup')) {
      block = p;
      break;
    }
  }
  if (pageLandmarkRole(block) || findAll(block, ['nav'], false).length > 0 || isAncestor(block, chosen, parents)) return undefined;
  const common = commonAncestor([block, chosen], parents);
  if (!common || common === page || !precedes(block, chosen, page)) return undefined;
  const levels = depth(chosen, parents) - depth(common, parents);
  return levels <= 3 ? block : undefined;
}

/**
 * Removes furniture from `children`. `whole` is the word count of the part being kept: a class name
 * never removes a subtree holding half of it (a wrapper called `content has-sidebar`).
 */
function prune(children: ElementContent[], scope: Scope, sectioned = false): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    if (isFurniture(child, scope, sectioned)) {
      const words = subtreeWords(child);
      if (words > 0) scope.dropped.push({ where: furnitureLabel(child), words });
      return [];
    }
    const inside = sectioned || hasTag(child, 'article', 'aside', 'main', 'nav', 'section');
    return [{ ...child, children: prune(child.children, scope, inside) }];
  });
}

function pageScope(page: Parents, h1: Element | undefined, dropped: Dropped[]): Scope {
  const order = elementsInOrder(page);
  const titleAt = h1 ? order.indexOf(h1) : -1;
  const index = new Map(order.map((e, i) => [e, i]));
  return { mode: 'page', whole: subtreeWords(page), dropped, afterTitle: (node) => titleAt >= 0 && (index.get(node) ?? -1) > titleAt };
}

function isFurniture(node: Element, scope: Scope, sectioned: boolean): boolean {
  if (isNavigation(node)) return true;
  if (furnitureByClass(node) && subtreeWords(node) * 2 <= scope.whole && !holdsTitle(node)) return true;
  if (scope.mode === 'inside') return false;
  // On a whole page, header/footer/aside outside sectioning content are the site's banner,
  // footer and sidebar (their ARIA mapping in HTML-AAM); inside a section they belong to it, and
  // a header after the page's <h1> is the post's own (its standfirst, its byline).
  if (pageLandmarkRole(node) || hasTag(node, 'dialog')) return true;
  if (!sectioned && hasTag(node, 'footer', 'aside')) return true;
  return !sectioned && hasTag(node, 'header') && !holdsTitle(node) && !(scope.afterTitle?.(node) ?? false);
}

const titled = new WeakMap<Element, boolean>();

/** Whether a subtree holds an `<h1>` (cached: pruning asks about every element of a page). */
function holdsTitle(node: Element): boolean {
  const known = titled.get(node);
  if (known !== undefined) return known;
  const found = node.tagName === 'h1' || node.children.some((c) => c.type === 'element' && holdsTitle(c));
  titled.set(node, found);
  return found;
}

/** Records as dropped everything in `page` that is not (inside) one of `keep`. */
function recordOutside(node: Parents, keep: Element[], parents: ParentMap, dropped: Dropped[]): void {
  for (const child of node.children) {
    if (child.type === 'text') {
      const words = countWords(child.value);
      if (words > 0) dropped.push({ where: node.type === 'element' ? furnitureLabel(node) : 'text', words });
      continue;
    }
    if (child.type !== 'element' || keep.includes(child)) continue;
    if (keep.some((k) => isAncestor(child, k, parents))) {
      recordOutside(child, keep, parents, dropped);
      continue;
    }
    const words = subtreeWords(child);
    if (words > 0) dropped.push({ where: furnitureLabel(child), words });
  }
}

