/**
 * `<a>` → link, note reference, or nothing:
 * - a note reference (see ../footnotes.ts) → noteRef; its label is dropped, the writers number notes;
 * - a back-link from a note (↩) → nothing;
 * - an http(s), mailto or tel address, a `#fragment` or a relative reference → link, as written
 *   (read/resolve-links.ts repairs, resolves or unwraps it once the whole publication is read);
 * - any other target (javascript:, none) → its text, unwrapped.
 */
import { allowedHref } from '../../url-policy.js';
import { wrapInline } from '../flow.js';
import { fragmentTarget, isBackref, isNoteRef } from '../footnotes.js';
import { stringProp } from '../hast.js';
import type { Handler } from '../state.js';

export const link: Handler = (node, state) => {
  const index = state.noteIndex;
  if (isBackref(node, index)) return [];
  const target = fragmentTarget(node);
  const note = target === undefined ? undefined : index.targets.get(target);
  if (note !== undefined && isNoteRef(node, index)) return [{ type: 'noteRef', id: note }];
  const href = note !== undefined ? `#${note}` : allowedHref(stringProp(node, 'href'));
  const children = state.all(node);
  if (href === undefined) return children;
  const title = stringProp(node, 'title')?.trim();
  return wrapInline(children, (inner) => ({ type: 'link', href, ...(title && { title }), children: inner }));
};
