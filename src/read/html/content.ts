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
 * - With a Readability guide (a whole page with no clear `<article>`, see readability.ts): the nearest
 *   element holding everything Readability kept is the article; inside it, what Readability dropped
 *   is left out too, except the kinds of article text it is known to strip (pull-quote asides,
 *   figures and captions, quotations, tables, the article's header with its standfirst and byline,
 *   and bare paragraphs beside the article).
 *
 * Every word left out is counted by where it was, so the reader can say what it dropped.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { placeOf } from './head.js';
import type { ReadabilityPick } from './readability.js';
import { furnitureByClass, furnitureLabel, isNavigation, pageLandmarkRole } from './furniture.js';
import { hasTag } from './to-model/hast.js';
import { commonAncestor, contentOf, depth, elementsInOrder, findAll, findRole, isAncestor, parentMap, precedes, type ParentMap } from './tree.js';
import { countWords, subtreeWords, visibleText } from './word-count.js';

/** The article part of a parsed document, as a root holding the chosen element's content. */
export interface ArticleContent {
  root: Root;
  /** The element chosen (undefined when the whole body was used). */
  element?: Element;
  /** Words left out, by where they were (labels may repeat; the reader sums them). */
  dropped: Dropped[];
  /** How the part was chosen: one `<article>`, the container of several, `<main>`, the body, or Readability's guide. */
  how: 'article' | 'articles' | 'main' | 'body' | 'readability';
}

/** Words of one left-out part of the page. */
export interface Dropped {
  /** `nav`, `footer.site-footer`, `aside.related`, … */
  where: string;
  words: number;
  /** The first words of the part, for `--verbose`. */
  text: string;
  /** Where the part starts in the file. */
  line?: number;
  column?: number;
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
  /** Readability's guide: whether it dropped an element (and everything in it). */
  extraneous?: (node: Element) => boolean;
}

/**
 * Picks the article part of a parsed page and removes the furniture around and inside it; with
 * `guide` (Readability's pick), the part Readability found.
 */
export function articleContent(document: Root, guide?: ReadabilityPick): ArticleContent {
  const page: Parents = findAll(document, ['body'], true)[0] ?? document;
  const parents = parentMap(page);
  const h1 = findAll(page, ['h1'], false)[0];
  const dropped: Dropped[] = [];
  const guided = guide ? guidedArticle(page, guide, parents) : undefined;
  const { element: chosen, how } = guided ?? chooseArticle(page, h1, parents);
  if (!chosen) {
    const scope = pageScope(page, h1, dropped);
    if (guided) scope.extraneous = guided.extraneous;
    const root: Root = { type: 'root', children: prune(contentOf(page), scope) };
    return { root, dropped, how };
  }
  const leadIn = h1 ? leadInHeader(h1, chosen, page, parents) : undefined;
  const besides = guided ? paragraphsBeside(chosen, page, parents) : [];
  const keep = inDocumentOrder([...(leadIn ? [leadIn] : []), ...besides, chosen], page);
  recordOutside(page, keep, parents, dropped);
  const whole = keep.reduce((n, k) => n + subtreeWords(k), 0);
  const scope: Scope = { mode: 'inside', whole, dropped, ...(guided && { extraneous: guided.extraneous }) };
  const children = keep.flatMap((k) => (k === chosen ? prune(chosen.children, scope) : prune([k], scope)));
  return { root: { type: 'root', children }, element: chosen, dropped, how };
}

/**
 * Paragraphs standing beside Readability's article (siblings of it or of the elements around it):
 * furniture comes in boxes (a list, a `<div>`, a landmark), while a bare `<p>` next to the story is
 * the story's, however short, and Readability leaves short ones out.
 */
function paragraphsBeside(chosen: Element, page: Parents, parents: ParentMap): Element[] {
  const found: Element[] = [];
  for (let node: Parents = chosen, parent = parents.get(node); parent; node = parent, parent = parents.get(node)) {
    for (const sibling of parent.children) {
      if (sibling !== node && sibling.type === 'element' && hasTag(sibling, 'p') && subtreeWords(sibling) > 0 && !furnitureByClass(sibling)) found.push(sibling);
    }
    if (parent === page) break;
  }
  return found;
}

function inDocumentOrder(elements: Element[], page: Parents): Element[] {
  if (elements.length < 2) return elements;
  const index = new Map(elementsInOrder(page).map((e, i) => [e, i]));
  return [...elements].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
}

/** Tags of article text Readability strips and broadsheet keeps (with everything inside them). */
const SHIELDED = new Set(['aside', 'blockquote', 'figure', 'figcaption', 'picture', 'h1', 'header', 'hgroup', 'table', 'pre']);

/**
 * Blocks whose absence from Readability's article means it dropped them. Phrasing elements are not
 * judged: Readability unwraps some while keeping their words (a `javascript:` link becomes its text).
 */
const JUDGED = new Set(['div', 'section', 'ul', 'ol', 'dl', 'li', 'p', 'form', 'fieldset', 'footer', 'address', 'details', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The article as Readability sees it: the nearest element holding everything it kept (the body when
 * that is the page), and which elements it dropped. A block counts as dropped only when neither it
 * nor anything inside it survived; nothing inside a SHIELDED element is judged (a site's own header
 * is still left out by the page rules).
 */
function guidedArticle(page: Parents, guide: ReadabilityPick, parents: ParentMap): { element?: Element; how: 'readability'; extraneous: (node: Element) => boolean } {
  const kept = [...guide.kept].filter((e) => subtreeWords(e) > 0);
  const container = commonAncestor(kept, parents);
  const holdsKept = new Set<Element>();
  for (const element of kept) {
    for (let p: Parents | undefined = element; p && p !== page && p.type === 'element'; p = parents.get(p)) {
      if (holdsKept.has(p)) break;
      holdsKept.add(p);
    }
  }
  const extraneous = (node: Element): boolean =>
    JUDGED.has(node.tagName) && !holdsKept.has(node) && !guide.kept.has(node) && !besideKept(node);
  // A bare paragraph beside what Readability kept (or loose in the body) is text, however short:
  // furniture comes in boxes (a list, a <div>, a landmark), and Readability leaves short <p>s out.
  const besideKept = (node: Element): boolean => {
    const parent = parents.get(node);
    return hasTag(node, 'p') && parent !== undefined && (parent === page || (parent.type === 'element' && (holdsKept.has(parent) || hasTag(parent, 'body'))));
  };
  const element = container && container !== page && !hasTag(container, 'body', 'html') ? container : undefined;
  return { ...(element && { element }), how: 'readability', extraneous };
}

/** The chosen article element, or undefined to use the whole body, and how it was chosen. */
function chooseArticle(page: Parents, h1: Element | undefined, parents: ParentMap): { element?: Element; how: ArticleContent['how'] } {
  const how = (element: Element | undefined, kind: 'article' | 'articles'): { element?: Element; how: ArticleContent['how'] } =>
    element === undefined ? { how: 'body' } : hasTag(element, 'main') || element === main ? { element, how: 'main' } : { element, how: hasTag(element, 'article') ? 'article' : kind };
  const main = findAll(page, ['main'], true)[0] ?? findRole(page, 'main');
  return how(pickArticle(page, h1, parents, main), 'articles');
}

function pickArticle(page: Parents, h1: Element | undefined, parents: ParentMap, main: Element | undefined): Element | undefined {
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
      record(child, scope.dropped);
      return [];
    }
    const inside = sectioned || hasTag(child, 'article', 'aside', 'main', 'nav', 'section');
    // Inside what Readability is known to over-strip, its guide no longer applies.
    const shielded = scope.extraneous && SHIELDED.has(child.tagName);
    return [{ ...child, children: prune(child.children, shielded ? { ...scope, extraneous: undefined } : scope, inside) }];
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
  if (scope.extraneous?.(node) && subtreeWords(node) > 0 && !holdsTitle(node)) return true;
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
      if (words > 0) dropped.push({ where: node.type === 'element' ? furnitureLabel(node) : 'text', words, text: firstWords(child.value), ...placeOf(child) });
      continue;
    }
    if (child.type !== 'element' || keep.includes(child)) continue;
    if (keep.some((k) => isAncestor(child, k, parents))) {
      recordOutside(child, keep, parents, dropped);
      continue;
    }
    record(child, dropped);
  }
}

/** Records a left-out element with its word count, first words and place (nothing for an empty one). */
function record(node: Element, dropped: Dropped[]): void {
  const words = subtreeWords(node);
  if (words > 0) dropped.push({ where: furnitureLabel(node), words, text: firstWords(visibleText(node)), ...placeOf(node) });
}

/** Words shown of each dropped part in `--verbose`. */
const FIRST_WORDS = 8;

function firstWords(text: string): string {
  const all = text.trim().split(/\s+/u);
  return all.slice(0, FIRST_WORDS).join(' ') + (all.length > FIRST_WORDS ? ' …' : '');
}

