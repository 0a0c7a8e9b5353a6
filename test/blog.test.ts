/**
 * Issue 10: a real-looking Markdown blog (test/fixtures/blog) builds, as a user would build it with
 * the CLI: SVG charts with text, an animated GIF, a WebP photo behind a <picture>, a 16-bit PNG, a
 * data: URI, a site-absolute image that exists and one that does not, a hostile SVG export,
 * reference-style links, a fragment link, a code block longer than an A5 page, a table with an
 * empty top-left header cell and footnotes.
 *
 * Built once; EPUBCheck and Ace run once. Every word of every post (image alt texts aside, which the
 * PDF keeps as /Alt) comes back from the EPUB and the PDF in order; every image is in both.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAce, runAce, type AceResult } from './support/ace.js';
import { BIN, ROOT } from './support/cli.js';
import { openEpub, xhtmlText, type EpubContents } from './support/epub.js';
import { formatEpubcheck, runEpubcheck } from './support/epubcheck.js';
import { run } from './support/exec.js';
import { pdfStructText, pdfText } from './support/pdf.js';
import { missingInOrder, words } from './support/words.js';
import { printPages } from './page-list/print-pages.js';
import { markerReadings } from './page-list/reading-order.js';

const BLOG = path.join(ROOT, 'test/fixtures/blog');
const POSTS = readdirSync(path.join(BLOG, 'posts')).filter((f) => f.endsWith('.md')).sort();

/** The images the posts name that exist (the tenth, /images/deploy-diagram.png, does not). */
const IMAGES = 9;

interface Post { file: string; body: string[]; notes: string[][] }

/**
 * The words of a post as a reader sees them, from its Markdown source: front matter, link targets,
 * reference definitions, image sources and alt texts (the PDF holds alt as /Alt, not as text),
 * markup and table rules removed; footnote definitions apart, as notes are placed elsewhere.
 */
function readPost(file: string): Post {
  const source = readFileSync(path.join(BLOG, 'posts', file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const notes: string[][] = [];
  // A note reference reads as its number, set against the word before it ("servers.1").
  const labels: string[] = [];
  const numbered = source.replace(/\[\^([^\]]+)\](?!:)/g, (_, label: string) => {
    if (!labels.includes(label)) labels.push(label);
    return String(labels.indexOf(label) + 1);
  });
  const text = numbered
    .replace(/^\[\^[^\]]+\]:\s*(.*)$/gm, (_, note: string) => {
      notes.push(words(plain(note)));
      return '';
    })
    .replace(/^\[[^\]^]+\]:.*$/gm, '')
    .replace(/^```.*$/gm, '');
  return { file, body: words(plain(text)), notes };
}

function plain(markdown: string): string {
  return markdown
    .replace(/<source[^>]*>/g, '')
    .replace(/<img[^>]*>/g, '')
    .replace(/<\/?picture>/g, '')
    .replace(/!\[[^\]]*\]\([^)\s]*(?:\s+"([^"]*)")?\)/g, (_, title?: string) => ` ${title ?? ''} `)
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#+|>|-|\d+\.)\s+/gm, ' ')
    .replace(/^\|?[\s|:-]+\|?$/gm, ' ')
    .replace(/[|*`]/g, ' ');
}

describe('issue 10: a real-looking Markdown blog', () => {
  let dir: string;
  let epubFile: string;
  let pdfFile: string;
  let stderr: string;
  let status: number | null;
  let epub: EpubContents;
  let pdfWords: string[];
  let epubWords: string[];
  let ace: AceResult | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-blog-'));
    const proc = await run(process.execPath, [BIN, 'build', BLOG, '--out', dir], { cwd: ROOT, timeoutMs: 300_000 });
    status = proc.code;
    stderr = proc.stderr;
    if (proc.code !== 0) throw new Error(`the blog did not build (exit ${proc.code}):\n${proc.stderr}`);
    epubFile = path.join(dir, 'notes-from-the-platform-team.epub');
    pdfFile = path.join(dir, 'notes-from-the-platform-team.pdf');
    epub = await openEpub(epubFile);
    epubWords = words(epub.spine.map((d) => xhtmlText(d.xhtml)).join('\n'));
    pdfWords = words(await pdfText(pdfFile));
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('builds (exit 0) with one warning for the missing image, naming the file, the image and the fix', () => {
    expect(status).toBe(0);
    const broken = stderr.split('\n').filter((l) => /image "/.test(l));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/posts\/2024-04-15-site-logo\.md: warning: image "\/images\/deploy-diagram\.png" in “The Site Logo and the Diagram We Lost” does not exist; looked for .*images\/deploy-diagram\.png .* — check the file name/);
    // Every other warning is about print resolution of the small bitmaps, never an error or a crash.
    for (const line of stderr.trim().split('\n').filter((l) => !broken.includes(l))) expect(line).toMatch(/warning: .* below the 300 dpi print needs/);
  });

  it('passes EPUBCheck 5 and Ace without a message (but the empty header cell, see below)', async () => {
    const [check, result] = await Promise.all([runEpubcheck(epubFile), runAce(epubFile)]);
    ace = result;
    expect(formatEpubcheck(check)).toBe('');
    expect(check.fatal + check.errors + check.warnings).toBe(0);
    expect(formatAce({ ...ace, violations: ace.violations.filter((v) => v.rule !== 'empty-table-header') })).toBe('');
  }, 300_000);

  // the empty top-left header cell (`| |` in Markdown) is written so that Ace accepts it.
  it('passes Ace without any message', () => {
    expect(formatAce(ace!)).toBe('');
  });

  it('gives back every word of every post from the EPUB, in order', () => {
    let hay = epubWords;
    for (const post of POSTS.map(readPost)) {
      expect(missingInOrder(hay, post.body), post.file).toBeUndefined();
      for (const note of post.notes) expect(missingInOrder(epubWords, note), `${post.file} footnote`).toBeUndefined();
      // The next post's words come after this one's.
      hay = hay.slice(hay.indexOf(post.body[post.body.length - 1] as string));
    }
  });

  it('gives back every word of every post from the PDF, in order (no chart label in between)', () => {
    for (const post of POSTS.map(readPost)) {
      expect(missingInOrder(pdfWords, post.body, { joinBroken: true }), post.file).toBeUndefined();
      for (const note of post.notes) expect(missingInOrder(pdfWords, note, { joinBroken: true }), `${post.file} footnote`).toBeUndefined();
    }
    // SVG text is drawn as outlines inside the Figure: it is described by /Alt, not extracted as text.
    for (const label of ['Gateway', '75%', '52%', '150']) expect(pdfWords).not.toContain(label);
  });

  it('keeps the missing image’s description and caption as text in both editions', () => {
    const standIn = words('Image: Deployment diagram: three regions, each with two gateways in front of a shared cache. The deployment diagram, as it was in March');
    expect(missingInOrder(epubWords, standIn)).toBeUndefined();
    expect(missingInOrder(pdfWords, standIn, { joinBroken: true })).toBeUndefined();
  });

  it('has every image in the EPUB, SVG, GIF and WebP as they are', async () => {
    const imgs = epub.spine.flatMap((d) => [...d.xhtml.matchAll(/<img\b[^>]*\bsrc="(images\/img-[^"]+)"[^>]*>/g)].map((m) => ({ tag: m[0], src: m[1] as string })));
    expect(imgs).toHaveLength(IMAGES);
    for (const img of imgs) expect(img.tag).toMatch(/\balt="[^"]{10,}"/);
    const types = [...epub.opf.matchAll(/<item\b[^>]*href="images\/img-[^"]+"[^>]*media-type="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(types).toEqual(['image/gif', 'image/png', 'image/png', 'image/png', 'image/svg+xml', 'image/svg+xml', 'image/svg+xml', 'image/svg+xml', 'image/webp']);
    // The <picture> gave its best local candidate (the 2x WebP), not the missing small JPEG.
    const harbour = epub.spine.find((d) => d.href.startsWith('our-new-office'));
    expect(harbour?.xhtml).toMatch(/<img src="images\/img-[0-9a-f]{12}\.webp" alt="The harbour wall at dusk/);
  });

  it('rebuilt the hostile SVG export without scripts, handlers, external references or entities', async () => {
    const svgs = await Promise.all(Object.keys(epub.zip.files).filter((f) => f.endsWith('.svg')).map((f) => epub.zip.file(f)!.async('string')));
    expect(svgs).toHaveLength(4);
    const hostile = svgs.find((s) => s.includes('Error budget burned this quarter'));
    expect(hostile).toBeDefined();
    for (const svg of svgs) {
      expect(svg).not.toMatch(/<script|\son\w+=|foreignObject|iframe|telemetry|cdn\.example|javascript:|@import|DOCTYPE|ENTITY|tracking/i);
      expect(svg).not.toMatch(/(?:xlink:)?href="(?!#)/);
    }
    expect(hostile).toMatch(/checkout 75%/);
  });

  it('has every image in the PDF as a Figure with /Alt', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfFile, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
    const figures = [...qdf.matchAll(/\d+ 0 obj\n<<([\s\S]*?)\n>>\nendobj/g)].map((m) => m[1] as string).filter((d) => /\/S \/Figure\b/.test(d));
    const alts = figures.map((d) => /\/Alt \(((?:[^()\\]|\\.)*)\)/.exec(d)?.[1]);
    // The article images and the cover.
    expect(alts.filter(Boolean)).toHaveLength(IMAGES + 1);
    for (const alt of ['Bar chart of p50 and p99 latency', 'Line chart of the cache hit ratio', 'A small animated spinner', 'The harbour wall at dusk', 'A small heat map', 'A green circle with a white tick', 'The platform team logo', 'Diagram: the gateway sends', 'Bar chart of the error budget']) {
      expect(alts.some((a) => a?.startsWith(alt)), alt).toBe(true);
    }
  });

  it('draws the SVG charts as vectors: no image XObject for them', () => {
    const list = execFileSync('pdfimages', ['-list', pdfFile]).toString().trim().split('\n').slice(2);
    // Cover, GIF frame, WebP, 16-bit PNG, badge, logo (the four SVGs are paths, not images).
    expect(list.filter((l) => l.trim().split(/\s+/)[2] === 'image').length).toBe(6);
  });

  // Page-break markers inside the long code block land where the PDF page begins.
  it('places page marker N before the first words of PDF page N, code blocks included', async () => {
    const pages = await printPages(pdfFile);
    const markers = new Map(markerReadings(epub.spine).map((r) => [r.label, r]));
    const one = pages.findIndex((p) => p.label === '1');
    const wrong = pages
      .filter((p) => p.index > one && p.words.length > 0)
      .flatMap((p) => {
        const marker = markers.get(p.label);
        if (!marker || marker.inDocument === 0) return [];
        const after = words(marker.after).slice(0, 4).join(' ');
        return p.words.slice(0, 4).join(' ') === after ? [] : [`page ${p.label}: PDF ${p.words.slice(0, 4).join(' ')} / EPUB ${after}`];
      });
    expect(wrong).toEqual([]);
  });

  // fragment links stay internal links in both editions.
  it('keeps [see the table](#results) as an internal link to the Results heading in both editions', () => {
    const doc = epub.spine.find((d) => d.href.startsWith('measuring-tail-latency'))!;
    const href = /<a\b[^>]*href="([^"]*#results[^"]*)"[^>]*>see the table<\/a>/.exec(doc.xhtml)?.[1];
    expect(href).toBeDefined();
    expect(doc.xhtml).toMatch(new RegExp(`\\bid="${href!.split('#')[1]}"`));
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfFile, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
    // PDF strings escape their parentheses: (see the table \(in this document\)).
    expect(qdf).toMatch(/\/Contents \(see the table \\\(in this document\\\)\)/);
  });

  // a table's empty top-left header cell keeps its place (TH) in the PDF tags.
  it('keeps the empty top-left header cell of the results table in both editions', async () => {
    const doc = epub.spine.find((d) => d.href.startsWith('measuring-tail-latency'))!;
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(doc.xhtml)?.[1] ?? '';
    // The blank corner is a td in the EPUB (an empty th is an empty header to a screen reader).
    expect(head.match(/<t[hd]\b/g)).toHaveLength(4);
    expect(head).toMatch(/^\s*<tr><td><\/td>/);
    const tree = await pdfStructText(pdfFile);
    const thead = /THead[\s\S]*?TBody/.exec(tree)?.[0] ?? '';
    expect(thead.match(/^\s*TH\b/gm)).toHaveLength(4);
  });
});
