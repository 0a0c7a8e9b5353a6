/**
 * `<sup>` → superscript, except around a note reference (GFM writes `<sup><a data-footnote-ref>`):
 * the reference alone is kept, since the writers format note markers themselves.
 */
import { wrapInline } from '../flow.js';
import type { Handler } from '../state.js';

export const superscript: Handler = (node, state) => {
  const children = state.all(node);
  const shown = children.filter((c) => !(c.type === 'text' && /^[ \t\n\f\r]*$/.test(c.value)));
  if (shown.length === 1 && shown[0]!.type === 'noteRef') return shown;
  return wrapInline(children, (inner) => ({ type: 'superscript', children: inner }));
};
