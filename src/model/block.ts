/**
 * Block nodes: the body of an article, in reading order.
 */
import { z } from 'zod';
import { inlines, type Inline } from './inline.js';
import { languageTag, textDirection } from './language.js';

/** Language and direction a block may set for itself when it differs from the article's. */
interface Localized { lang?: string; dir?: 'ltr' | 'rtl' | 'auto' }

/** Section heading. Level 1 is the article title, so body headings start at 2. */
export interface Heading extends Localized { type: 'heading'; level: 2 | 3 | 4 | 5 | 6; id?: string; children: Inline[] }
export interface Paragraph extends Localized { type: 'paragraph'; children: Inline[] }
export interface BlockQuote extends Localized { type: 'blockquote'; children: Block[]; attribution?: Inline[] }
export interface ListItem { children: Block[]; checked?: boolean }
export interface List extends Localized { type: 'list'; ordered: boolean; start?: number; items: ListItem[] }
/**
 * An image with its text alternative. `alt: ''` marks the image decorative; a missing `alt`
 * is an accessibility failure that the build reports and that blocks the conformance claim.
 */
export interface Image {
  src: string;
  alt?: string;
  title?: string;
  /**
   * Other files of the same picture (`srcset`, `<picture><source>`), best first: the image
   * resolver uses the first local one that loads, else `src`. Gone once images are resolved.
   */
  sources?: string[];
}
export interface Figure { type: 'figure'; id?: string; image: Image; caption?: Inline[]; credit?: Inline[] }
export interface TableCell { header: boolean; scope?: 'col' | 'row'; align?: 'left' | 'center' | 'right'; colspan?: number; rowspan?: number; children: Inline[] }
export interface TableRow { cells: TableCell[] }
export interface Table { type: 'table'; id?: string; caption?: Inline[]; head: TableRow[]; body: TableRow[] }
/** Preformatted code; `language` is the programming language (not a BCP 47 tag). */
export interface CodeBlock { type: 'code'; language?: string; value: string }
export interface ThematicBreak { type: 'thematicBreak' }

export type Block = Heading | Paragraph | BlockQuote | List | Figure | Table | CodeBlock | ThematicBreak;

const localized = { lang: languageTag.optional(), dir: textDirection.optional() };
const blocks = (): z.ZodType<Block[]> => z.array(block);

export const image = z.object({
  src: z.string().min(1, 'an image needs a source path'),
  alt: z.string().optional(),
  title: z.string().optional(),
  sources: z.array(z.string().min(1)).optional(),
});

const cell = z.object({
  header: z.boolean(),
  scope: z.enum(['col', 'row']).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  colspan: z.number().int().min(1).max(1000).optional(),
  rowspan: z.number().int().min(1).max(65534).optional(),
  children: inlines,
});
const row = z.object({ cells: z.array(cell).min(1, 'a table row needs at least one cell') });

export const block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('heading'),
      level: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
      id: z.string().optional(),
      children: inlines,
      ...localized,
    }),
    z.object({ type: z.literal('paragraph'), children: inlines, ...localized }),
    z.object({ type: z.literal('blockquote'), children: blocks(), attribution: inlines.optional(), ...localized }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().optional(),
      items: z.array(z.object({ children: blocks(), checked: z.boolean().optional() })),
      ...localized,
    }),
    z.object({
      type: z.literal('figure'),
      id: z.string().optional(),
      image,
      caption: inlines.optional(),
      credit: inlines.optional(),
    }),
    z.object({
      type: z.literal('table'),
      id: z.string().optional(),
      caption: inlines.optional(),
      head: z.array(row),
      body: z.array(row),
    }),
    z.object({ type: z.literal('code'), language: z.string().optional(), value: z.string() }),
    z.object({ type: z.literal('thematicBreak') }),
  ]),
);

export const blockList = z.array(block);
