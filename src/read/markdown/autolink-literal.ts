/**
 * GFM autolink literals (`www.example.com`, `https://…`, `name@example.com`, `mailto:`/`xmpp:`
 * addresses) on markdown-it, found as remark found them: mdast-util-gfm-autolink-literal's
 * patterns and rules, run over the text of each paragraph outside links. markdown-it's own
 * `linkify` (linkify-it) is not used: it also links bare domains (`example.com`), `ftp://` and
 * `//host`, and trims trailing punctuation by other rules than GFM.
 * https://github.github.com/gfm/#autolinks-extension-
 */
import type { MarkdownIt, StateCore as CoreState, Token } from 'markdown-it';

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
