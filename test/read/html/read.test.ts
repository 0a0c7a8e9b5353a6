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
      subtitle: 'Trump administration begins early talks with Israel and Syria on security deal.',
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
    // The chrome around the article is left out, and said so once, with its words counted by place.
    expect(diagnostics.items.map((d) => [d.code, d.message])).toEqual([
      ['read.html.furniture', 'left out 39 words of page furniture: div.cookie-banner (9), header.site-header (5), div.breadcrumbs (2), aside.related (6), aside.sidebar (5), footer.site-footer (12)'],
    ]);
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
    // The dek became the subtitle; the text runs from the byline to the end.
    const articleOnly = source.slice(source.indexOf('<p class="byline">'), source.indexOf('</article>')).replace(/<script[\s\S]*?<\/script>/g, '');
    const expected = words(articleOnly.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' '));
    // Every word of the article, in order (the h1 became the title).
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
    expect(allText(page)).toBe('Text');
    expect(page.meta['subtitle']).toBe('Dek');
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

describe('readHtml chooses the article (issue 10)', () => {
  const para = (word: string, n: number) => `<p>${Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')}</p>`;

  it('keeps the article holding most of the text, not the first', () => {
    const { candidate, diagnostics } = read(`<body><article>${para('teaser', 8)}</article><article><h2>Story</h2>${para('story', 80)}</article><article>${para('other', 6)}</article></body>`);
    expect(allText(candidate)).toBe(`Story\n${Array.from({ length: 80 }, (_, i) => `story${i}`).join(' ')}`);
    expect(diagnostics.warnings.filter((d) => d.code === 'read.html.furniture').map((d) => d.message)).toEqual(['left out 14 words of page furniture: article (14)']);
  });

  it('keeps the common container when the text is spread over many articles', () => {
    const entries = Array.from({ length: 6 }, (_, i) => `<article>${para(`e${i}w`, 20 + i)}</article>`).join('');
    const { candidate } = read(`<body><nav>Menu</nav><div class="entries">${entries}</div><footer>Foot</footer></body>`);
    expect(words(allText(candidate))).toHaveLength(6 * 20 + 15);
  });

  it('keeps the page when its <article> elements are small teasers beside a story written without one', () => {
    const { candidate } = read(`<body><div class="story"><h1>T</h1>${para('story', 120)}</div><aside><article>${para('teaser', 10)}</article></aside></body>`);
    expect(words(allText(candidate))).toHaveLength(120);
  });

  it('keeps a standfirst as text when the page already gives another subtitle, and leaves out one that repeats it', () => {
    const ld = (alt: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"T","alternativeHeadline":"${alt}"}</script>`;
    const page = (alt: string) => `${ld(alt)}<article><header><h1>T</h1><p class="standfirst">The standfirst says this.</p></header><p>Body.</p></article>`;
    const other = read(page('A different dek')).candidate;
    expect(other.meta['subtitle']).toBe('A different dek');
    expect(allText(other)).toBe('The standfirst says this.\nBody.');
    const same = read(page('The standfirst says this.')).candidate;
    expect(allText(same)).toBe('Body.');
  });

  it('never drops by class a part holding most of the article', () => {
    const { candidate } = read(`<article><h1>T</h1><div class="content has-sidebar">${para('kept', 50)}</div><div class="sidebar">${para('side', 5)}</div></article>`);
    expect(words(allText(candidate))).toHaveLength(50);
    const wrapper = read(`<article><h1>T</h1><div class="comments-enabled">${para('kept', 50)}</div></article>`).candidate;
    expect(words(allText(wrapper))).toHaveLength(50);
  });
});

describe('readHtml keeps text a parser would hide (issue 10)', () => {
  it('keeps the rest of the file after a comment that is never closed, and says where it began', () => {
    const { candidate, diagnostics } = read('<html lang="en"><title>T</title><body><p>Before.</p>\n<!-- note to self\n<p>After one.</p><p>After two.</p></body></html>');
    expect(allText(candidate)).toBe('Before.\nnote to self\nAfter one.\nAfter two.');
    expect(diagnostics.warnings.map((d) => [d.code, d.line, d.column])).toEqual([['read.html.unclosed-comment', 2, 1]]);
  });
});

describe('readHtml title fallback (issue 10)', () => {
  it('titles a page without any title after its file, with a warning', () => {
    const { candidate, diagnostics } = read('<html lang="en"><body><p>Only text.</p></body></html>', 'posts/2025-06-30-my-first_post.html');
    expect(candidate.meta['title']).toBe('my first post');
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['read.title.missing']);
    expect(diagnostics.warnings[0]!.message).toContain('"my first post" is used');
    expect(read('<p>x</p>', 'site/field-notes/index.html').candidate.meta['title']).toBe('field notes');
  });

  it('refuses it with --strict', () => {
    const diagnostics = new Diagnostics();
    const result = readHtml('untitled.html', '<p>Only text.</p>', { diagnostics, strict: true });
    expect(result!.candidate.meta['title']).toBeUndefined();
    expect(diagnostics.errors.map((d) => [d.code, d.file])).toEqual([['read.title.missing', 'untitled.html']]);
  });
});

describe('readHtml on absurdly deep nesting', () => {
  it('flattens below 512 levels as browsers do, keeping every word and never overflowing the stack', () => {
    const depth = 3000;
    const { candidate } = read(`<article><h1>T</h1><p>Before.</p>${'<div><span>'.repeat(depth)}<p>Deep text.</p>${'</span></div>'.repeat(depth)}<p>After.</p></article>`);
    expect(allText(candidate)).toBe('Before.\nDeep text.\nAfter.');
  });
});

describe('readHtml lazy-loaded images (issue 10)', () => {
  it('takes the image in <noscript> in place of the placeholder before it, and leaves tracking pixels out', () => {
    const { candidate } = read(
      '<article><h1>T</h1><p>Text before.</p>' +
        '<img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="harbour.jpg" alt="Harbour at dawn"><noscript><img src="harbour.jpg"></noscript>' +
        '<p>Text after.</p><noscript><img src="https://tracker.example/p.gif" width="1" height="1" alt=""></noscript></article>',
    );
    const images = [...nodes(candidate.body)].filter((n) => n['type'] === 'figure').map((n) => n['image']);
    expect(images).toEqual([{ src: 'harbour.jpg', alt: 'Harbour at dawn' }]);
    expect(words(allText(candidate))).toEqual(['Text', 'before', 'Text', 'after']);
  });
});
