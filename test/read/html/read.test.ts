import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { article } from '../../../src/model/index.js';
import { readHtml } from '../../../src/read/html/index.js';
import { allText, nodes, words } from '../model-walk.js';

const FIXTURE = new URL('../../fixtures/read/news-page.html', import.meta.url);

function read(source: string, file = 'page.html') {
  const diagnostics = new Diagnostics();
  const result = readHtml(file, source, { diagnostics });
  return { result, diagnostics, candidate: result!.candidate };
}

describe('readHtml on a news page', () => {
  const source = readFileSync(FIXTURE, 'utf8');
  const { result, candidate, diagnostics } = read(source, 'news-page.html');

  it('reads the metadata from head, Open Graph, article:* and JSON-LD', () => {
    expect(candidate.meta).toEqual({
      title: 'U.S. Explores Israel–Syria Peace Talks',
      authors: [{ name: 'ClashReport Editor', url: 'https://clashreport.com/author/editor' }],
      published: '2025-06-30T09:12:00+00:00',
      modified: '2025-06-30T11:40:00+00:00',
      publisher: 'ClashReport',
      section: 'World',
      tags: ['Israel', 'Syria', 'United States'],
      lang: 'en-US',
      dir: 'ltr',
      description: 'Trump administration begins early talks with Israel and Syria on security deal.',
      source: 'https://clashreport.com/world/us-explores-israel-syria-peace-talks',
    });
    expect(diagnostics.items).toEqual([]);
  });

  it('locates metadata in the file', () => {
    const lines = source.split('\n');
    const line = (path: string[]) => lines[(result!.locate(path)?.line ?? 0) - 1] ?? '';
    expect(line(['meta', 'title'])).toContain('og:title');
    expect(line(['meta', 'published'])).toContain('article:published_time');
    expect(line(['meta', 'lang'])).toContain('<html lang="en-US"');
    expect(line(['meta', 'source'])).toContain('rel="canonical"');
  });

  it('keeps all of the article text and nothing of the page chrome', () => {
    const text = allText(candidate);
    const articleOnly = source.slice(source.indexOf('<p class="dek">'), source.indexOf('</article>')).replace(/<script[\s\S]*?<\/script>/g, '');
    const expected = words(articleOnly.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' '));
    // Every word of the article, in order, from the dek to the end (the h1 became the title).
    expect(words(text)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(300);
    for (const chrome of ['cookies', 'Politics', 'Search', 'Related', 'Lebanon', 'Most read', 'Trending', 'rights reserved', 'Privacy', 'Subscribe', 'googletag', 'dataLayer', 'Home']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('maps the article structure', () => {
    const body = candidate.body as { type: string }[];
    expect(body.filter((b) => b.type === 'heading')).toHaveLength(3);
    expect([...nodes(body)].some((n) => n['type'] === 'heading' && JSON.stringify(n).includes('U.S. Explores'))).toBe(false);
    expect(body.find((b) => b.type === 'figure')).toEqual({
      type: 'figure',
      image: { src: 'https://cdn.clashreport.com/images/2025/06/israel-syria.jpg', alt: 'The Golan Heights seen from the Israeli side of the border' },
      caption: [{ type: 'text', value: 'The Golan Heights, June 2025.' }],
      credit: [{ type: 'text', value: 'Photo: Reuters' }],
    });
    expect(body.find((b) => b.type === 'blockquote')).toMatchObject({ attribution: [{ type: 'text', value: 'Israeli Foreign Minister Gideon Saar' }] });
    // Site-relative links stay as written here; the link pass after reading resolves them against the canonical URL.
    expect([...nodes(body)].filter((n) => n['type'] === 'link').map((n) => n['href'])).toEqual(['https://clashreport.com/author/editor', 'https://www.axios.com/', '/world']);
  });

  it('gives an article the model accepts', () => {
    expect(article.safeParse(candidate).success).toBe(true);
  });
});

describe('readHtml', () => {
  it('reads a fragment: title from the first h1, no language invented', () => {
    const { candidate } = read('<h1>Fragment title</h1><p>Body text.</p>');
    expect(candidate.meta).toEqual({ title: 'Fragment title' });
    expect(candidate.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Body text.' }] }]);
  });

  it('strips a site suffix from <title> only when the h1 confirms the clean title', () => {
    expect(read('<title>Real Title | Site</title><h1>Real Title</h1><p>x</p>').candidate.meta['title']).toBe('Real Title');
    expect(read('<title>Real Title - Site</title><h1>Other</h1><p>x</p>').candidate.meta['title']).toBe('Real Title - Site');
  });

  it('uses main when there is no article, and drops site chrome around the body otherwise', () => {
    const { candidate } = read('<body><header><a href="/">Logo</a></header><nav>Menu</nav><main><p>Main text</p><nav>Pager</nav></main><footer>Foot</footer></body>');
    expect(allText(candidate)).toBe('Main text');
    const page = read('<body><header><h1>T</h1><p>Dek</p></header><nav>Menu</nav><p>Text</p><aside>Ad</aside><footer>Foot</footer></body>').candidate;
    expect(allText(page)).toBe('Dek\nText');
  });

  it('reads a local og:image with alt as the cover, and warns about one without alt', () => {
    expect(read('<meta property="og:image" content="images/cover.jpg"><meta property="og:image:alt" content="A cover"><h1>T</h1>').candidate.meta['cover'])
      .toEqual({ image: 'images/cover.jpg', alt: 'A cover' });
    const { candidate, diagnostics } = read('<meta property="og:image" content="images/cover.jpg"><h1>T</h1>');
    expect(candidate.meta['cover']).toBeUndefined();
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['read.html.meta']);
  });

  it('reports broken JSON-LD, control characters and an empty file', () => {
    const { diagnostics } = read('<script type="application/ld+json">{ nope </script><h1>T</h1><p>a\u0001b</p>');
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['read.html.json-ld', 'read.illegal-characters']);
    expect(diagnostics.warnings[1]!.message).toMatch(/^1 character/);
    const empty = new Diagnostics();
    expect(readHtml('e.html', '  \n', { diagnostics: empty })).toBeUndefined();
    expect(empty.errors[0]).toMatchObject({ code: 'read.empty', file: 'e.html', line: 1 });
  });
});

describe('readHtml dates', () => {
  it('converts RFC 2822 dates with a zone, and leaves zone-less ones for validation to report', () => {
    const meta = (content: string) => read(`<meta property="article:published_time" content="${content}"><h1>T</h1>`).candidate.meta['published'];
    expect(meta('Mon, 30 Jun 2025 09:12:00 GMT')).toBe('2025-06-30T09:12:00Z');
    expect(meta('June 30, 2025')).toBe('June 30, 2025');
  });
});
