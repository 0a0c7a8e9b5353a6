/**
 * Issue 6: hostile and broken input. Each row builds one input with the real CLI and asserts the
 * exit status, the message, that a failed build writes nothing, and that a successful one carries
 * no unsafe construct and keeps the text.
 */
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from '../support/cli.js';
import { epubText, openEpub } from '../support/epub.js';
import { pdfText } from '../support/pdf.js';
import { unsafeInEpub, unsafeInPdf } from '../support/unsafe.js';
import { missingInOrder, words } from '../support/words.js';

const FM = (extra = '') => `---\ntitle: Hostile\nlang: en\n${extra}---\n\n`;
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface Row {
  name: string;
  files: Record<string, string | Uint8Array>;
  input: string;
  args?: string[];
  status: 0 | 1;
  /** Patterns stderr must match. */
  stderr?: RegExp[];
  /** Words that must survive into both outputs, in order. */
  keep?: string;
  /** Text that must not appear anywhere in the EPUB's text. */
  gone?: string[];
  /** Extra checks on a successful build's EPUB text and XHTML. */
  epub?: (text: string, xhtml: string) => void;
  setup?: (dir: string) => void;
}

const rows: Row[] = [
  {
    name: 'scripts, handlers, dangerous URLs, frames, objects, forms and styles are removed, their neighbours kept',
    files: {
      'a.html': `<!doctype html><html lang="en"><head><title>Hostile</title><style>body{display:none}</style><script>alert(1)</script></head><body>
<p onclick="alert(2)" style="color:red">Alpha <a href="javascript:alert(3)">bravo</a> <a href="vbscript:msgbox">charlie</a> <a href="//evil.example/x">delta</a>.</p>
<script>document.write('SCRIPTTEXT')</script><iframe src="https://evil.example">FRAMETEXT</iframe>
<object data="x.swf"><embed src="x.swf"></object><form action="https://evil.example"><input name="q"><button>Echo</button></form>
<p>Foxtrot <img src="data:image/png;base64,AAAA" alt="golf"> <svg onload="alert(4)"><text>hotel</text></svg> india.</p>
<p><a href="https://example.org/ok" onmouseover="alert(5)">juliet</a></p></body></html>`,
    },
    input: 'a.html',
    status: 0,
    keep: 'Alpha bravo charlie delta Foxtrot golf india juliet',
    gone: ['SCRIPTTEXT', 'alert', 'display:none'],
  },
  {
    name: 'raw HTML inside Markdown goes through the same sanitizer',
    files: { 'a.md': `${FM()}Kilo <script>alert(1)</script><b onclick="x()">lima</b> <a href="javascript:void(0)">mike</a>.\n\n<iframe src="https://evil.example"></iframe>\n\nNovember.\n` },
    input: 'a.md',
    status: 0,
    keep: 'Kilo lima mike November',
    gone: ['alert'],
  },
  {
    name: 'control characters, U+FFFE/U+FFFF and lone surrogates are removed and counted',
    files: { 'a.md': `${FM()}Oscar\u0001 papa\u0008 que\uFFFEbec\uFFFF romeo \uD800sierra\u000B tango.\n` },
    input: 'a.md',
    status: 0,
    stderr: [/warning: \d+ characters? .*removed/i],
    keep: 'Oscar papa quebec romeo sierra tango',
  },
  {
    name: 'entities become characters and &nbsp; a no-break space',
    files: { 'a.html': '<html lang="en"><head><title>Hostile</title></head><body><p>Caf&eacute; &amp; cr&egrave;me&nbsp;br&ucirc;l&eacute;e &lt;3 &#x1F600;</p></body></html>' },
    input: 'a.html',
    status: 0,
    keep: 'Café & crème\u00A0brûlée <3 😀',
    epub: (text) => expect(text).toContain('crème\u00A0brûlée'),
  },
  {
    name: 'right-to-left and mixed-direction text keeps its dir',
    files: { 'a.html': '<html lang="en"><head><title>Hostile</title></head><body><p>The word <span lang="ar" dir="rtl">سلام</span> means peace.</p><p dir="rtl" lang="he">שלום עולם</p></body></html>' },
    input: 'a.html',
    status: 0,
    keep: 'The word means peace',
    epub: (_text, xhtml) => {
      expect(xhtml).toMatch(/dir="rtl"[^>]*>سلام|سلام/);
      expect(xhtml).toMatch(/<[^>]+dir="rtl"[^>]*>[^<]*(?:<[^>]+>)*[^<]*سلام/);
    },
  },
  {
    name: 'deep nesting renders: lists ten levels deep, quotes in lists in quotes',
    files: {
      'a.md': `${FM()}${Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level${i + 1}`).join('\n')}\n\n> outer quote\n>\n> - item in quote\n>\n>   > inner quote in list in quote\n`,
    },
    input: 'a.md',
    status: 0,
    keep: 'level1 level2 level3 level4 level5 level6 level7 level8 level9 level10 outer quote item in quote inner quote in list in quote',
  },
  {
    name: 'very long words and URLs build',
    files: { 'a.md': `${FM()}${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(6)} and https://example.org/${'very-long-path-segment/'.repeat(12)}end and more text.\n` },
    input: 'a.md',
    status: 0,
    keep: 'and more text',
  },
  {
    name: 'a remote image is not fetched: its alt and caption are kept with a link to it',
    files: { 'a.md': `${FM()}![A lighthouse at dusk](https://example.org/lighthouse.jpg "The lighthouse in winter")\n\nAfter the image.\n` },
    input: 'a.md',
    status: 0,
    stderr: [/warning: .*https:\/\/example\.org\/lighthouse\.jpg.*not downloaded/],
    keep: 'A lighthouse at dusk The lighthouse in winter After the image',
    epub: (_text, xhtml) => expect(xhtml).toContain('href="https://example.org/lighthouse.jpg"'),
  },
  {
    name: 'duplicate article titles get unique slugs and internal links still resolve',
    files: {
      'p/publication.yaml': 'title: Twins\nlang: en\narticles: [one.md, two.md]\n',
      'p/one.md': '---\ntitle: Same Title\n---\n\nFirst twin. See [the second](#same-title-2) and [its section](#details).\n',
      'p/two.md': '---\ntitle: Same Title\n---\n\nSecond twin.\n\n## Details\n\nMore.\n',
    },
    input: 'p',
    status: 0,
    keep: 'First twin Second twin Details More',
    epub: (_text, xhtml) => {
      const hrefs = [...xhtml.matchAll(/href="([^"]+\.xhtml)#([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`);
      expect(hrefs.length).toBeGreaterThanOrEqual(2);
    },
  },
  // Issue 10: like pandoc, an untitled article is titled after its file, with a warning; --strict refuses it.
  { name: 'a missing title is taken from the file name', files: { '2025-06-30-my-first_post.md': '---\nlang: en\n---\n\nText.\n' }, input: '2025-06-30-my-first_post.md', status: 0, stderr: [/my-first_post\.md: warning: the article has no title .*"my first post" is used/], keep: 'my first post Text' },
  { name: 'a missing title with --strict', files: { 'a.html': '<html lang="en"><body><p>Text.</p></body></html>' }, input: 'a.html', args: ['--strict'], status: 1, stderr: [/a\.html: the article has no title .*build without --strict/] },
  { name: 'an impossible date', files: { 'a.md': `${FM('date: 2025-04-31\n')}Text.\n` }, input: 'a.md', status: 1, stderr: [/a\.md:4:1: .*not a real date/] },
  { name: 'an invalid language tag', files: { 'a.md': '---\ntitle: T\nlang: xx_yy_zz!\n---\n\nText.\n' }, input: 'a.md', status: 1, stderr: [/a\.md:3:1: .*BCP 47/] },
  { name: 'broken YAML', files: { 'a.md': '---\ntitle: "unclosed\nlang: en\n---\n\nText.\n' }, input: 'a.md', status: 1, stderr: [/a\.md:\d+:\d+: .*not valid/] },
  {
    name: 'an invalid JSON model names the path',
    files: { 'a.json': JSON.stringify({ meta: { title: 'T', lang: 'en' }, body: [{ type: 'paragraph', children: [{ type: 'text' }] }] }, null, 2) },
    input: 'a.json',
    status: 1,
    stderr: [/a\.json:\d+:\d+: .*body\[0\]\.children\[0\]\.value/],
  },
  { name: 'an unknown file type', files: { 'a.rtf': '{\\rtf1 x}' }, input: 'a.rtf', status: 1, stderr: [/unknown file type "\.rtf"/] },
  { name: 'an empty file', files: { 'a.md': '' }, input: 'a.md', status: 1, stderr: [/the file is empty/] },
  // issue 10: a broken image reference costs one figure, not the book; --strict makes it an error.
  {
    name: 'an image that does not exist is a warning; its alt and caption are kept',
    files: { 'a.md': `${FM()}Before.\n\n![A harbour crane](nope.png "The crane at night")\n\nAfter.\n` },
    input: 'a.md',
    status: 0,
    stderr: [/a\.md: warning: image "nope\.png" in “Hostile” does not exist; looked for .*nope\.png.* — check the file name/],
    keep: 'Before A harbour crane The crane at night After',
  },
  { name: 'an image that does not exist is an error with --strict', files: { 'a.md': `${FM()}![Alt](nope.png)\n` }, input: 'a.md', args: ['--strict'], status: 1, stderr: [/image "nope\.png" in “Hostile” does not exist/] },
  { name: 'a GIF is kept', files: { 'a.md': `${FM()}![A dot](x.gif)\n\nAfter.\n`, 'x.gif': GIF }, input: 'a.md', status: 0, keep: 'After', epub: (_t, xhtml) => expect(xhtml).toMatch(/<img src="images\/img-[0-9a-f]{12}\.gif" alt="A dot"/) },
  {
    name: 'a file that is not an image is a warning',
    files: { 'a.md': `${FM()}![A chart](chart.png)\n\nAfter.\n`, 'chart.png': 'not an image at all' },
    input: 'a.md',
    status: 0,
    stderr: [/warning: image "chart\.png" in “Hostile” is not an image broadsheet can read/],
    keep: 'A chart After',
  },
  { name: 'an image path that climbs out of the folder', files: { 'd/a.md': `${FM()}![Alt](../../../../etc/passwd)\n` }, input: 'd/a.md', status: 1, stderr: [/points outside the publication’s folder/] },
  {
    name: 'a site-absolute image path that is not in the folder is a warning',
    files: { 'a.md': `${FM()}![Alt](/etc/passwd)\n` },
    input: 'a.md',
    status: 0,
    stderr: [/warning: image "\/etc\/passwd" in “Hostile” does not exist; looked for .*a site-absolute path starts at the publication’s folder/],
  },
  {
    name: 'a symlink that points out of the folder',
    files: { 'd/a.md': `${FM()}![Alt](link.png)\n`, 'outside.png': GIF },
    setup: (dir) => symlinkSync(path.join(dir, 'outside.png'), path.join(dir, 'd/link.png')),
    input: 'd/a.md',
    status: 1,
    stderr: [/link\.png" in “Hostile” is a link that points outside the publication’s folder/],
  },
  {
    name: 'an image over the size limit',
    files: { 'a.md': `${FM()}![Alt](big.png)\n`, 'big.png': new Uint8Array(4096) },
    input: 'a.md',
    args: ['--max-image-mb', '0.001'],
    status: 1,
    stderr: [/over the 0 MB limit|over the .* limit/],
  },
  { name: 'an article over the size limit', files: { 'a.md': `${FM()}${'word '.repeat(3000)}\n` }, input: 'a.md', args: ['--max-article-mb', '0.001'], status: 1, stderr: [/over the .*limit — split it/] },
];

describe('hostile and broken input', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const dir = tempFolder(row.files);
      row.setup?.(dir);
      const out = path.join(dir, 'out');
      const run = cli(['build', path.join(dir, row.input), '--out', out, ...(row.args ?? [])]);
      expect(run.status, run.stderr).toBe(row.status);
      expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // never a stack trace
      for (const re of row.stderr ?? []) expect(run.stderr).toMatch(re);
      if (row.status === 1) {
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
        for (const line of run.stderr.trim().split('\n')) expect(line).toMatch(/^(?:\S.*?: )?(?:warning: )?.+ — .+/);
        return;
      }
      const outputs = readdirSync(out);
      const epub = path.join(out, outputs.find((f) => f.endsWith('.epub')) ?? '');
      const pdf = path.join(out, outputs.find((f) => f.endsWith('.pdf')) ?? '');
      expect(await unsafeInEpub(epub)).toEqual([]);
      expect(unsafeInPdf(pdf)).toEqual([]);
      const text = await epubText(epub);
      const xhtml = (await openEpub(epub)).spine.map((d) => d.xhtml).join('\n');
      if (row.keep) {
        expect(missingInOrder(words(text), words(row.keep))).toBeUndefined();
        expect(missingInOrder(words(await pdfText(pdf)), words(row.keep))).toBeUndefined();
      }
      for (const g of row.gone ?? []) expect(xhtml).not.toContain(g);
      row.epub?.(text, xhtml);
    });
  }
});
