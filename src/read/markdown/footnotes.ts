/**
 * GFM footnotes on markdown-it: markdown-it-footnote parses them, and this file makes them behave
 * and look as GFM (and remark, which read Markdown before) has them, so the shared HTML → model
 * mapper (../html/to-model/footnotes.ts) reads them unchanged:
 * - labels match without regard to case (`[^A]` finds `[^a]:`), and the first of two definitions
 *   with one label is the one used;
 * - notes are numbered in the order they are first referenced from the body, then from the notes
 *   themselves, and a note referenced only from an unreferenced note is not shown (as
 *   mdast-util-to-hast numbers them);
 * - the HTML is GFM's: `<sup><a data-footnote-ref href="#user-content-fn-LABEL">`, a
 *   `<section data-footnotes>` of `<li id="user-content-fn-LABEL">`, and `data-footnote-backref`
 *   arrows, so notes keep the ids they had (`fn-LABEL` in the model).
 * Inline notes (`^[text]`) are not GFM and stay text.
 */
import type { Env, MarkdownIt, RendererRule as Rule, StateCore, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { normalizeUri } from 'micromark-util-sanitize-uri';

interface NoteMeta { id: number; subId?: number; label?: string }

/** markdown-it-footnote's bookkeeping in `env`: labels (as `:label`) → note number, and the notes. */
interface FootnoteEnv extends Env { footnotes?: { refs?: Record<string, number>; list?: { label?: string; count: number }[] } }

/** GFM's label matching (micromark-util-normalize-identifier): whitespace collapsed, case folded. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/**
 * The env to parse with: its label table matches labels as GFM does. markdown-it-footnote keeps
 * `refs` if it is there, and reads and writes it only by `:label` keys.
 */
export function footnoteEnv(): FootnoteEnv {
  const table: Record<string, number> = {};
  const key = (k: string | symbol): string | symbol => (typeof k === 'string' && k.startsWith(':') ? `:${normalizeLabel(k.slice(1))}` : k);
  const refs = new Proxy(table, {
    get: (target, k) => Reflect.get(target, key(k)),
    set: (target, k, value) => Reflect.set(target, key(k), value),
    has: (target, k) => Reflect.has(target, key(k)),
  });
  return { footnotes: { refs } };
}

export function useFootnotes(md: MarkdownIt): void {
  md.use(footnote);
  md.inline.ruler.disable('footnote_inline');
  // markdown-it's link rule refuses a link whose text holds a token that starts with `[`, taking it
  // for a nested link; GFM allows a note reference there (`[text[^1]](url)`). While a link's text
  // is only scanned (silent), the reference is left to be read as plain brackets.
  const parseReference = md.inline.ruler.__rules__.find((rule) => rule.name === 'footnote_ref')!.fn;
  md.inline.ruler.at('footnote_ref', (state, silent) => !silent && parseReference(state, false));
  md.core.ruler.before('footnote_tail', 'gfm_footnote_order', orderNotes);
  const rules = md.renderer.rules;
  rules['footnote_ref'] = reference;
  rules['footnote_block_open'] = () => '<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n';
  rules['footnote_block_close'] = () => '</ol>\n</section>\n';
  rules['footnote_open'] = (tokens, idx) => `<li id="${escape(noteItemId(tokens[idx]!))}">\n`;
  rules['footnote_close'] = () => '</li>\n';
  rules['footnote_anchor'] = backReference;
}

/** What markdown-it-footnote records on its tokens (it types `meta` as a plain record). */
function meta(token: Token): NoteMeta {
  return token.meta as unknown as NoteMeta;
}

/** The id part of a note's label, as mdast-util-to-hast writes it. */
function safeId(token: Token): string {
  const label = meta(token).label ?? String(meta(token).id + 1);
  return normalizeUri(label.toLowerCase());
}

/** `-2`, `-3`… for the second and later references to one note. */
function repeat(token: Token): string {
  const sub = meta(token).subId ?? 0;
  return sub > 0 ? `-${sub + 1}` : '';
}

/** The `<a>` of a reference (in a `<sup>`, its text the note's number). */
export function referenceAttributes(token: Token): Record<string, string> {
  const id = safeId(token);
  return { href: `#user-content-fn-${id}`, id: `user-content-fnref-${id}${repeat(token)}`, 'data-footnote-ref': '', 'aria-describedby': 'footnote-label' };
}

/** The `<a>` of a back-reference arrow (`↩`, and the reference's number from the second on). */
export function backReferenceAttributes(token: Token): Record<string, string> {
  const n = meta(token).id + 1;
  return {
    href: `#user-content-fnref-${safeId(token)}${repeat(token)}`,
    'data-footnote-backref': '',
    'aria-label': `Back to reference ${n}${repeat(token)}`,
    class: 'data-footnote-backref',
  };
}

/** The id of a note's `<li>`. */
export function noteItemId(token: Token): string {
  return `user-content-fn-${safeId(token)}`;
}

const reference: Rule = (tokens, idx) => {
  const token = tokens[idx]!;
  return `<sup><a${html(referenceAttributes(token))}>${meta(token).id + 1}</a></sup>`;
};

const backReference: Rule = (tokens, idx) => {
  const token = tokens[idx]!;
  const sub = meta(token).subId ?? 0;
  const more = sub > 0 ? `<sup>${sub + 1}</sup>` : '';
  return ` <a${html(backReferenceAttributes(token))}>↩${more}</a>`;
};

function html(attributes: Record<string, string>): string {
  return Object.entries(attributes).map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renumbers the notes as GFM does, before markdown-it-footnote gathers them (its `footnote_tail`):
 * references in the body first, in order, then those inside the notes shown, note by note. Only
 * the first definition of a label is kept: later ones get a label no reference can have.
 */
function orderNotes(state: StateCore): void {
  const notes = (state.env as FootnoteEnv).footnotes;
  if (!notes?.list) return;
  const body: Token[] = [];
  const definitions = new Map<string, Token[]>();
  let current: Token[] | undefined;
  let duplicates = 0;
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      const definition = token.meta as { label: string };
      const label = normalizeLabel(definition.label);
      if (definitions.has(label)) {
        definition.label = `\u0000duplicate ${++duplicates}`;
        current = [];
      } else {
        definition.label = label;
        current = [];
        definitions.set(label, current);
      }
    } else if (token.type === 'footnote_reference_close') {
      current = undefined;
    } else {
      (current ?? body).push(token);
    }
  }
  const order: string[] = [];
  const counts = new Map<string, number>();
  const visit = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.children) visit(token.children);
      if (token.type !== 'footnote_ref') continue;
      const note = meta(token);
      const label = normalizeLabel(note.label ?? '');
      if (!counts.has(label)) order.push(label);
      const count = counts.get(label) ?? 0;
      counts.set(label, count + 1);
      note.id = order.indexOf(label);
      note.subId = count;
      note.label = label;
    }
  };
  visit(body);
  for (let i = 0; i < order.length; i++) visit(definitions.get(order[i]!) ?? []);
  notes.list = order.map((label) => ({ label, count: counts.get(label)! }));
}
