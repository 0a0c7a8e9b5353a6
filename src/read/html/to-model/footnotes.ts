/**
 * Recognising notes in HTML. Shapes understood:
 * - GFM as GitHub, remark-rehype and the Markdown reader (../../markdown/footnotes.ts) write it:
 *   `a[data-footnote-ref]` → `section[data-footnotes] > ol > li[id]` with `a[data-footnote-backref]`
 *   arrows;
 * - DPUB-ARIA: `a[role=doc-noteref]`, `section[role=doc-endnotes]`, `aside[role=doc-footnote]`,
 *   `[role=doc-backlink]` (https://www.w3.org/TR/dpub-aria-1.1/);
 * - Pandoc, Python-Markdown and kramdown classes: `.footnotes`, `.footnote`, `.footnote-ref`,
 *   `.footnote-backref`, `.reversefootnote`.
 * Notes are indexed before mapping because references come before their definitions.
 */
import type { Element, Nodes } from 'hast';
import { classes, hasProp, isElement, roles, stringProp, textContent } from './hast.js';

export interface NoteIndex {
  /** HTML id of a note definition → the note's id in the model. */
  readonly targets: ReadonlyMap<string, string>;
  /** HTML ids of note references (and their `<sup>`), which back-links point to. */
  readonly refs: ReadonlySet<string>;
}

/** The model id of a note: the HTML id without GFM's `user-content-` clobber prefix. */
export function noteId(htmlId: string): string {
  return htmlId.replace(/^user-content-/, '');
}

/** A block that holds a list of notes (an endnotes section). */
export function isNoteContainer(node: Element): boolean {
  if (hasProp(node, 'dataFootnotes') || roles(node).includes('doc-endnotes')) return true;
  const names = classes(node);
  return names.includes('footnotes') || (names.includes('footnote') && !isElement(node, 'a', 'li', 'sup', 'span'));
}

/** One note on its own (`aside[role=doc-footnote]`). */
export function isSingleNote(node: Element): boolean {
  const r = roles(node);
  return (r.includes('doc-footnote') || r.includes('doc-endnote')) && stringProp(node, 'id') !== undefined;
}

/** The `#id` a link points to inside the document, or undefined. */
export function fragmentTarget(node: Element): string | undefined {
  const href = stringProp(node, 'href');
  if (!href?.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** A link that is a note reference: marked as one, or a short label such as `1`, `[2]` or `*`. */
export function isNoteRef(node: Element, index: NoteIndex, parent?: Element): boolean {
  if (!isElement(node, 'a')) return false;
  const target = fragmentTarget(node);
  if (target === undefined || !index.targets.has(target)) return false;
  if (hasProp(node, 'dataFootnoteRef') || roles(node).includes('doc-noteref')) return true;
  if (classes(node).includes('footnote-ref') || (parent && classes(parent).includes('footnote-ref'))) return true;
  // "1", "[12]", "a", "*", "†": a marker, not words such as "see".
  return /^\s*\[?\s*(?:\p{N}{1,4}|\p{L}{1,2}|[*†‡§¶]{1,3})\s*\]?\s*$/u.test(textContent(node));
}

/** A link from a note back to its reference (the ↩ arrow), which the writers make themselves. */
export function isBackref(node: Element, index: NoteIndex): boolean {
  if (hasProp(node, 'dataFootnoteBackref') || roles(node).includes('doc-backlink')) return true;
  const names = classes(node);
  if (names.some((n) => n === 'footnote-backref' || n === 'data-footnote-backref' || n === 'reversefootnote')) return true;
  const target = fragmentTarget(node);
  return target !== undefined && index.refs.has(target);
}

/** Finds every note definition and reference in the tree. */
export function indexNotes(root: Nodes): NoteIndex {
  const targets = new Map<string, string>();
  const refs = new Set<string>();
  const define = (node: Element): void => {
    const id = stringProp(node, 'id');
    if (id && !targets.has(id)) targets.set(id, noteId(id));
  };
  const definitions = (node: Nodes, inContainer: boolean): void => {
    if (node.type !== 'element' && node.type !== 'root') return;
    let inside = inContainer;
    if (node.type === 'element') {
      if (isSingleNote(node) || (inContainer && isElement(node, 'li'))) define(node);
      if (isNoteContainer(node)) inside = true;
    }
    for (const child of node.children) definitions(child, inside);
  };
  definitions(root, false);
  const references = (node: Nodes, parent?: Element): void => {
    if (node.type === 'element') {
      if (isNoteRef(node, { targets, refs }, parent)) {
        const id = stringProp(node, 'id');
        if (id) refs.add(id);
        const parentId = parent && isElement(parent, 'sup') ? stringProp(parent, 'id') : undefined;
        if (parentId) refs.add(parentId);
      }
      for (const child of node.children) references(child, node);
    } else if (node.type === 'root') {
      for (const child of node.children) references(child);
    }
  };
  references(root);
  return { targets, refs };
}
