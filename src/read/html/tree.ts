/**
 * Walking a hast tree upwards and in document order: parents, ancestors, common containers. hast
 * nodes have no parent pointer, so a map of parents is built once per page.
 */
import type { Element, ElementContent, Nodes, Parents } from 'hast';
import { stringProp } from './to-model/hast.js';

/** Each node's parent. */
export type ParentMap = Map<Nodes, Parents>;

/** Each node's parent, for walking up. */
export function parentMap(root: Parents): ParentMap {
  const map: ParentMap = new Map();
  const visit = (node: Parents): void => {
    for (const child of node.children) {
      map.set(child, node);
      if (child.type === 'element') visit(child);
    }
  };
  visit(root);
  return map;
}

/** Whether `ancestor` holds `node` (not counting `node` itself). */
export function isAncestor(ancestor: Nodes, node: Nodes, parents: ParentMap): boolean {
  for (let p = parents.get(node); p; p = parents.get(p)) if (p === ancestor) return true;
  return false;
}

/** How many ancestors `node` has. */
export function depth(node: Nodes, parents: ParentMap): number {
  let n = 0;
  for (let p = parents.get(node); p; p = parents.get(p)) n++;
  return n;
}

/** The nearest element holding all of `nodes` (undefined when only the page root does). */
export function commonAncestor(nodes: Element[], parents: ParentMap): Element | undefined {
  const chain = (node: Nodes): Parents[] => {
    const out: Parents[] = [];
    for (let p = parents.get(node); p; p = parents.get(p)) out.push(p);
    return out;
  };
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  if (rest.length === 0) return first;
  const candidates = chain(first);
  const found = candidates.find((c) => rest.every((n) => isAncestor(c, n, parents)));
  return found?.type === 'element' ? found : undefined;
}

/** Whether `a` starts before `b` in document order. */
export function precedes(a: Element, b: Element, page: Parents): boolean {
  const order = elementsInOrder(page);
  return order.indexOf(a) < order.indexOf(b);
}

/** Every element under `root`, in document order. */
export function elementsInOrder(root: Parents): Element[] {
  const out: Element[] = [];
  const visit = (node: Parents): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** The children of a root or element that can go into an element (no doctype). */
export function contentOf(node: Parents): ElementContent[] {
  return (node.children as Nodes[]).filter((c): c is ElementContent => c.type === 'element' || c.type === 'text' || c.type === 'comment');
}

/** The first element whose `role` holds `role`. */
export function findRole(node: Parents, role: string): Element | undefined {
  return elementsInOrder(node).find((e) => (stringProp(e, 'role') ?? '').split(/\s+/).includes(role));
}

/** Elements named one of `names`, in document order; with `outermost`, not those nested in another one. */
export function findAll(node: Nodes, tags: string[], outermost: boolean): Element[] {
  const found: Element[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'element' && tags.includes(n.tagName)) {
      found.push(n);
      if (outermost) return;
    }
    if (n.type === 'element' || n.type === 'root') for (const child of n.children) visit(child);
  };
  visit(node);
  return found;
}
