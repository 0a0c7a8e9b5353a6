/**
 * The state every element handler receives, and the one handler signature (mdast-util-to-hast's
 * `(state, node)` shape, with the node first as in the rest of broadsheet).
 */
import type { Element, ElementContent, Parents } from 'hast';
import type { Block, Heading, Inline } from '../../../model/index.js';
import type { Content } from './content.js';
import type { NoteIndex } from './footnotes.js';

/** A problem the mapping noticed; the reader turns it into a diagnostic. */
export interface MappingIssue {
  code: string;
  message: string;
  fix: string;
}

export interface State {
  /** Maps the children of `parent`, in order. */
  all(parent: Parents): Content[];
  /** Maps one node (text, element; comments give nothing). */
  one(node: ElementContent): Content[];
  /** Where notes are, found before mapping starts so references can be recognised. */
  readonly noteIndex: NoteIndex;
  /** Adds a note definition (the first definition of an id wins). */
  addNote(id: string, children: Block[]): void;
  /** Language in effect (canonical BCP 47), so a `lang` equal to it is not repeated. */
  lang: string | undefined;
  /**
   * Claims a level-1 heading as the article title: true when it repeats the known title, or gives
   * the title when there is none yet and taking it from the first h1 is allowed. A claimed heading
   * is left out of the body.
   */
  claimTitle(children: Inline[]): boolean;
  /** Source heading levels (1–6), normalised once the whole body is mapped. */
  readonly sourceLevels: WeakMap<Heading, number>;
  report(issue: MappingIssue): void;
}

/** One handler per element type, all with this signature. */
export type Handler = (node: Element, state: State) => Content[];
