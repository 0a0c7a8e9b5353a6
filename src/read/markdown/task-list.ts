/**
 * GFM task list items (`- [x] done`) on markdown-it, by GFM's rule as micromark has it: `[ ]`,
 * `[x]` or `[X]` opening the first paragraph of a list item, followed by a line ending, or by
 * spaces and then more text. The box becomes `<input type="checkbox" disabled>` at the start of the
 * paragraph, the shape remark wrote and the model mapper reads as `checked`.
 * https://github.github.com/gfm/#task-list-items-extension-
 * (markdown-it-task-lists asks for a space after `]` where GFM also takes a tab or a line ending.)
 */
import type { MarkdownIt, StateCore as CoreState } from 'markdown-it';

const CHECK = /^\[([ \txX])\](?:\n|[ \t]+(?=[^]))/;

export function useTaskLists(md: MarkdownIt): void {
  md.renderer.rules['task_checkbox'] = (tokens, idx) => `<input type="checkbox" disabled=""${tokens[idx]!.meta?.['checked'] === true ? ' checked=""' : ''}>`;
  md.core.ruler.after('inline', 'gfm_task_list', (state: CoreState) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]!;
      if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
      const match = CHECK.exec(inline.content);
      const first = inline.children?.[0];
      if (!match || first?.type !== 'text' || !first.content.startsWith(match[0].slice(0, 3))) continue;
      const checked = match[1] === 'x' || match[1] === 'X';
      const children = inline.children!;
      // The box and the one space or line ending after it are the marker; the rest is the item's text.
      const rest = first.content.slice(3);
      first.content = /^[ \t]/.test(rest) ? rest.slice(1) : rest;
      if (first.content === '') children.shift();
      if (match[0].endsWith('\n') && children[0]?.type === 'softbreak') children.shift();
      const box = new state.Token('task_checkbox', 'input', 0);
      box.meta = { checked };
      const space = new state.Token('text', '', 0);
      space.content = ' ';
      children.unshift(box, ...(children.length > 0 ? [space] : []));
      tokens[i - 2]!.attrJoin('class', 'task-list-item');
    }
  });
}
