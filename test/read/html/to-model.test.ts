import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/index.js';
import { block as blockSchema, note as noteSchema } from '../../../src/model/index.js';
import { sanitize } from '../../../src/read/html/sanitize.js';
import { htmlToModel, type ToModelOptions } from '../../../src/read/html/to-model/index.js';
import { allText } from '../model-walk.js';

const map = (html: string, options: ToModelOptions = {}) => htmlToModel(sanitize(html).html, options);
const body = (html: string, options?: ToModelOptions): Block[] => map(html, options).body;
const text = (value: string) => ({ type: 'text', value }) as const;
const para = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('blocks', () => {
  it('maps paragraphs, thematic breaks and code blocks with their language', () => {
    expect(body('<p>One</p><hr><pre><code class="language-python">def f():\n    return  1\n</code></pre>')).toEqual([
      para(text('One')),
      { type: 'thematicBreak' },
      { type: 'code', language: 'python', value: 'def f():\n    return  1' },
    ]);
  });

  it('renumbers headings so the body starts at 2 without gaps', () => {
    const levels = body('<h3>a</h3><h5>b</h5><h6>c</h6><h4>d</h4><h3>e</h3><h2>f</h2><h4>g</h4>').map((b) => (b.type === 'heading' ? b.level : 0));
    expect(levels).toEqual([2, 3, 4, 3, 2, 2, 3]);
    expect(body('<h2 id="user-content-intro">Intro</h2>')).toEqual([{ type: 'heading', level: 2, id: 'intro', children: [text('Intro')] }]);
  });

  it('drops an h1 that repeats the title, keeps other h1s as body headings', () => {
    const result = map('<h1>The  Title</h1><p>x</p><h1>Part one</h1><h2>Sub</h2>', { title: 'the title' });
    expect(result.body).toEqual([
      para(text('x')),
      { type: 'heading', level: 2, children: [text('Part one')] },
      { type: 'heading', level: 3, children: [text('Sub')] },
    ]);
  });

  it('takes the title from the first h1 when asked to', () => {
    const result = map('<h1>Found title</h1><p>x</p>', { titleFromFirstH1: true });
    expect(result.title).toBe('Found title');
    expect(result.body).toEqual([para(text('x'))]);
  });

  it('maps blockquotes with an attribution from footer, cite or a dash paragraph', () => {
    expect(body('<blockquote><p>Words.</p><footer>— Ann Author</footer></blockquote>')).toEqual([
      { type: 'blockquote', children: [para(text('Words.'))], attribution: [text('Ann Author')] },
    ]);
    expect(body('<blockquote><p>Words.</p><cite>Book</cite></blockquote>')[0]).toMatchObject({ attribution: [text('Book')] });
    expect(body('<blockquote><p>Words.</p><p>― Someone, <em>Somewhere</em></p></blockquote>')[0]).toEqual({
      type: 'blockquote',
      children: [para(text('Words.'))],
      attribution: [text('Someone, '), { type: 'emphasis', children: [text('Somewhere')] }],
    });
    expect(body('<blockquote><p>— only a dash line</p></blockquote>')[0]).toEqual({ type: 'blockquote', children: [para(text('— only a dash line'))] });
  });

  it('maps lists: ordered with start, nested, and task items', () => {
    expect(body('<ol start="3"><li>three<ul><li>inner</li></ul></li><li><p><input type="checkbox" checked> done</p></li><li><input type="checkbox"> open</li></ol>')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          { children: [para(text('three')), { type: 'list', ordered: false, items: [{ children: [para(text('inner'))] }] }] },
          { children: [para(text('done'))], checked: true },
          { children: [para(text('open'))], checked: false },
        ],
      },
    ]);
  });

  it('turns an image alone in a paragraph into a figure with its title as caption', () => {
    expect(body('<p><img src="a.png" alt="A cat" title="Our cat"></p>')).toEqual([
      { type: 'figure', image: { src: 'a.png', alt: 'A cat' }, caption: [text('Our cat')] },
    ]);
  });

  it('maps figure with figcaption and credit', () => {
    expect(body('<figure id="f1"><img src="https://x.example/a.jpg" alt="Hills"><figcaption>The hills. <small>Photo: Jo</small></figcaption></figure>')).toEqual([
      { type: 'figure', id: 'f1', image: { src: 'https://x.example/a.jpg', alt: 'Hills' }, caption: [text('The hills.')], credit: [text('Photo: Jo')] },
    ]);
    expect(body('<figure><img src="a.png" alt=""><figcaption>Cap <span class="credit">AP</span></figcaption></figure>')[0]).toMatchObject({
      image: { alt: '' },
      caption: [text('Cap')],
      credit: [text('AP')],
    });
  });

  it('keeps an image without alt as missing alt (the build reports it), and the alt text of a refused image', () => {
    expect(body('<img src="a.png">')).toEqual([{ type: 'figure', image: { src: 'a.png' } }]);
    expect(body('<p>See <img src="javascript:x" alt="the map"> here</p>')).toEqual([para(text('See the map here'))]);
  });

  it('splits a paragraph around an inline image rather than losing it', () => {
    expect(body('<p>Before <img src="a.png" alt="A"> after</p>')).toEqual([
      para(text('Before')),
      { type: 'figure', image: { src: 'a.png', alt: 'A' } },
      para(text('after')),
    ]);
  });

  it('maps tables with caption, head, scopes, alignment and spans', () => {
    const [table] = body(
      '<table><caption>Results</caption><thead><tr><th>Name</th><th align="right">Score</th></tr></thead>' +
        '<tbody><tr><th>Ann</th><td align="right">3</td></tr><tr><td colspan="2">none</td></tr></tbody><tfoot><tr><td>Total</td><td rowspan="1">3</td></tr></tfoot></table>',
    );
    expect(table).toEqual({
      type: 'table',
      caption: [text('Results')],
      head: [{ cells: [
        { header: true, scope: 'col', children: [text('Name')] },
        { header: true, scope: 'col', align: 'right', children: [text('Score')] },
      ] }],
      body: [
        { cells: [{ header: true, scope: 'row', children: [text('Ann')] }, { header: false, align: 'right', children: [text('3')] }] },
        { cells: [{ header: false, colspan: 2, children: [text('none')] }] },
        { cells: [{ header: false, children: [text('Total')] }, { header: false, children: [text('3')] }] },
      ],
    });
  });

  it('uses a first row of th as the head when there is no thead, and keeps explicit scopes', () => {
    const [table] = body('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><th scope="col">2</th></tr></table>');
    expect(table).toMatchObject({
      head: [{ cells: [{ header: true, scope: 'col' }, { header: true, scope: 'col' }] }],
      body: [{ cells: [{ header: false }, { header: true, scope: 'col' }] }],
    });
  });

  it('takes a first row of th with a blank td corner as the head, keeps every cell, and infers no head without th (issue 10)', () => {
    const [corner] = body('<table><tr><td></td><th>A</th><th>B</th></tr><tr><th>x</th><td>1</td><td></td></tr></table>');
    expect(corner).toMatchObject({
      head: [{ cells: [{ header: false, children: [] }, { header: true, scope: 'col' }, { header: true, scope: 'col' }] }],
      body: [{ cells: [{ header: true, scope: 'row' }, { header: false }, { header: false, children: [] }] }],
    });
    const [grid] = body('<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(grid).toMatchObject({ head: [], body: [{ cells: [{ header: false }, { header: false }] }, { cells: [{ header: false }, { header: false }] }] });
  });

  it('flattens blocks inside table cells into inlines without losing text', () => {
    const [table] = body('<table><tr><td><p>one</p><p>two</p><ul><li>three</li></ul></td></tr></table>');
    expect(table).toMatchObject({ body: [{ cells: [{ children: [text('one'), { type: 'break' }, text('two'), { type: 'break' }, text('three')] }] }] });
  });

  it('wraps bare text in block containers into paragraphs', () => {
    expect(body('<div>loose <b>text</b><p>para</p>tail<section>deep</section></div>')).toEqual([
      para(text('loose '), { type: 'strong', children: [text('text')] }),
      para(text('para')),
      para(text('tail')),
      para(text('deep')),
    ]);
  });
});

describe('inlines', () => {
  it('maps every inline type', () => {
    const [p] = body(
      '<p><em>e</em> <i>i</i> <strong>s</strong> <b>b</b> <s>x</s> <del>d</del> H<sub>2</sub>O x<sup>2</sup> <code>a  b</code>' +
        ' <kbd>Ctrl</kbd> line<br>next <a href="https://example.com" title="Ex">link</a> <q cite="https://src.example">quoted</q>' +
        ' <span lang="fr">bonjour</span> <bdo dir="rtl">abc</bdo></p>',
    );
    expect(p).toEqual(para(
      { type: 'emphasis', children: [text('e')] }, text(' '),
      { type: 'emphasis', children: [text('i')] }, text(' '),
      { type: 'strong', children: [text('s')] }, text(' '),
      { type: 'strong', children: [text('b')] }, text(' '),
      { type: 'strikethrough', children: [text('x')] }, text(' '),
      { type: 'strikethrough', children: [text('d')] }, text(' H'),
      { type: 'subscript', children: [text('2')] }, text('O x'),
      { type: 'superscript', children: [text('2')] }, text(' '),
      { type: 'code', value: 'a  b' }, text(' '),
      { type: 'code', value: 'Ctrl' }, text(' line'),
      { type: 'break' }, text('next '),
      { type: 'link', href: 'https://example.com', title: 'Ex', children: [text('link')] }, text(' '),
      { type: 'quote', cite: 'https://src.example', children: [text('quoted')] }, text(' '),
      { type: 'span', lang: 'fr', children: [text('bonjour')] }, text(' '),
      { type: 'span', dir: 'rtl', children: [text('abc')] },
    ));
  });

  // Issue 11: the direction of the source reaches the model, for blocks and for isolated inlines.
  it('keeps dir on blocks and makes <bdi> an isolate of direction auto', () => {
    expect(body('<p dir="rtl" lang="ar">مرحبا</p><p>User <bdi>إيان</bdi> wrote <bdi dir="ltr">x</bdi></p>')).toEqual([
      { type: 'paragraph', lang: 'ar', dir: 'rtl', children: [text('مرحبا')] },
      para(text('User '), { type: 'span', dir: 'auto', children: [text('إيان')] }, text(' wrote '), { type: 'span', dir: 'ltr', children: [text('x')] }),
    ]);
  });

  it('unwraps links whose scheme is not http(s), mailto or tel, and keeps relative ones for the link pass', () => {
    expect(body('<p><a href="/local">rel</a> <a href="ftp://x">ftp</a> <a href="#s">frag</a> <a href="#">top</a></p>')).toEqual([
      para({ type: 'link', href: '/local', children: [text('rel')] }, text(' ftp '), { type: 'link', href: '#s', children: [text('frag')] }, text(' top')),
    ]);
  });

  it('keeps ids that links may name on the heading, figure or table they stand for (issue 10)', () => {
    const blocks = body(
      '<section id="results"><h2>Results</h2><p>Text.</p></section>' +
        '<div id="t1"><table><tr><th>a</th></tr><tr><td>b</td></tr></table></div>' +
        '<h2><span id="Mw_Style">Mw style</span></h2>' +
        '<h2>Noted<sup><a id="fnref-9" href="#fn-9">9</a></sup></h2>' +
        '<div id="para"><p>Only a paragraph.</p></div>',
    );
    expect(blocks.map((b) => ('id' in b ? b.id : undefined))).toEqual(['results', undefined, 't1', 'Mw_Style', undefined, undefined]);
  });

  it('puts lang on blocks, omits it where it repeats the article language, and ignores bad tags', () => {
    const issues: string[] = [];
    const blocks = body('<p lang="en">same</p><p lang="de_DE">anders</p><div lang="fr"><p>un</p><h2>deux</h2></div><p lang="not a tag">x</p>', {
      lang: 'en',
      report: (i) => issues.push(i.code),
    });
    expect(blocks).toEqual([
      para(text('same')),
      { type: 'paragraph', lang: 'de-DE', children: [text('anders')] },
      { type: 'paragraph', lang: 'fr', children: [text('un')] },
      { type: 'heading', level: 2, lang: 'fr', children: [text('deux')] },
      para(text('x')),
    ]);
    expect(issues).toEqual(['read.lang.invalid']);
  });

  it('collapses whitespace like a browser, across elements, except in code', () => {
    expect(body('<p>\n  a   <em> b </em>  c\t\n<br>\n  d  </p><pre>  keep   this  </pre>')).toEqual([
      para(text('a '), { type: 'emphasis', children: [text('b ')] }, text('c'), { type: 'break' }, text('d')),
      { type: 'code', value: '  keep   this  ' },
    ]);
  });
});

describe('notes', () => {
  const GFM =
    '<p>Claim<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup> and' +
    '<sup><a href="#user-content-fn-note" id="user-content-fnref-note" data-footnote-ref>2</a></sup>.</p>' +
    '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol>' +
    '<li id="user-content-fn-1"><p>First note. <a href="#user-content-fnref-1" data-footnote-backref="" class="data-footnote-backref" aria-label="Back to reference 1">↩</a></p></li>' +
    '<li id="user-content-fn-note"><p>Second.</p><p>More. <a href="#user-content-fnref-note" data-footnote-backref>↩</a></p></li></ol></section>';

  it('maps GFM footnotes to noteRefs and notes without arrows or the heading', () => {
    const result = map(GFM);
    expect(result.body).toEqual([para(text('Claim'), { type: 'noteRef', id: 'fn-1' }, text(' and'), { type: 'noteRef', id: 'fn-note' }, text('.'))]);
    expect(result.notes).toEqual([
      { id: 'fn-1', children: [para(text('First note.'))] },
      { id: 'fn-note', children: [para(text('Second.')), para(text('More.'))] },
    ]);
    expect(allText(result)).not.toMatch(/↩|Footnotes/);
  });

  it('maps DPUB-ARIA and Pandoc shapes', () => {
    const result = map(
      '<p>A<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> B<a href="#n2" role="doc-noteref">*</a></p>' +
        '<aside id="n2" role="doc-footnote"><p>Aside note.</p></aside>' +
        '<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>End note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>',
    );
    expect(result.body).toEqual([para(text('A'), { type: 'noteRef', id: 'fn1' }, text(' B'), { type: 'noteRef', id: 'n2' })]);
    expect(result.notes).toEqual([
      { id: 'n2', children: [para(text('Aside note.'))] },
      { id: 'fn1', children: [para(text('End note.'))] },
    ]);
  });

  it('keeps a link to a note that is not a reference as text, and notes valid in the model', () => {
    const result = map('<p><a href="#n1">see the note about sources</a></p><aside role="doc-footnote" id="n1">Sources.</aside>');
    expect(result.body).toEqual([para({ type: 'link', href: '#n1', children: [text('see the note about sources')] })]);
    for (const note of result.notes) expect(noteSchema.safeParse(note).success).toBe(true);
  });
});

it('produces blocks the model schema accepts', () => {
  const blocks = body('<h2>H</h2><p lang="fr">x <q>y</q></p><ul><li>a</li></ul><table><tr><th>a</th></tr><tr><td>b</td></tr></table><figure><img src="a.png" alt="a"><figcaption>c</figcaption></figure><blockquote><p>q</p></blockquote><pre>c</pre><hr>');
  for (const block of blocks) expect(blockSchema.safeParse(block).success).toBe(true);
});

describe('block elements the parser nested inside <pre>', () => {
  it('keep their words apart (regression: "naïve</p><p>end" became "naïveend")', () => {
    expect(body('<pre>naïve</p><p>end</p></pre>')).toEqual([{ type: 'code', value: 'naïve\nend' }]);
  });
});

describe('block elements the parser nested inside inline <code>', () => {
  it('keep their words apart (regression: "naïve<p>end" inside an unclosed <code>)', () => {
    const text = JSON.stringify(body('<p>x <code>mir naïve<p>end</p></code></p>'));
    expect(text).not.toContain('naïveend');
    expect(text).toContain('naïve');
  });
});
