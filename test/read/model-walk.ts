/** Test helpers: walk reader output to check text fidelity and safety. */
import { blockText, type Block, type Inline } from '../../src/model/index.js';

/** All the text of body and notes, one line per paragraph-like block. */
export function allText(candidate: { body: unknown; notes?: unknown }): string {
  const body = candidate.body as Block[];
  const notes = (candidate.notes ?? []) as { children: Block[] }[];
  return [...body.map(blockText), ...notes.flatMap((n) => n.children.map(blockText))].join('\n');
}

/** The words of `text` (letters and digits). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Every node of a model subtree (blocks, inlines, list items, cells, images). */
export function* nodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (typeof value === 'object' && value !== null) {
    yield value as Record<string, unknown>;
    for (const child of Object.values(value)) yield* nodes(child);
  }
}

export function inlinesOf(block: Block | undefined): Inline[] {
  return block && 'children' in block && block.type !== 'blockquote' ? (block.children as Inline[]) : [];
}
