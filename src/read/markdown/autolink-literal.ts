/**
 * GFM autolink literals (`www.example.com`, `https://…`, `name@example.com`, `mailto:`/`xmpp:`
 * addresses) on markdown-it, found as remark found them, by its two passes:
 * - while parsing, `http://` and `https://` URLs by micromark-extension-gfm-autolink-literal's
 *   rules, so the URL is taken before emphasis (`https://x.org/_a_/`) and may have a host without a
 *   dot or with letters beyond ASCII;
 * - after parsing, mdast-util-gfm-autolink-literal's patterns over the text of each paragraph
 *   outside links (`www.`, e-mail addresses, `mailto:` and `xmpp:`, and the URLs the first pass
 *   did not take).
 * markdown-it's own `linkify` (linkify-it) is not used: it also links bare domains
 * (`example.com`), `ftp://` and `//host`, and trims trailing punctuation by other rules than GFM.
 * https://github.github.com/gfm/#autolinks-extension-
 */
import type { MarkdownIt, StateCore as CoreState, StateInline, Token } from 'markdown-it';

/** A stretch of text, or a link found in it. */
type Piece = { text: string; href?: undefined } | { text: string; href: string; trail?: undefined };

type Finder = (match: RegExpExecArray) => Piece[] | false;

const PUNCTUATION = /[\p{P}\p{S}]/u;

/** In mdast-util-gfm-autolink-literal's order: each runs over the text the ones before left. */
const FINDERS: [RegExp, Finder][] = [
  [/(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi, findUrl],
  [/(?<![\w+\-.@])xmpp:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w\-/]|\.(?=[\dA-Za-z]))*)?/g, findXmpp],
  [/(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g, findMailto],
  [/(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g, findEmail],
];

export function useAutolinkLiterals(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'gfm_autolink_protocol', protocolLiteral);
  // After text_join, so escapes and entities are already part of the text they sit in.
  md.core.ruler.after('text_join', 'gfm_autolink_literal', (state: CoreState) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) block.children = linkify(block.children, state);
    }
  });
}

function linkify(children: Token[], state: CoreState): Token[] {
  const out: Token[] = [];
  let inLink = 0;
  for (const token of children) {
    if (token.type === 'link_open') inLink++;
    if (token.type === 'link_close') inLink--;
    if (token.type !== 'text' || inLink > 0 || !/[.@:]/.test(token.content)) {
      out.push(token);
      continue;
    }
    let pieces: Piece[] = [{ text: token.content }];
    for (const [pattern, finder] of FINDERS) pieces = pieces.flatMap((piece) => (piece.href === undefined ? find(piece.text, pattern, finder) : [piece]));
    if (pieces.length === 1 && pieces[0]!.href === undefined) {
      out.push(token);
      continue;
    }
    for (const piece of pieces) {
      if (piece.href === undefined) {
        if (piece.text === '') continue;
        const text = new state.Token('text', '', 0);
        text.content = piece.text;
        text.level = token.level;
        out.push(text);
        continue;
      }
      const open = new state.Token('link_open', 'a', 1);
      open.attrs = [['href', state.md.normalizeLink(piece.href)]];
      open.markup = 'linkify';
      open.info = 'auto';
      open.level = token.level;
      const text = new state.Token('text', '', 0);
      text.content = piece.text;
      text.level = token.level + 1;
      const close = new state.Token('link_close', 'a', -1);
      close.markup = 'linkify';
      close.info = 'auto';
      close.level = token.level;
      out.push(open, text, close);
    }
  }
  return out;
}

/**
 * At the `:` of `http://` or `https://` (the text before it is still pending, as markdown-it's own
 * linkify rule finds it): the URL by micromark's rules, from the source as written.
 */
function protocolLiteral(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (state.linkLevel > 0 || state.src.charCodeAt(pos) !== 0x3a) return false;
  const scheme = /(?:^|[^A-Za-z])(https?)$/i.exec(state.pending)?.[1];
  if (scheme === undefined) return false;
  const start = pos - scheme.length;
  if (/[A-Za-z]/.test(state.src.charAt(start - 1))) return false;
  const end = protocolUrlEnd(state.src, pos, state.posMax);
  if (end === undefined) return false;
  if (!silent) {
    const url = state.src.slice(start, end);
    state.pending = state.pending.slice(0, -scheme.length);
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', state.md.normalizeLink(url)]];
    open.markup = 'linkify';
    open.info = 'auto';
    state.push('text', '', 0).content = url;
    const close = state.push('link_close', 'a', -1);
    close.markup = 'linkify';
    close.info = 'auto';
  }
  state.pos = end;
  return true;
}

const WHITESPACE = /\s/;
/** Characters that end a path or domain when only trail characters follow (micromark's `trail`). */
const TRAIL = `!"')*,.:;?_~`;

/** Where the URL whose `:` is at `colon` ends, or undefined when it is none (tokenizeProtocolAutolink). */
function protocolUrlEnd(src: string, colon: number, max: number): number | undefined {
  if (src.charAt(colon + 1) !== '/' || src.charAt(colon + 2) !== '/') return undefined;
  let i = colon + 3;
  const first = src.charAt(i);
  if (i >= max || /[\u0000-\u001f\u007f]/.test(first) || WHITESPACE.test(first) || PUNCTUATION.test(first)) return undefined;
  // The domain: up to whitespace or punctuation other than `-`, `.` and `_` (when more follows).
  let seen = false;
  let underscoreLast = false;
  let underscoreLastLast = false;
  while (i < max) {
    const c = src.charAt(i);
    if (c === '.' || c === '_') {
      if (isTrail(src, i, max)) break;
      if (c === '_') underscoreLast = true;
      else {
        underscoreLastLast = underscoreLast;
        underscoreLast = false;
      }
      i++;
      continue;
    }
    if (WHITESPACE.test(c) || (c !== '-' && PUNCTUATION.test(c))) break;
    seen = true;
    i++;
  }
  if (underscoreLast || underscoreLastLast || !seen) return undefined;
  // The path: up to whitespace; trailing punctuation and unbalanced `)` are not part of it.
  let open = 0;
  let closed = 0;
  while (i < max) {
    const c = src.charAt(i);
    if (c === '(') {
      open++;
      i++;
      continue;
    }
    if (c === ')' && closed < open) {
      closed++;
      i++;
      continue;
    }
    if (`!"&')*,.:;<?]_~`.includes(c)) {
      if (isTrail(src, i, max)) break;
      if (c === ')') closed++;
      i++;
      continue;
    }
    if (WHITESPACE.test(c)) break;
    i++;
  }
  return i;
}

/** Whether only trail punctuation (and character references, `]` before a bracket) remains up to the URL's end. */
function isTrail(src: string, at: number, max: number): boolean {
  let i = at;
  for (;;) {
    if (i >= max) return true;
    const c = src.charAt(i);
    if (TRAIL.includes(c)) {
      i++;
      continue;
    }
    if (c === '&') {
      const reference = /^&[A-Za-z]+;/.exec(src.slice(i, Math.min(max, i + 40)));
      if (!reference) return false;
      i += reference[0].length;
      continue;
    }
    if (c === ']') {
      i++;
      const next = src.charAt(i);
      if (i >= max || next === '(' || next === '[' || WHITESPACE.test(next)) return true;
      continue;
    }
    return c === '<' || WHITESPACE.test(c);
  }
}

/** mdast-util-find-and-replace on one text: a refused match moves the search on by one. */
function find(text: string, pattern: RegExp, finder: Finder): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  while (match) {
    const found = finder(match);
    if (found === false) {
      pattern.lastIndex = match.index + 1;
    } else {
      if (start !== match.index) out.push({ text: text.slice(start, match.index) });
      out.push(...found);
      start = match.index + match[0].length;
    }
    match = pattern.exec(text);
  }
  if (out.length === 0) return [{ text }];
  if (start < text.length) out.push({ text: text.slice(start) });
  return out;
}

function findUrl(match: RegExpExecArray): Piece[] | false {
  let [, protocol = '', domain = '', path = ''] = match;
  const before = match.index === 0 ? '' : match.input.charAt(match.index - 1);
  if (before !== '' && !/\s/.test(before) && !PUNCTUATION.test(before)) return false;
  let prefix = '';
  // `www` is part of the domain.
  if (/^w/i.test(protocol)) {
    domain = protocol + domain;
    protocol = '';
    prefix = 'http://';
  }
  if (PUNCTUATION.test(domain.charAt(0)) || !isCorrectDomain(domain)) return false;
  const [url, trail] = splitUrl(domain + path);
  const link: Piece = { text: protocol + url, href: prefix + protocol + url };
  return trail ? [link, { text: trail }] : [link];
}

function findEmail(match: RegExpExecArray): Piece[] | false {
  const [, atext = '', label = ''] = match;
  if (/[\d\-_]$/.test(label)) return false;
  return [{ text: `${atext}@${label}`, href: `mailto:${atext}@${label}` }];
}

function findMailto(match: RegExpExecArray): Piece[] | false {
  const [, atext = '', label = ''] = match;
  if (/[\d\-_]$/.test(label)) return false;
  const value = `mailto:${atext}@${label}`;
  return [{ text: value, href: value }];
}

function findXmpp(match: RegExpExecArray): Piece[] | false {
  const [whole, atext = '', label = '', resource] = match;
  if (/[\d\-_]$/.test(label) || (resource && (!/[A-Za-z]$/.test(resource) || match.input.charAt(match.index + whole.length) === '@'))) return false;
  const value = `xmpp:${atext}@${label}${resource ?? ''}`;
  return [{ text: value, href: value }];
}

/** The last two labels of a domain have a letter or digit and no underscore. */
function isCorrectDomain(domain: string): boolean {
  const parts = domain.split('.');
  if (parts.length < 2) return false;
  for (const part of parts.slice(-2)) if (part && (part.includes('_') || !/[\dA-Za-z]/.test(part))) return false;
  return true;
}

/** Trailing punctuation is not part of a URL, except a `)` that closes a `(` inside it. */
function splitUrl(whole: string): [string, string | undefined] {
  let index = whole.length;
  while (index > 0 && `!"&'),.:;<>?]}`.includes(whole.charAt(index - 1))) index--;
  if (index === whole.length) return [whole, undefined];
  let trail = whole.slice(index);
  let url = whole.slice(0, index);
  let closing = trail.indexOf(')');
  const opening = count(url, '(');
  let closed = count(url, ')');
  while (closing !== -1 && opening > closed) {
    url += trail.slice(0, closing + 1);
    trail = trail.slice(closing + 1);
    closing = trail.indexOf(')');
    closed++;
  }
  return [url, trail];
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
