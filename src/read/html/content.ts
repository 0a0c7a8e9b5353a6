/**
 * Which part of a page is the article. Prefer `<article>` (the one holding the `<h1>`, else the one
 * with the most text), then `<main>`, then `<body>`. Site chrome outside the article — navigation,
 * the site header, footers, sidebars — is left out; inside an `<article>` everything stays except
 * navigation.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { hasTag, roles, textContent } from './to-model/hast.js';

/** The article part of a parsed document, as a root holding the chosen element's content. */
export interface ArticleContent {
  root: Root;
  /** The element chosen (undefined when the whole document was used). */
  element?: Element;
}

const CHROME_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search'];

/** Picks the article part of a parsed page and removes the chrome around it. */
export function articleContent(document: Root): ArticleContent {
  const articles = findAll(document, 'article', true);
  const withH1 = articles.find((a) => findAll(a, 'h1', false).length > 0);
  const longest = [...articles].sort((a, b) => textContent(b).length - textContent(a).length)[0];
  const chosen = withH1 ?? longest ?? findAll(document, 'main', true)[0];
  if (chosen) {
    return { root: { type: 'root', children: prune(chosen.children, 'inside') }, element: chosen };
  }
  const body = findAll(document, 'body', true)[0];
  return { root: { type: 'root', children: prune(body ? body.children : document.children.filter(isContent), 'page') } };
}

function isContent(node: Root['children'][number]): node is ElementContent {
  return node.type === 'element' || node.type === 'text' || node.type === 'comment';
}

/** Elements named `name`, outermost first; with `outermost`, not those nested in another one. */
function findAll(node: Nodes, name: string, outermost: boolean): Element[] {
  const found: Element[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'element' && n.tagName === name) {
      found.push(n);
      if (outermost) return;
    }
    if (n.type === 'element' || n.type === 'root') for (const child of n.children) visit(child);
  };
  visit(node);
  return found;
}

/**
 * Removes navigation everywhere; on a page without `<article>`/`<main>` also the site's header
 * (unless it holds the `<h1>`, then it is the article's header), footers and sidebars.
 */
function prune(children: ElementContent[], where: 'inside' | 'page'): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    if (hasTag(child, 'nav') || roles(child).some((r) => r === 'navigation' || r === 'search')) return [];
    if (where === 'page') {
      const chrome = hasTag(child, 'footer', 'aside') || roles(child).some((r) => CHROME_ROLES.includes(r));
      const siteHeader = hasTag(child, 'header') && findAll(child, 'h1', false).length === 0;
      if (chrome || siteHeader) return [];
    }
    return [{ ...child, children: prune(child.children, where) }];
  });
}
