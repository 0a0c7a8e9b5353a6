/**
 * Inline nodes: the runs of text inside a paragraph, heading, caption or cell.
 *
 * The zod schemas are the single source of truth: the TypeScript types, the JSON Schema
 * (`broadsheet schema`) and the validation messages all come from them.
 */
import { z } from 'zod';
import { languageTag, textDirection } from './language.js';

export interface Text { type: 'text'; value: string }
export interface Emphasis { type: 'emphasis'; children: Inline[] }
export interface Strong { type: 'strong'; children: Inline[] }
export interface Strikethrough { type: 'strikethrough'; children: Inline[] }
export interface Subscript { type: 'subscript'; children: Inline[] }
export interface Superscript { type: 'superscript'; children: Inline[] }
export interface InlineCode { type: 'code'; value: string }
export interface LineBreak { type: 'break' }
/**
 * A link; `href` is an absolute http(s)/mailto/tel URL or an internal `#id` (model/anchors.ts says
 * what an id may name). Anything else a JSON model holds is repaired, resolved or made text by the
 * link pass before writing (read/resolve-links.ts), and the writers re-check it (model/url.ts).
 */
export interface Link { type: 'link'; href: string; title?: string; children: Inline[] }
/** A short quotation (`<q>`); the writers add the quotation marks of the language. */
export interface Quote { type: 'quote'; cite?: string; children: Inline[] }
/** A run in another language or direction than its surroundings (WCAG 3.1.2). */
export interface Span { type: 'span'; lang?: string; dir?: 'ltr' | 'rtl' | 'auto'; children: Inline[] }
/** A reference to one of the article's notes, by the note's id. */
export interface NoteRef { type: 'noteRef'; id: string }

export type Inline =
  | Text | Emphasis | Strong | Strikethrough | Subscript | Superscript
  | InlineCode | LineBreak | Link | Quote | Span | NoteRef;

const children = (): z.ZodType<Inline[]> => z.array(inline);

export const inline: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), value: z.string() }),
    z.object({ type: z.literal('emphasis'), children: children() }),
    z.object({ type: z.literal('strong'), children: children() }),
    z.object({ type: z.literal('strikethrough'), children: children() }),
    z.object({ type: z.literal('subscript'), children: children() }),
    z.object({ type: z.literal('superscript'), children: children() }),
    z.object({ type: z.literal('code'), value: z.string() }),
    z.object({ type: z.literal('break') }),
    z.object({
      type: z.literal('link'),
      href: z.string().min(1, 'a link needs an address'),
      title: z.string().optional(),
      children: children(),
    }),
    z.object({ type: z.literal('quote'), cite: z.string().optional(), children: children() }),
    z.object({
      type: z.literal('span'),
      lang: languageTag.optional(),
      dir: textDirection.optional(),
      children: children(),
    }),
    z.object({ type: z.literal('noteRef'), id: z.string().min(1) }),
  ]),
);

export const inlines = z.array(inline);
