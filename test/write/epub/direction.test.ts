/**
 * Issue 11: `dir` in the EPUB's XHTML, written where the direction changes and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import type { Block } from '../../../src/model/block.js';
import type { Inline } from '../../../src/model/inline.js';
import { publication } from '../../../src/model/publication.js';
import { articleDocument } from '../../../src/write/epub/pages/article.js';
import { planPublication } from '../../../src/write/epub/plan.js';
import { STYLESHEET } from '../../../src/write/epub/css.js';

const text = (value: string): Inline => ({ type: 'text', value });
const span = (lang: string | undefined, value: string, dir?: 'ltr' | 'rtl' | 'auto'): Inline => ({ type: 'span', ...(lang && { lang }), ...(dir && { dir }), children: [text(value)] });

/** The article document of an article in `lang` with `body`. */
function document(lang: string, body: Block[], meta: { dir?: 'ltr' | 'rtl' | 'auto' } = {}): string {
  const p = publication.parse({ meta: { title: 'P', lang: 'en' }, articles: [{ meta: { title: 'A title', lang, ...meta }, body }] });
  const plan = planPublication(p);
  const a = plan.articles[0];
  if (!a) throw new Error('no article');
  return articleDocument({ plan: a, publication: plan, images: new Map(), diagnostics: new Diagnostics() });
}

describe('direction in the XHTML', () => {
  it('marks a right-to-left document, and left-to-right spans inside it', () => {
    const html = document('fa', [{ type: 'paragraph', children: [text('نام '), span('en', 'Tehran'), text(' و '), span('ar', 'دمشق')] }]);
    expect(html).toMatch(/<html [^>]*lang="fa" xml:lang="fa" dir="rtl">/);
    // English runs the other way: dir; Arabic is a new language but the same direction: no dir.
    expect(html).toContain('<span lang="en" xml:lang="en" dir="ltr">Tehran</span>');
    expect(html).toContain('<span lang="ar" xml:lang="ar">دمشق</span>');
  });

  it('writes no dir in a left-to-right document unless something runs the other way', () => {
    const html = document('en', [
      { type: 'paragraph', children: [span('fr', 'bonjour'), text(' '), span('he', 'שלום'), text(' '), span(undefined, 'x', 'auto')] },
      { type: 'paragraph', lang: 'ur', children: [text('انسان')] },
      { type: 'code', value: 'a = b;' },
    ]);
    expect(html).not.toMatch(/<html [^>]*dir=/);
    expect(html).toContain('<span lang="fr" xml:lang="fr">bonjour</span>');
    expect(html).toContain('<span lang="he" xml:lang="he" dir="rtl">שלום</span>');
    expect(html).toContain('<span dir="auto">x</span>');
    expect(html).toContain('<p lang="ur" xml:lang="ur" dir="rtl">انسان</p>');
    expect(html).toContain('<pre><code>a = b;</code></pre>');
  });

  it("follows the source's dir over the language's", () => {
    // Latin-script Azerbaijani marked rtl by its source stays rtl; a paragraph that says ltr gets it.
    const html = document('az', [{ type: 'paragraph', dir: 'ltr', children: [text('x')] }], { dir: 'rtl' });
    expect(html).toMatch(/<html [^>]*dir="rtl">/);
    expect(html).toContain('<p dir="ltr">x</p>');
  });

  it('keeps code left to right in right-to-left text', () => {
    const html = document('he', [{ type: 'paragraph', children: [text('הפונקציה '), { type: 'code', value: 'f(x)' }] }, { type: 'code', value: 'let a = 1;' }]);
    expect(html).toContain('<code dir="ltr">f(x)</code>');
    expect(html).toContain('<pre dir="ltr"><code>let a = 1;</code></pre>');
  });

  it('never forces justified text, and mirrors with logical properties', () => {
    expect(STYLESHEET).not.toMatch(/text-align:\s*justify/);
    expect(STYLESHEET).not.toMatch(/(?:margin|padding|border)-(?:left|right)\b/);
    expect(STYLESHEET).toMatch(/:lang\(ar\)[^{]*\{ quotes: "«" "»"/);
  });
});
