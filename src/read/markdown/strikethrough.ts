/**
 * GFM strikethrough on markdown-it as micromark (and so remark) reads it: `~one~` or `~~two~~`; an
 * opening run pairs only with a closing run of the same length, and runs of three or more tildes
 * are text. markdown-it's own rule takes only `~~` and splits longer runs into pairs.
 * https://github.github.com/gfm/#strikethrough-extension-
 */
import type { Delimiter, MarkdownIt, StateInline } from 'markdown-it';

const TILDE = 0x7e;
/** The marker of a one-tilde run: delimiters pair only with the same marker. */
const SINGLE = 0x7e + 0x10000;

export function useStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', (state: StateInline) => {
    close(state, state.delimiters);
    for (const meta of state.tokens_meta) if (meta?.delimiters) close(state, meta.delimiters);
    return false;
  });
}

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = '~'.repeat(scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? SINGLE : TILDE,
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

function close(state: StateInline, delimiters: Delimiter[]): void {
  for (const start of delimiters) {
    if ((start.marker !== TILDE && start.marker !== SINGLE) || start.end === -1) continue;
    const open = state.tokens[start.token]!;
    const end = state.tokens[delimiters[start.end]!.token]!;
    const markup = open.content;
    Object.assign(open, { type: 's_open', tag: 'del', nesting: 1, markup, content: '' });
    Object.assign(end, { type: 's_close', tag: 'del', nesting: -1, markup, content: '' });
  }
}
