/**
 * The Markdown reader parses once and runs rehype-raw only when the body holds raw HTML (to-html.ts).
 * This reads every Markdown fixture and the seed both ways — today's tree and the earlier pipeline
 * that always ran rehype-raw — and checks the model mapped from them is the same.
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
import { markdownToHast } from '../../../src/read/markdown/to-html.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const alwaysRaw = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return markdownFiles(file);
    return name.endsWith('.md') ? [file] : [];
  });
}

/** Bodies with no raw HTML, where the new path skips rehype-raw, written to reach its corners. */
const CORNERS = [
  'Entities &amp; &copy; &#x1F600; &notanentity; and `code <b>not html</b>` and\n\n    indented <i>code</i>\n',
  '| a \\| b | c |\n|---|:-:|\n| `x|y` | **z** |\n\nText[^1] and[^missing].\n\n[^1]: Note with a [link](https://example.com).\n',
  '- [x] done\n- [ ] open\n\n1) one\n2) two\n\n* loose\n\n* list\n',
  'www.example.org, https://a.example/b?c=d. mail@example.com ~~struck~~ ~one~\n\n***\n\n> quote\n>\n> > nested\n',
  'Line one  \nline two\\\nline three\n\n![alt *text*](pic.png "Title")\n\n[ref]: https://ref.example\n\nSee [ref] and [x][ref].\n',
  '```\n<script>alert(1)</script>\n```\n\nSetext\n======\n\n## ATX ##\n\n\tTabbed\n',
];

function model(tree: Root) {
  return hastToModel(sanitizeTree(tree).tree, { titleFromFirstH1: true, lang: 'en' });
}

describe('one parse, rehype-raw only for raw HTML', () => {
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
    const before = model(alwaysRaw.runSync(alwaysRaw.parse(body)) as Root);
    const after = model(markdownToHast(body).tree);
    expect(after).toEqual(before);
  });
});
