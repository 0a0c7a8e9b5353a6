/**
 * The XHTML handlers on small hand-made articles: what each node type becomes.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import type { Block } from '../../../src/model/block.js';
import type { Inline } from '../../../src/model/inline.js';
import { publication, type Publication } from '../../../src/model/publication.js';
import type { ImageStore } from '../../../src/images/image.js';
import { articleContext } from '../../../src/write/epub/pages/article.js';
import { planPublication } from '../../../src/write/epub/plan.js';
import { renderBlocks } from '../../../src/write/epub/xhtml/blocks/index.js';

const images: ImageStore = new Map([
  ['img-1', { id: 'img-1', fileName: 'images/img-1.png', mediaType: 'image/png', data: new Uint8Array(), width: 10, height: 20, file: '/x/a.png', animated: false, print: { kind: 'bitmap', data: new Uint8Array(), mediaType: 'image/png', width: 10, height: 20 } }],
]);

function pub(bodies: Block[][], notes: { id: string; children: Block[] }[] = []): Publication {
  return publication.parse({
    meta: { title: 'P', lang: 'en' },
    articles: bodies.map((body, i) => ({ meta: { title: `Article ${i + 1}`, lang: i === 1 ? 'de' : 'en' }, body, notes: i === 0 ? notes : [] })),
  });
}

function render(p: Publication, index = 0): { html: string; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  const plan = planPublication(p);
  const a = plan.articles[index];
  if (!a) throw new Error('no article');
  return { html: renderBlocks(p.articles[index]?.body ?? [], articleContext({ plan: a, publication: plan, images, diagnostics }), []), diagnostics };
}

const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const text = (value: string): Inline => ({ type: 'text', value });

describe('links', () => {
  it('keeps web and mail links, rewrites internal ids to the document that has them, drops the rest with a warning', () => {
    const p = pub([
      [para(
        { type: 'link', href: 'https://example.org/?a=1&b=2', children: [text('web')] },
        { type: 'link', href: 'mailto:a@example.org', children: [text('mail')] },
        { type: 'link', href: '#zweiter-teil', children: [text('section')] },
        { type: 'link', href: '#article-2', children: [text('article')] },
        { type: 'link', href: 'javascript:alert(1)', children: [text('js')] },
        { type: 'link', href: 'other.html', children: [text('relative')] },
        { type: 'link', href: '#nowhere', children: [text('nowhere')] },
      )],
      [{ type: 'heading', level: 2, children: [text('Zweiter Teil')] }],
    ]);
    const { html, diagnostics } = render(p);
    expect(html).toBe(
      '<p><a href="https://example.org/?a=1&amp;b=2">web</a><a href="mailto:a@example.org">mail</a>' +
        '<a href="article-2.xhtml#zweiter-teil">section</a><a href="article-2.xhtml">article</a>jsrelativenowhere</p>',
    );
    expect(diagnostics.warnings.map((d) => d.code)).toEqual(['epub.link.dropped', 'epub.link.dropped', 'epub.link.dropped']);
  });

  it('never nests links', () => {
    const { html } = render(pub([[para({ type: 'link', href: 'https://a.example', children: [{ type: 'link', href: 'https://b.example', children: [text('x')] }] })]]));
    expect(html).toBe('<p><a href="https://a.example/">x</a></p>');
  });
});

describe('figures', () => {
  const figure = (image: object, caption?: string): Block => ({ type: 'figure', image: { src: 'img-1', ...image }, ...(caption ? { caption: [text(caption)] } : {}) } as Block);

  it('keeps alt="" decorative and needs no figure element without a caption', () => {
    expect(render(pub([[figure({ alt: '' })]])).html).toBe('<div class="figure decorative"><img src="images/img-1.png" alt="" width="10" height="20"/></div>');
  });

  it('names an image without alt by its caption, or says it has no description', () => {
    expect(render(pub([[figure({}, 'A caption')]])).html).toBe(
      '<figure><img src="images/img-1.png" aria-labelledby="figure-caption" width="10" height="20"/>\n<figcaption id="figure-caption">A caption</figcaption></figure>',
    );
    expect(render(pub([[figure({})]])).html).toBe('<div class="figure"><img src="images/img-1.png" alt="Image without a description" width="10" height="20"/></div>');
  });
});

describe('notes, lists, tables, code, language', () => {
  it('links note references and notes both ways', async () => {
    const { articleDocument } = await import('../../../src/write/epub/pages/article.js');
    const p = pub([[para(text('Text.'), { type: 'noteRef', id: 'n1' })]], [{ id: 'n1', children: [para(text('The note.'))] }]);
    const plan = planPublication(p);
    const first = plan.articles[0];
    if (!first) throw new Error('no article');
    const html = articleDocument({ plan: first, publication: plan, images, diagnostics: new Diagnostics() });
    expect(html).toContain('<p>Text.<sup><a href="#fn-n1" id="fnref-n1" epub:type="noteref" role="doc-noteref">1</a></sup></p>');
    expect(html).toContain('<section class="notes" epub:type="endnotes" role="doc-endnotes" aria-labelledby="notes"><h2 id="notes">Notes</h2>');
    expect(html).toContain('<li id="fn-n1" value="1"><p>The note.</p>\n<p class="backlink"><a href="#fnref-n1" role="doc-backlink">Back to reference 1</a></p></li>');
  });

  it('writes list starts, task states, table scopes and code classes', () => {
    const { html } = render(pub([[
      { type: 'list', ordered: true, start: 3, items: [{ children: [para(text('a'))], checked: false }] },
      { type: 'table', head: [{ cells: [{ header: true, children: [text('H')] }] }], body: [{ cells: [{ header: true, children: [text('R')] }, { header: false, align: 'right', children: [text('1')] }] }] },
      { type: 'code', language: 'python', value: 'x < 1 && y' },
    ]]));
    expect(html).toBe(
      '<ol start="3"><li class="task"><span class="task-mark" role="img" aria-label="not done">☐</span> <p>a</p></li></ol>\n' +
        '<table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><th scope="row">R</th>\n<td class="align-right">1</td></tr></tbody></table>\n' +
        '<pre><code class="language-python">x &lt; 1 &amp;&amp; y</code></pre>',
    );
  });

  it('marks language changes on blocks and spans, and only changes', () => {
    const { html } = render(pub([[
      { type: 'paragraph', lang: 'fr', children: [text('Bonjour '), { type: 'span', lang: 'fr', children: [text('encore')] }, { type: 'span', lang: 'ar', dir: 'rtl', children: [text('مرحبا')] }] },
    ]]));
    expect(html).toBe('<p lang="fr" xml:lang="fr">Bonjour encore<span lang="ar" xml:lang="ar" dir="rtl">مرحبا</span></p>');
  });

  it('derives unique heading ids', () => {
    const { html } = render(pub([[
      { type: 'heading', level: 2, children: [text('Same')] },
      { type: 'heading', level: 2, children: [text('Same')] },
      { type: 'heading', level: 3, id: '1 odd id', children: [text('Odd')] },
    ]]));
    expect(html).toBe('<h2 id="same">Same</h2>\n<h2 id="same-2">Same</h2>\n<h3 id="section-1-odd-id">Odd</h3>');
  });
});
