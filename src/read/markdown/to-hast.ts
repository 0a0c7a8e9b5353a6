/**
 * markdown-it tokens → hast directly: the tree parse5 would build from markdown-it's HTML (same
 * elements, attributes, line-feed text and merged text), without writing the HTML and parsing it
 * again, which was half of what was left of reading Markdown. A raw HTML block between top-level
 * blocks is parsed alone, and kept when it leaves nothing open (so the Markdown after it cannot
 * end up inside it, as in one parse). Where the HTML parser would change the structure — raw HTML
 * inside a paragraph, list or quote, a block that leaves an element open, a note reference inside
 * a link (links do not nest), nesting deep enough for the parser's depth cap — it gives undefined
 * and the body goes the HTML way (to-html.ts). remark-parity.test.ts holds both ways to each other
 * and to remark's model.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { Token } from 'markdown-it';
import { MAX_DEPTH, parseHtml } from '../html/parse.js';
import { backReferenceAttributes, referenceAttributes, noteItemId } from './footnotes.js';

/** Token types this builder knows; anything else goes the HTML way. */
const KNOWN = new Set([
  'paragraph_open', 'paragraph_close', 'heading_open', 'heading_close', 'blockquote_open', 'blockquote_close',
  'bullet_list_open', 'bullet_list_close', 'ordered_list_open', 'ordered_list_close', 'list_item_open', 'list_item_close',
  'table_open', 'table_close', 'thead_open', 'thead_close', 'tbody_open', 'tbody_close', 'tr_open', 'tr_close',
  'th_open', 'th_close', 'td_open', 'td_close', 'hr', 'code_block', 'fence', 'inline',
  'footnote_block_open', 'footnote_block_close', 'footnote_open', 'footnote_close', 'footnote_anchor', 'html_block',
]);
const KNOWN_INLINE = new Set([
  'text', 'softbreak', 'hardbreak', 'code_inline', 'image', 'footnote_ref', 'task_checkbox',
  'link_open', 'link_close', 'em_open', 'em_close', 'strong_open', 'strong_close', 's_open', 's_close',
]);

/** Deeper than this, parse5 (../html/parse.ts) would flatten the tree; leave that to it. */
const DEEPEST = MAX_DEPTH - 20;

export function tokensToHast(tokens: Token[], unescapeAll: (text: string) => string): Root | undefined {
  const root: Root = { type: 'root', children: [] };
  const stack: (Root | Element)[] = [root];
  const top = (): Root | Element => stack[stack.length - 1]!;
  const text = (value: string): void => {
    if (value === '') return;
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') last.value += value;
    else (siblings as ElementContent[]).push({ type: 'text', value });
  };
  const leaf = (element: Element): void => {
    (top().children as ElementContent[]).push(element);
  };
  const open = (element: Element): boolean => {
    leaf(element);
    stack.push(element);
    return stack.length < DEEPEST;
  };
  const close = (tag: string): boolean => {
    const current = stack.pop();
    return current?.type === 'element' && current.tagName === tag;
  };

  /** markdown-it's renderToken: the element, and the line feeds it writes around it. */
  const token = (list: Token[], idx: number): boolean => {
    const t = list[idx]!;
    if (t.hidden) return true;
    let prev = idx - 1;
    while (prev >= 0 && list[prev]!.hidden && list[prev]!.nesting === 0) prev--;
    if (t.block && t.nesting !== -1 && prev >= 0 && list[prev]!.hidden && list[prev]!.nesting === -1) text('\n');
    let ok = true;
    if (t.nesting === 1) ok = open(h(t.tag, attributes(t)));
    else if (t.nesting === -1) ok = close(t.tag);
    else leaf(h(t.tag, attributes(t)));
    if (t.block) {
      let lineFeed = true;
      if (t.nesting === 1) {
        let next = idx + 1;
        while (next < list.length && list[next]!.hidden && list[next]!.nesting === 0) next++;
        const after = list[next];
        if (after && (after.type === 'inline' || after.hidden || (after.nesting === -1 && after.tag === t.tag))) lineFeed = false;
      }
      if (lineFeed) text('\n');
    }
    return ok;
  };

  const inline = (children: Token[]): boolean => {
    let links = 0;
    for (let i = 0; i < children.length; i++) {
      const t = children[i]!;
      if (!KNOWN_INLINE.has(t.type)) return false;
      switch (t.type) {
        case 'text':
          text(t.content);
          break;
        case 'softbreak':
          text('\n');
          break;
        case 'hardbreak':
          leaf(h('br'));
          text('\n');
          break;
        case 'code_inline':
          leaf(h('code', attributes(t), [t.content]));
          break;
        case 'image': {
          const props = attributes(t);
          props['alt'] = asText(t.children ?? []);
          leaf(h('img', props));
          break;
        }
        case 'footnote_ref':
          // A link inside a link: parse5 would end the outer one first.
          if (links > 0) return false;
          leaf(h('sup', [h('a', referenceAttributes(t), [String(noteNumber(t))])]));
          break;
        case 'task_checkbox':
          leaf(h('input', { type: 'checkbox', disabled: '', ...(t.meta?.['checked'] === true && { checked: '' }) }));
          break;
        default:
          if (t.type === 'link_open') links++;
          if (t.type === 'link_close') links--;
          if (!token(children, i)) return false;
      }
    }
    return true;
  };

  for (let idx = 0; idx < tokens.length; idx++) {
    const t = tokens[idx]!;
    if (!KNOWN.has(t.type)) return undefined;
    switch (t.type) {
      case 'inline':
        if (!inline(t.children ?? [])) return undefined;
        break;
      case 'html_block': {
        const nodes = stack.length === 1 ? rawBlock(t.content) : undefined;
        if (!nodes) return undefined;
        for (const node of nodes) {
          if (node.type === 'text') text(node.value);
          else if (node.type !== 'doctype') (root.children as RootContent[]).push(node);
        }
        break;
      }
      case 'code_block':
        leaf(h('pre', attributes(t), [h('code', [t.content])]));
        text('\n');
        break;
      case 'fence': {
        const info = t.info ? unescapeAll(t.info).trim() : '';
        const language = info.split(/(\s+)/g)[0] ?? '';
        const props = attributes(t);
        if (info) props['class'] = props['class'] === undefined ? `language-${language}` : `${String(props['class'])} language-${language}`;
        leaf(h('pre', [h('code', props, [t.content])]));
        text('\n');
        break;
      }
      case 'footnote_block_open':
        open(h('section', { 'data-footnotes': '', class: 'footnotes' }));
        leaf(h('h2', { class: 'sr-only', id: 'footnote-label' }, ['Footnotes']));
        text('\n');
        open(h('ol'));
        text('\n');
        break;
      case 'footnote_block_close':
        if (!close('ol')) return undefined;
        text('\n');
        if (!close('section')) return undefined;
        text('\n');
        break;
      case 'footnote_open':
        if (!open(h('li', { id: noteItemId(t) }))) return undefined;
        text('\n');
        break;
      case 'footnote_close':
        if (!close('li')) return undefined;
        text('\n');
        break;
      case 'footnote_anchor': {
        text(' ');
        const sub = (t.meta as { subId?: number }).subId ?? 0;
        leaf(h('a', backReferenceAttributes(t), ['↩', ...(sub > 0 ? [h('sup', [String(sub + 1)])] : [])]));
        break;
      }
      default:
        if (!token(tokens, idx)) return undefined;
    }
  }
  return stack.length === 1 ? root : undefined;
}

/** An element no HTML names, put after a raw block to see whether the block left anything open. */
const END = 'broadsheet-raw-end';

/**
 * The nodes of a raw HTML block parsed alone, or undefined when it leaves something open: an
 * element the Markdown after it would go into, a table (which would take it in elsewhere), raw
 * text. The marker element after it is then not the last node at the top.
 */
function rawBlock(html: string): RootContent[] | undefined {
  const nodes = parseHtml(`${html}<${END}></${END}>`, { fragment: true, positions: false }).tree.children;
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'element' || last.tagName !== END || last.children.length > 0) return undefined;
  if (nodes.some((node, i) => i < nodes.length - 1 && node.type === 'element' && node.tagName === END)) return undefined;
  return nodes.slice(0, -1);
}

/** A token's attributes as parse5 would read them back from markdown-it's HTML. */
function attributes(t: Token): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [name, value] of t.attrs ?? []) if (!(name in props)) props[name] = String(value);
  return props;
}

/** markdown-it's renderInlineAsText, for an image's alt text. */
function asText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'image') out += asText(t.children ?? []);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
  }
  return out;
}

function noteNumber(t: Token): number {
  return (t.meta as { id: number }).id + 1;
}
