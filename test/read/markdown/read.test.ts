import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { article } from '../../../src/model/index.js';
import { readMarkdown } from '../../../src/read/markdown/index.js';
import { validate } from '../../../src/read/validate.js';
import { allText, nodes, words } from '../model-walk.js';

function read(source: string, file = 'post.md') {
  const diagnostics = new Diagnostics();
  const result = readMarkdown(file, source, { diagnostics });
  return { result, diagnostics, candidate: result?.candidate };
}
const text = (value: string) => ({ type: 'text', value }) as const;
const para = (...children: unknown[]) => ({ type: 'paragraph', children });

const EVERYTHING = `---
title: Every Node
author: Ann Author
date: 2025-06-30
lang: en
---

# Every Node

Plain *emphasis* _also_ **strong** ~~struck~~ \`code\` H<sub>2</sub>O x<sup>2</sup> <q>quoted</q> <span lang="fr">oui</span>
hard break\\
next line, [a link](https://example.com "Example"), <https://auto.example>, www.example.org, mail@example.com and a note.[^n]

## Second level

#### Skipped level

3. first
4. second
   - nested

- [x] done
- [ ] to do

> Quoted words.
>
> — The Speaker

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | c     |

![A red door](door.jpg "The red door")

\`\`\`js
const a = 1;
\`\`\`

***

[^n]: The note, with *emphasis*.
`;

describe('readMarkdown', () => {
  const { candidate, diagnostics } = read(EVERYTHING);
  const body = candidate!.body as { type: string }[];

  it('reads the metadata and drops the heading that repeats the title', () => {
    expect(candidate!.meta).toEqual({ title: 'Every Node', authors: [{ name: 'Ann Author' }], published: '2025-06-30', lang: 'en' });
    expect(body[0]!.type).toBe('paragraph');
    expect(diagnostics.items).toEqual([]);
  });

  it('maps every inline type', () => {
    const types = new Set([...nodes(body[0])].map((n) => n['type']));
    for (const type of ['text', 'emphasis', 'strong', 'strikethrough', 'code', 'subscript', 'superscript', 'quote', 'span', 'break', 'link', 'noteRef']) {
      expect(types).toContain(type);
    }
    const links = [...nodes(body[0])].filter((n) => n['type'] === 'link');
    expect(links.map((l) => l['href'])).toEqual(['https://example.com', 'https://auto.example', 'http://www.example.org', 'mailto:mail@example.com']);
    expect(links[0]!['title']).toBe('Example');
  });

  it('maps every block type', () => {
    expect(body.map((b) => b.type)).toEqual(['paragraph', 'heading', 'heading', 'list', 'list', 'blockquote', 'table', 'figure', 'code', 'thematicBreak']);
    expect(body.filter((b) => b.type === 'heading').map((b) => (b as unknown as { level: number }).level)).toEqual([2, 3]);
    expect(body[3]).toMatchObject({ ordered: true, start: 3, items: [{}, { children: [{}, { type: 'list', ordered: false }] }] });
    expect(body[4]).toMatchObject({ items: [{ checked: true }, { checked: false }] });
    expect(body[5]).toEqual({ type: 'blockquote', children: [para(text('Quoted words.'))], attribution: [text('The Speaker')] });
    expect(body[6]).toEqual({
      type: 'table',
      head: [{ cells: [
        { header: true, scope: 'col', align: 'left', children: [text('Left')] },
        { header: true, scope: 'col', align: 'center', children: [text('Centre')] },
        { header: true, scope: 'col', align: 'right', children: [text('Right')] },
      ] }],
      body: [{ cells: [
        { header: false, align: 'left', children: [text('a')] },
        { header: false, align: 'center', children: [text('b')] },
        { header: false, align: 'right', children: [text('c')] },
      ] }],
    });
    expect(body[7]).toEqual({ type: 'figure', image: { src: 'door.jpg', alt: 'A red door' }, caption: [text('The red door')] });
    expect(body[8]).toEqual({ type: 'code', language: 'js', value: 'const a = 1;' });
  });

  it('maps footnotes without back-arrows or the Footnotes heading', () => {
    expect(candidate!.notes).toEqual([{ id: 'fn-n', children: [para(text('The note, with '), { type: 'emphasis', children: [text('emphasis')] }, text('.'))] }]);
    expect(allText(candidate!)).not.toMatch(/↩|Footnotes/);
  });

  it('keeps every word of the body', () => {
    const expected = ['Plain', 'emphasis', 'also', 'strong', 'struck', 'code', 'H2O', 'x2', 'quoted', 'oui', 'hard', 'break', 'next', 'line',
      'a', 'link', 'https', 'auto.example', 'www.example.org', 'mail', 'example.com', 'and', 'a', 'note', 'Second', 'level', 'Skipped', 'level',
      'first', 'second', 'nested', 'done', 'to', 'do', 'Quoted', 'words', 'The', 'Speaker', 'Left', 'Centre', 'Right', 'a', 'b', 'c', 'The', 'red',
      'door', 'const', 'a', '1', 'The', 'note', 'with', 'emphasis'];
    expect(words(allText(candidate!))).toEqual(expected);
  });

  it('gives an article the model accepts', () => {
    expect(article.safeParse(candidate).success).toBe(true);
  });
});

describe('readMarkdown metadata', () => {
  it('handles CRLF, a BOM and a leading blank line, and locates keys in the file', () => {
    const { candidate, result } = read('\uFEFF\r\n---\r\ntitle: T\r\nauthor: A\r\ndate: 2025-06-30\r\n---\r\nText\r\n');
    expect(candidate!.meta).toEqual({ title: 'T', authors: [{ name: 'A' }], published: '2025-06-30' });
    expect(result!.locate(['meta', 'published'])).toEqual({ line: 5, column: 1 });
    expect(result!.locate(['meta', 'authors', 0, 'name'])).toEqual({ line: 4, column: 1 });
    expect(result!.locate(['body'])).toEqual({ line: 7, column: 1 });
  });

  it('takes the date from a Jekyll file name when there is none', () => {
    expect(read('---\ntitle: T\n---\nx', 'posts/2024-02-29-leap.md').candidate!.meta['published']).toBe('2024-02-29');
    expect(read('---\ntitle: T\ndate: 2025-01-01\n---\nx', '2024-02-29-leap.md').candidate!.meta['published']).toBe('2025-01-01');
    expect(read('---\ntitle: T\n---\nx', '2024-02-30-bad.md').candidate!.meta['published']).toBeUndefined();
  });

  it('takes the title from the first # heading when the front matter has none', () => {
    const { candidate, result } = read('---\nlang: de\n---\n\nIntro\n\n# The Title\n\nText\n');
    expect(candidate!.meta['title']).toBe('The Title');
    expect(allText(candidate!)).toBe('Intro\nText');
    expect(result!.locate(['meta', 'title'])).toEqual({ line: 7, column: 1 });
    expect(read('# Only heading\n\nBody').candidate!.meta).toEqual({ title: 'Only heading' });
  });

  it('ignores unknown keys and warns about repeated spellings', () => {
    const { candidate, diagnostics } = read('---\ntitle: T\nlayout: post\ndraft: false\nweight: 3\ndate: 2025-01-01\npubDate: 2025-01-02\n---\nx');
    expect(Object.keys(candidate!.meta).sort()).toEqual(['published', 'title']);
    expect(diagnostics.errors).toEqual([]);
    expect(diagnostics.warnings).toMatchObject([{ code: 'read.front-matter.duplicate', line: 7 }]);
  });

  it('lets validation errors point at the user’s key', () => {
    const { candidate, result } = read('---\ntitle: T\nlocale: 12345\npubDate: 2025-02-30\n---\nx');
    const diagnostics = new Diagnostics();
    expect(validate(article, candidate, 'post.md', (p) => result!.locate(p), diagnostics)).toBeUndefined();
    const lines = Object.fromEntries(diagnostics.errors.map((d) => [d.message.split(' ')[0], d.line]));
    expect(lines).toEqual({ 'meta.lang': 3, 'meta.published': 4 });
  });
});

describe('readMarkdown errors', () => {
  it('reports broken YAML at its line in the file', () => {
    const { result, diagnostics } = read('\n---\ntitle: T\nsummary: "open\n---\nBody');
    expect(result).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: 'read.front-matter.yaml', file: 'post.md', line: 4 });
  });

  it('reports an empty file, an unclosed front matter, and front matter that is not a mapping', () => {
    expect(read(' \n\n').diagnostics.errors[0]).toMatchObject({ code: 'read.empty', line: 1 });
    expect(read('---\ntitle: T\n').diagnostics.errors[0]).toMatchObject({ code: 'read.front-matter.unclosed', line: 1 });
    expect(read('---\njust a string\n---\nx').diagnostics.errors[0]).toMatchObject({ code: 'read.front-matter.not-mapping', line: 2 });
  });

  it('sends raw HTML through the same sanitizer', () => {
    const { candidate, diagnostics } = read('---\ntitle: T\n---\nHello <script>alert("x")</script><img src=x onerror=alert(1) alt="pic">\n\n<a href="javascript:alert(1)">click</a>\u0007\n');
    const all = JSON.stringify(candidate!.body);
    expect(all).not.toMatch(/alert|javascript|onerror/);
    expect(words(allText(candidate!))).toEqual(['Hello', 'click']);
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['read.illegal-characters']);
  });
});

describe('readMarkdown title fallback (issue 10)', () => {
  it('titles a post without `title:` or `# heading` after its file, with a warning', () => {
    const { candidate, diagnostics } = read('---\nlang: en\n---\n\nJust a note.\n', 'notes/2025-06-30-weekly_links.md');
    expect(candidate!.meta['title']).toBe('weekly links');
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['read.title.missing']);
  });

  it('refuses it with --strict', () => {
    const diagnostics = new Diagnostics();
    const result = readMarkdown('weekly.md', 'Just a note.\n', { diagnostics, strict: true });
    expect(result!.candidate.meta['title']).toBeUndefined();
    expect(diagnostics.errors.map((d) => d.code)).toEqual(['read.title.missing']);
  });
});

describe('readMarkdown keeps text an unclosed comment would hide (issue 10)', () => {
  it('reads the rest of the post after a `<!--` that is never closed, and warns at its line', () => {
    const { candidate, diagnostics } = read('---\ntitle: T\n---\nFirst paragraph.\n\n<!-- TODO: add photos\n\nSecond *paragraph*.\n\n## Heading\n\nThird.\n');
    expect(allText(candidate!)).toBe('First paragraph.\nTODO: add photos\nSecond paragraph.\nHeading\nThird.');
    expect(diagnostics.warnings.map((d) => [d.code, d.line])).toEqual([['read.markdown.unclosed-comment', 6]]);
    const closed = read('---\ntitle: T\n---\nFirst.\n\n<!-- hidden -->\n\nSecond.\n');
    expect(allText(closed.candidate!)).toBe('First.\nSecond.');
    expect(closed.diagnostics.warnings).toEqual([]);
  });
});
