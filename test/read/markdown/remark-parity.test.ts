/**
 * The Markdown reader moved from remark (micromark → mdast → hast, with rehype-raw) to markdown-it
 * (to-html.ts) for speed. remark, kept as a dev dependency for this test only, is the reference:
 * every Markdown fixture, the seed and the corners below map to the same model both ways. Where the
 * new reader deliberately differs (raw HTML left open, autolinks GFM puts otherwise), see
 * markdown-it.test.ts. The tree built straight from markdown-it's tokens is also held to the one
 * parse5 builds from markdown-it's HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { hastToModel } from '../../../src/read/html/index.js';
import { sanitizeTree } from '../../../src/read/html/sanitize.js';
import { splitFrontMatter } from '../../../src/read/markdown/front-matter.js';
import { parseHtml } from '../../../src/read/html/parse.js';
import { markdownToHast, markdownToHtml } from '../../../src/read/markdown/to-html.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return markdownFiles(file);
    return name.endsWith('.md') ? [file] : [];
  });
}

/** Bodies written to reach the corners of GFM that markdown-it needed help with (this folder's plugins). */
const CORNERS = [
  'Entities &amp; &copy; &#x1F600; &notanentity; and `code <b>not html</b>` and\n\n    indented <i>code</i>\n',
  '| a \\| b | c |\n|---|:-:|\n| `x|y` | **z** |\n\nText[^1] and[^missing].\n\n[^1]: Note with a [link](https://example.com).\n',
  '- [x] done\n- [ ] open\n\n1) one\n2) two\n\n* loose\n\n* list\n',
  'www.example.org, https://a.example/b?c=d. mail@example.com ~~struck~~ ~one~\n\n***\n\n> quote\n>\n> > nested\n',
  'Line one  \nline two\\\nline three\n\n![alt *text*](pic.png "Title")\n\n[ref]: https://ref.example\n\nSee [ref] and [x][ref].\n',
  '```\n<script>alert(1)</script>\n```\n\nSetext\n======\n\n## ATX ##\n\n\tTabbed\n',
  // Footnotes: labels without regard to case, the first of two definitions, GFM's numbering (body
  // first, then notes), a note referenced only from an unreferenced note left out, repeated references.
  '# Title\n\nA[^A] b[^a] c[^b] d[^A].\n\n[^a]: first def, see [^c]\n[^a]: second def\n[^b]: bee\n\n    second para of b\n\n[^c]: sea\n[^d]: unreferenced, see [^e]\n[^e]: only from d\n',
  'x[^1] and ^[not a note]\n\n[^1]: para one\n\n    para two\n\n    ```\n    code\n    ```\n\ny[^2]\n\n[^2]:\n',
  'A[^1][^2] and [^1]\n\n[^2]: two\n[^1]: one\n> [^3]: in quote\n\nc[^3] [^x y]\n',
  // Strikethrough with one or two tildes, runs that do not pair, task items by GFM's rule.
  'a ~~~three~~~ b ~x~~ c ~~y~ d ~~a ~b~ c~~\n\nfoo~bar~baz\n',
  '- [x]\n- [ ]  two spaces\n- [X]\tTab\n- [ ] \n- [x]\n  next line\n- [ ]foo\n-  [x] ok\n\n1. [x] ordered\n\n- > [x] quoted\n- para\n\n  [x] second para\n',
  // Autolink literals, their trailing punctuation and parentheses; links and URLs kept as written.
  'www.x.com. (www.paren.com) https://a.b/c?d=e&f=g; foo@bar.baz_ a.b@c.de- x@y.z\nhttp://localhost nohttp://a.b www.a_b.com www.ab.c_d http://bücher.de/ü?q=ä ftp://x.y example.com\n',
  'a www.x.com\nwww.y.com\nsee:www.z.com (https://q.com) "https://r.com" [https://t.com] *https://u.com* _www.v.com_ [https://in.link](https://x.y) ![www.alt.com](i.png) `www.code.com`\n',
  '[x](javascript:alert(1)) [y](data:text/html,hi) ![z](data:image/png;base64,AAA) <javascript:alert(2)> [w](<a b>) [v](http://a.com/%zz%20"q")\n',
  // Raw HTML that closes itself, tables with short and long rows, a comment closed later.
  '<div>\n\n*emph in div*\n\n</div>\n\ntext <img src=x onerror=alert(1)> after <b>bold</b>\n\n<details><summary>S</summary>\n\nhidden *md*\n\n</details>\n',
  '| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n\n|x|\n|-|\n\n<!-- closed -->\n\ntext\n\n<!-- another\nmultiline -->\n',
  '> '.repeat(300) + 'deep quote\n\nafter deep\n',
  // Raw HTML blocks parsed alone (to-hast.ts), and ones that leave something open (the whole-body parse).
  '<p lang="es">Hola, <b>amigos</b>.</p>\n\nText.\n\n<figure><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>\n\n<table><tr><td>x</td></tr></table>\n\n<div>\n\n*md inside div*\n\n</div>\n\n<!-- note -->\n\n<hr>\n\n<p>one<div>two</div></p>\n\nend\n',
  '<b>open bold\n\nnext para\n\n<table><tr><td>cell\n\nafter table\n',
];

function model(tree: Root) {
  return hastToModel(sanitizeTree(tree).tree, { titleFromFirstH1: true, lang: 'en' });
}

describe('markdown-it reads Markdown as remark did', () => {
  const files = [...markdownFiles(path.join(ROOT, 'test/fixtures')), ...markdownFiles(path.join(ROOT, 'content'))];
  const bodies: [string, string][] = [
    ...files.map((file): [string, string] => {
      const split = splitFrontMatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
      return [path.relative(ROOT, file), 'body' in split ? split.body : ''];
    }),
    ...CORNERS.map((body, i): [string, string] => [`corner ${i + 1}`, body]),
  ];

  it('reads real fixtures, some with raw HTML and some without', () => {
    expect(files.length).toBeGreaterThan(20);
    const withRaw = bodies.filter(([, body]) => /<[a-z!/]/i.test(body)).length;
    expect(withRaw).toBeGreaterThan(0);
    expect(bodies.length - withRaw).toBeGreaterThan(5);
  });

  it.each(bodies)('%s maps to the same model both ways', (_name, body) => {
    const before = model(remark.runSync(remark.parse(body)) as Root);
    const after = model(markdownToHast(body).tree);
    expect(after).toEqual(before);
  });

  // A body without raw HTML skips markdown-it's HTML and parse5 (to-hast.ts): same tree either way.
  it.each(bodies)('%s gives the tree parse5 builds from the HTML', (_name, body) => {
    const built = sanitizeTree(markdownToHast(body).tree).tree;
    const parsed = sanitizeTree(parseHtml(markdownToHtml(body), { fragment: true, positions: false }).tree).tree;
    expect(built).toEqual(parsed);
  });
});
