/**
 * Keeps raw HTML in Markdown from swallowing the Markdown after it. The body is parsed as one HTML
 * document, so a piece of raw HTML left open — `<title>`, `<script>` or `<textarea>` without its end
 * tag, `<!--` inside a quote, `<div title="…` — would make every later paragraph part of a comment,
 * an attribute or raw text, and the sanitizer would drop it. The HTML parser is therefore run over
 * each raw HTML block alone (and over each paragraph's inline HTML), and whatever is left open at
 * its end is closed there. remark (rehype-raw) had the same effect by resetting the tokenizer after
 * each piece of raw HTML.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { Tokenizer, TokenizerMode, type TokenHandler } from 'parse5';

/** Elements whose content the HTML tree builder reads as text (scripting enabled, as parse.ts parses). */
const RAW_TEXT: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** What may be left open, and what ends it; tried in order until the tokenizer is back to text. */
const ENDINGS = ['-->', '>', '">', "'>", ']]>', '">-->', "'>-->"];

export function useClosedRawHtml(md: MarkdownIt): void {
  md.core.ruler.push('raw_html_closed', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = closedBlock(token.content);
      else if (token.type === 'inline' && token.children?.some((child) => child.type === 'html_inline')) closeInline(token.children, state);
    }
  });
}

/** `html` followed by what closes anything it leaves open. */
export function closedBlock(html: string): string {
  const plain = html.replace(/<plaintext(?=[\s/>])/gi, '<xmp');
  const open = openAfter(plain);
  if (open === undefined) return plain;
  if (open.rawText !== undefined) return `${plain}${open.rawText === 'script' ? '-->' : ''}</${open.rawText}>`;
  for (const ending of ENDINGS) if (openAfter(plain + ending) === undefined) return plain + ending;
  // Nothing closes it: show the markup as text rather than lose what follows.
  return plain.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * Inline HTML is always whole tags or comments (CommonMark), so only an element with raw text
 * content can stay open: it is closed at the end of its paragraph, as it would be at the end of a
 * raw block. `<plaintext>`, which nothing ends, is read as `<xmp>` (both become code).
 */
function closeInline(children: Token[], state: StateCore): void {
  let open: string | undefined;
  for (const child of children) {
    if (child.type !== 'html_inline') continue;
    child.content = child.content.replace(/^<plaintext(?=[\s/>])/i, '<xmp');
    if (open !== undefined) {
      if (new RegExp(`^</${open}[\\s/>]`, 'i').test(child.content)) open = undefined;
      continue;
    }
    const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(child.content)?.[1]?.toLowerCase();
    if (name !== undefined && RAW_TEXT[name] !== undefined) open = name;
  }
  if (open === undefined) return;
  const end = new state.Token('html_inline', '', 0);
  end.content = `${open === 'script' ? '-->' : ''}</${open}>`;
  children.push(end);
}

/** What `html`, parsed alone, leaves open at its end: undefined when the tokenizer is back in text. */
function openAfter(html: string): { rawText?: string } | undefined {
  const none = (): void => undefined;
  let rawText: string | undefined;
  const handler: TokenHandler = {
    onComment: none,
    onDoctype: none,
    onEof: none,
    onCharacter: none,
    onNullCharacter: none,
    onWhitespaceCharacter: none,
    onEndTag: (tag) => {
      if (tag.tagName === rawText) rawText = undefined;
    },
    onStartTag: (tag) => {
      const mode = RAW_TEXT[tag.tagName];
      if (mode === undefined) return;
      // What the tree builder does on these start tags.
      tokenizer.state = mode;
      tokenizer.lastStartTagName = tag.tagName;
      rawText = tag.tagName;
    },
  };
  const tokenizer = new Tokenizer({}, handler);
  // A line end after the block, as in the document: a final `<` or `&` is then text, not open.
  tokenizer.write(html.endsWith('\n') ? html : `${html}\n`, false);
  if (rawText !== undefined) return { rawText };
  return tokenizer.state === TokenizerMode.DATA ? undefined : {};
}
