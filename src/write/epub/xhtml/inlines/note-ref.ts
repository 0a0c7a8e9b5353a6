import { el } from '../../../xml.js';
import type { InlineHandler } from '../context.js';

/**
 * A reference to a note: a `doc-noteref` link to the note, with an id the note's `doc-backlink`
 * returns to (https://www.w3.org/TR/dpub-aria-1.1/#doc-noteref, EPUB 3 SSV `noteref`).
 */
export const noteRef: InlineHandler<'noteRef'> = (node, ctx) => {
  if (ctx.label) return '';
  const note = ctx.article.notes.get(node.id);
  if (!note) {
    ctx.diagnostics.warn({
      code: 'epub.note.missing',
      file: ctx.article.article.origin,
      message: `“${ctx.article.article.meta.title}” refers to a note “${node.id}” that it does not have; the reference is left out`,
      fix: `add a note with id "${node.id}" or remove the reference`,
    });
    return '';
  }
  const number = String(note.number);
  // A link inside a link is not allowed in HTML: keep the number, lose the link.
  if (ctx.inLink) return el('sup', {}, number);
  const id = ctx.article.ids.take(`fnref-${node.id}`, 'fnref');
  note.refId ??= id;
  return el('sup', {}, el('a', { href: `#${note.id}`, id, 'epub:type': 'noteref', role: 'doc-noteref' }, number));
};
