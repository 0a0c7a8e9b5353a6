/**
 * What the markdown-it reader does on purpose differently from remark, the reader before it (the
 * rest is checked against remark in remark-parity.test.ts), and the GFM footnote order it had to
 * build itself.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { readMarkdown } from '../../../src/read/markdown/index.js';
import { allText, nodes, words } from '../model-walk.js';

function read(body: string) {
  const diagnostics = new Diagnostics();
  const result = readMarkdown('post.md', `---\ntitle: T\n---\n${body}`, { diagnostics });
  if (!result) throw new Error('nothing read');
  return { candidate: result.candidate, diagnostics };
}

describe('raw HTML left open in Markdown', () => {
  // Parsed as one HTML document, each of these would turn the paragraphs after it into a comment,
  // an attribute value or raw text that the sanitizer drops.
  const OPENERS: [string, string][] = [
    ['a comment in a quote', '> <!-- in quote\n'],
    ['a comment in a list item', '- <!-- in list\n'],
    ['a comment in an HTML block', '<div>\n<!--\n'],
    ['an attribute value', '<div title="unclosed\n'],
    ['a <title>', '<title>x\n'],
    ['a <noscript>', '<noscript>\n'],
    ['an <iframe>', '<iframe>\n'],
    ['a <plaintext>', '<plaintext>\n'],
    ['an inline <script>', 'text <script> hidden\n'],
    ['an inline <style>', 'text <style> hidden\n'],
    ['an inline <textarea>', 'a <textarea> b\n'],
  ];

  it.each(OPENERS)('%s does not hide the Markdown after it', (_name, opener) => {
    const { candidate } = read(`${opener}\nAfter *this* paragraph.\n\n## Later heading\n\nLast words.\n`);
    const blocks = candidate.body as { type: string }[];
    expect(allText(candidate)).toContain('After this paragraph.');
    expect(blocks.some((b) => b.type === 'heading')).toBe(true);
    expect(allText(candidate)).toContain('Last words.');
  });

  it('still goes through the sanitizer: no script, handler or javascript: link survives', () => {
    const { candidate } = read('a <script>alert(1)</script> b <img src="x.png" alt="" onerror="alert(2)"> [c](javascript:alert(3))\n\n<script>\nalert(4)\n');
    const json = JSON.stringify(candidate.body);
    expect(json).not.toMatch(/alert|onerror|javascript/);
    expect(words(allText(candidate))).toEqual(['a', 'b', 'c']);
  });

  it('keeps the text after an indented `<!--` that is never closed, and warns at its line', () => {
    const { candidate, diagnostics } = read('Before.\n\n   <!-- never closed\n\nText after.\n');
    expect(allText(candidate)).toContain('Text after.');
    expect(diagnostics.warnings.map((d) => [d.code, d.line, d.column])).toEqual([['read.markdown.unclosed-comment', 6, 4]]);
  });
});

describe('GFM in markdown-it', () => {
  it('numbers notes as GFM does: body references first, labels without case, the first definition', () => {
    const { candidate } = read('A[^B] b[^a] c[^b].\n\n[^a]: Note a, see [^c].\n[^a]: A second a, unused.\n[^b]: Note b.\n[^c]: Note c.\n[^d]: Unreferenced, see [^e].\n[^e]: Only from d.\n');
    const notes = candidate.notes as { id: string }[];
    expect(notes.map((n) => n.id)).toEqual(['fn-b', 'fn-a', 'fn-c']);
    const refs = [...nodes(candidate.body)].filter((n) => n['type'] === 'noteRef').map((n) => n['id']);
    expect(refs).toEqual(['fn-b', 'fn-a', 'fn-b']);
    expect(allText(candidate)).not.toMatch(/second a|Unreferenced|Only from d/);
  });

  it('keeps a note reference written in a link’s text, just after the link (HTML cannot nest links)', () => {
    const { candidate } = read('See [the report[^1]](https://example.com/r) today.\n\n[^1]: The note.\n');
    const para = (candidate.body as { children: unknown[] }[])[0]!;
    expect(para.children).toEqual([
      { type: 'text', value: 'See ' },
      { type: 'link', href: 'https://example.com/r', children: [{ type: 'text', value: 'the report' }] },
      { type: 'noteRef', id: 'fn-1' },
      { type: 'text', value: ' today.' },
    ]);
  });

  it('links a `mailto:` address with its scheme, as GFM does (remark linked only the address)', () => {
    const { candidate } = read('Write to mailto:desk@example.com today.\n');
    const links = [...nodes(candidate.body)].filter((n) => n['type'] === 'link');
    expect(links).toEqual([{ type: 'link', href: 'mailto:desk@example.com', children: [{ type: 'text', value: 'mailto:desk@example.com' }] }]);
  });

  it('reads Markdown nested thousands deep without overflowing the stack, keeping every word', () => {
    const body = `${'> '.repeat(3000)}deep quote\n\n${'- '.repeat(1000)}deep item\n\n${'*'.repeat(20000)}x${'*'.repeat(20000)}\n\nafter all\n`;
    const text = allText(read(body).candidate);
    for (const word of ['deep', 'quote', 'item', 'x', 'after', 'all']) expect(words(text)).toContain(word);
  });
});
