/**
 * Sanitized HTML → model blocks, inlines and notes. Shared by the HTML and Markdown readers, so both
 * map HTML the same way. Like mdast-util-to-hast: a state, one handler per element type, one
 * fallback; then a pass that renumbers headings.
 */
import type { ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { inlineText, type Block, type Heading, type Inline, type Note } from '../../../model/index.js';
import { lendId } from './anchor-ids.js';
import type { Content } from './content.js';
import { flow } from './flow.js';
import { indexNotes } from './footnotes.js';
import { handlerFor } from './handlers/index.js';
import { normalizeHeadingLevels } from './headings.js';
import { localizationOf, localize, normalizeLanguage } from './language.js';
import type { MappingIssue, State } from './state.js';

export type { MappingIssue } from './state.js';

export interface ToModelOptions {
  /**
   * The article title when already known (front matter, `<head>`). A level-1 heading that repeats
   * it is left out of the body. Default: none.
   */
  title?: string;
  /** When there is no title, take the first level-1 heading as the title (and out of the body). Default: false. */
  titleFromFirstH1?: boolean;
  /** Language of the article, so that elements repeating it get no span. Default: none. */
  lang?: string;
  /** Receives problems such as an unusable `lang`; default: they are dropped. */
  report?: (issue: MappingIssue) => void;
}

export interface MappedContent {
  body: Block[];
  notes: Note[];
  /** The title taken from the first level-1 heading (only with `titleFromFirstH1` and no `title`). */
  title?: string;
}

/** Maps sanitized HTML (the output of `sanitize`) to the model. */
export function htmlToModel(html: string, options: ToModelOptions = {}): MappedContent {
  return hastToModel(fromHtml(html, { fragment: true }), options);
}

/** Maps a hast tree to the model. The tree should have been sanitized; links and images are re-checked anyway. */
export function hastToModel(tree: Root, options: ToModelOptions = {}): MappedContent {
  const notes: Note[] = [];
  const noteIds = new Set<string>();
  const titleKey = options.title === undefined ? undefined : comparable(options.title);
  let titleClaimed = false;
  let takenTitle: string | undefined;

  const state: State = {
    noteIndex: indexNotes(tree),
    lang: options.lang === undefined ? undefined : normalizeLanguage(options.lang),
    sourceLevels: new WeakMap<Heading, number>(),
    report: options.report ?? (() => undefined),
    all: (parent) => (parent.children as Nodes[]).flatMap((child) => one(child)),
    one: (node: ElementContent) => one(node),
    addNote(id, children) {
      if (noteIds.has(id)) return;
      noteIds.add(id);
      notes.push({ id, children });
    },
    claimTitle(children: Inline[]) {
      if (titleClaimed) return false;
      const text = inlineText(children).trim();
      if (titleKey !== undefined ? comparable(text) === titleKey : options.titleFromFirstH1 === true && text !== '') {
        titleClaimed = true;
        if (titleKey === undefined) takenTitle = text;
        return true;
      }
      return false;
    },
  };

  function one(node: Nodes): Content[] {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type === 'root') return state.all(node);
    if (node.type !== 'element') return [];
    const handler = handlerFor(node.tagName);
    const where = localizationOf(node, state);
    if (where === undefined) return lendId(node, handler(node, state));
    const outer = state.lang;
    if (where.lang !== undefined) state.lang = where.lang;
    try {
      return lendId(node, localize(handler(node, state), where));
    } finally {
      state.lang = outer;
    }
  }

  const body = flow(state.all(tree));
  normalizeHeadingLevels(body, state.sourceLevels);
  for (const note of notes) normalizeHeadingLevels(note.children, state.sourceLevels);
  return { body, notes, ...(takenTitle !== undefined && { title: takenTitle }) };
}

/** Titles compare equal when they differ only in case, spacing or Unicode form. */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}
