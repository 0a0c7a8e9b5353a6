/**
 * Placing handler output: inline runs become paragraphs in block context, blocks are flattened into
 * inlines where only inlines fit (table cells, captions, headings), and inline wrappers split around
 * blocks that turn up inside them. None of the three drops text.
 */
import type { Block, Inline } from '../../../model/index.js';
import type { Content } from './content.js';
import { hasContent, normalizeInlines } from './whitespace.js';

/** Blocks from mixed content: text directly inside a block container becomes a paragraph. */
export function flow(contents: readonly Content[]): Block[] {
  const blocks: Block[] = [];
  let run: Inline[] = [];
  const flush = (): void => {
    const children = normalizeInlines(run);
    run = [];
    if (hasContent(children)) blocks.push({ type: 'paragraph', children });
  };
  for (const item of contents) {
    if (item.type === 'block') {
      flush();
      blocks.push(item.block);
    } else {
      run.push(item);
    }
  }
  flush();
  return blocks;
}

/** Inlines from mixed content, for places that hold only inlines; blocks are separated by breaks. */
export function phrasing(contents: readonly Content[]): Inline[] {
  const flat: Inline[] = [];
  let afterBlock = false;
  for (const item of contents) {
    if (item.type === 'block') {
      const inlines = blockInlines(item.block);
      if (inlines.length > 0) {
        if (flat.length > 0) flat.push({ type: 'break' });
        flat.push(...inlines);
        afterBlock = true;
      }
    } else {
      if (afterBlock && !(item.type === 'text' && /^[ \t\n\f\r]*$/.test(item.value))) {
        flat.push({ type: 'break' });
        afterBlock = false;
      }
      flat.push(item);
    }
  }
  return normalizeInlines(flat);
}

/**
 * Applies an inline wrapper (emphasis, link, span…) to each inline run of `contents`; blocks pass
 * through unwrapped, so `<a href><img></a>` keeps its figure.
 */
export function wrapInline(contents: readonly Content[], wrap: (children: Inline[]) => Inline): Content[] {
  const out: Content[] = [];
  let run: Inline[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(wrap(run));
    run = [];
  };
  for (const item of contents) {
    if (item.type === 'block') {
      flush();
      out.push(item);
    } else {
      run.push(item);
    }
  }
  flush();
  return out;
}

const separated = (parts: Inline[][]): Inline[] =>
  parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : [{ type: 'break' } as const, ...p]));

/** The inline content of a block, so its text survives where a block cannot go. */
export function blockInlines(block: Block): Inline[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.children;
    case 'blockquote':
      return separated([...block.children.map(blockInlines), block.attribution ?? []]);
    case 'list':
      return separated(block.items.flatMap((item) => item.children.map(blockInlines)));
    case 'figure':
      return separated([block.image.alt ? [{ type: 'text', value: block.image.alt }] : [], block.caption ?? [], block.credit ?? []]);
    case 'table':
      return separated([
        block.caption ?? [],
        ...[...block.head, ...block.body].map((row) =>
          row.cells.flatMap((cell, i): Inline[] => (i === 0 ? cell.children : [{ type: 'text', value: ' ' }, ...cell.children])),
        ),
      ]);
    case 'code':
      return [{ type: 'code', value: block.value }];
    case 'thematicBreak':
      return [];
  }
}
