/**
 * What a page's `<head>` (and `<html>`) says about it, gathered with the place each value came from
 * so a bad value can be reported at its line.
 */
import type { Element, Nodes, Root } from 'hast';
import type { Place } from '../types.js';
import { stringProp, textContent } from './to-model/hast.js';

/** A value and where in the file it was written. */
export interface Sourced<T = string> { value: T; place?: Place }

export interface HeadInfo {
  /** `<title>`. */
  title?: Sourced;
  /** `<meta name|property|http-equiv=… content=…>` by lower-cased key, in document order. */
  meta: Map<string, Sourced[]>;
  /** `<link rel=canonical href>`. */
  canonical?: Sourced;
  /** `<html lang>` and `<html dir>`. */
  lang?: Sourced;
  dir?: Sourced;
  /** Texts of `<script type="application/ld+json">`, with the script's place. */
  jsonLd: Sourced[];
}

/** Line and column where a node starts in the file. */
export function placeOf(node: Nodes): Place | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/** Collects head metadata from a whole parsed document (JSON-LD also from the body). */
export function readHead(root: Root): HeadInfo {
  const info: HeadInfo = { meta: new Map(), jsonLd: [] };
  const visit = (node: Nodes): void => {
    if (node.type === 'element') collect(node, info);
    if (node.type === 'element' || node.type === 'root') for (const child of node.children) visit(child);
  };
  visit(root);
  return info;
}

function collect(node: Element, info: HeadInfo): void {
  const place = placeOf(node);
  const sourced = (value: string): Sourced => ({ value, ...(place && { place }) });
  switch (node.tagName) {
    case 'html': {
      const lang = stringProp(node, 'lang')?.trim();
      const dir = stringProp(node, 'dir')?.trim();
      if (lang) info.lang = sourced(lang);
      if (dir) info.dir = sourced(dir);
      break;
    }
    case 'title': {
      const title = textContent(node).replace(/\s+/g, ' ').trim();
      if (title && !info.title) info.title = sourced(title);
      break;
    }
    case 'meta': {
      const key = (stringProp(node, 'name') ?? stringProp(node, 'property') ?? stringProp(node, 'httpEquiv'))?.trim().toLowerCase();
      const content = stringProp(node, 'content')?.trim();
      if (!key || !content) break;
      const list = info.meta.get(key) ?? [];
      list.push(sourced(content));
      info.meta.set(key, list);
      break;
    }
    case 'link': {
      const rel = (stringProp(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = stringProp(node, 'href')?.trim();
      if (rel.includes('canonical') && href && !info.canonical) info.canonical = sourced(href);
      break;
    }
    case 'script': {
      if ((stringProp(node, 'type') ?? '').trim().toLowerCase() === 'application/ld+json') {
        info.jsonLd.push(sourced(textContent(node)));
      }
      break;
    }
  }
}
