/**
 * fast-check arbitraries for the model: random block trees with hard text (combining marks, emoji,
 * right-to-left scripts, control characters, very long words), and random hostile HTML.
 */
import fc from 'fast-check';
import type { Block } from '../../src/model/block.js';
import type { Inline } from '../../src/model/inline.js';

const latin = fc.constantFrom('harbour', 'Zoë', 'naïve', 'façade', 'Ærø', 'Łódź', 'straße', 'Ωμέγα', 'Привет', 'мир', 'e\u0301te\u0301', 'A\u030A', 'co-operate', 'don’t', '1974', '3.5%');
const hard = fc.constantFrom('😀', '👩‍👩‍👧', 'سلام', 'שלום', '\u0001', '\uFFFE', '\uD800', '\u00A0', '\u00AD', '&', '<', '"', '\'', '>', '\u200B');
const longWord = fc.integer({ min: 30, max: 160 }).map((n) => 'x'.repeat(n).replace(/x/g, (_, i: number) => 'abcdefghij'[i % 10]));
const url = fc.integer({ min: 1, max: 12 }).map((n) => `https://example.org/${'segment/'.repeat(n)}page.html?q=${n}`);

/**
 * A link's address as real pages and JSON models give it (issue 10): tidy, repairable
 * (`##rust`, spaces, IDN hosts, `[`, `|`, a stray `%`), refused (`javascript:`), relative, fragments,
 * or any string at all. The book must keep each as a valid link or as text.
 */
const href = fc.oneof(
  { weight: 3, arbitrary: url },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'https://webchat.freenode.net/?channels=##rust', 'https://example.com/a b', 'https://münchen.de/straße', 'https://例え.テスト/パス',
      'https://example.com/list[1]', 'https://example.com/a|b', 'https://example.com/100%_sure', 'javascript:alert(1)',
      'mailto:Jane Doe <jane@example.com>', 'tel:+44 20 7946 0000', 'https://exa mple.com/', '/docs/install', '../x.html', '#results', '#', 'other.md#x',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `https://example.org/${s}`) },
);

/** A word: mostly ordinary, sometimes hard. */
export const word = fc.oneof({ weight: 12, arbitrary: latin }, { weight: 2, arbitrary: hard }, { weight: 1, arbitrary: longWord }, { weight: 1, arbitrary: url });

export const text = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' '));

const leaf: fc.Arbitrary<Inline> = text.map((value) => ({ type: 'text', value }));

export const inline: fc.Arbitrary<Inline> = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('inline'), { minLength: 1, maxLength: 3 }).map((children): Inline => ({ type: 'emphasis', children })) },
    { weight: 1, arbitrary: fc.array(tie('inline'), { minLength: 1, maxLength: 3 }).map((children): Inline => ({ type: 'strong', children })) },
    { weight: 1, arbitrary: text.map((value): Inline => ({ type: 'code', value })) },
    { weight: 1, arbitrary: fc.tuple(href, text).map(([target, value]): Inline => ({ type: 'link', href: target, children: [{ type: 'text', value }] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('fr', 'de', 'el', 'ru', 'ar', 'he'), text).map(([lang, value]): Inline => ({ type: 'span', lang, dir: lang === 'ar' || lang === 'he' ? 'rtl' : undefined, children: [{ type: 'text', value }] })) },
    { weight: 1, arbitrary: text.map((value): Inline => ({ type: 'superscript', children: [{ type: 'text', value }] })) },
  ),
})).inline;

const inlines = fc.array(inline, { minLength: 1, maxLength: 5 });

export const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: inlines.map((children): Block => ({ type: 'paragraph', children })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(2, 3) as fc.Arbitrary<2 | 3>, text).map(([level, value]): Block => ({ type: 'heading', level, children: [{ type: 'text', value }] })) },
    { weight: 1, arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((children): Block => ({ type: 'blockquote', children })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.boolean(), fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }))
        .map(([ordered, items]): Block => ({ type: 'list', ordered, items: items.map((children) => ({ children })) })),
    },
    { weight: 1, arbitrary: text.map((value): Block => ({ type: 'code', value: value.replace(/ /g, '\n') })) },
    {
      weight: 1,
      arbitrary: fc.tuple(text, fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 })).map(([caption, rows]): Block => ({
        type: 'table',
        caption: [{ type: 'text', value: caption }],
        head: [{ cells: [{ header: true, scope: 'col', children: [{ type: 'text', value: 'Name' }] }, { header: true, scope: 'col', children: [{ type: 'text', value: 'Value' }] }] }],
        body: rows.map(([a, b]) => ({ cells: [{ header: true, scope: 'row', children: [{ type: 'text', value: a }] }, { header: false, children: [{ type: 'text', value: b }] }] })),
      })),
    },
    { weight: 1, arbitrary: fc.constant<Block>({ type: 'thematicBreak' }) },
  ),
})).block;

/** A one-article publication model (as JSON input) with a random body. */
export const articleModel = fc.tuple(text, fc.array(block, { minLength: 1, maxLength: 8 })).map(([title, body]) => ({
  meta: { title: `T ${title}`.slice(0, 200), lang: 'en' },
  body,
}));

const tag = fc.constantFrom('p', 'b', 'i', 'em', 'div', 'span', 'a', 'ul', 'li', 'ol', 'blockquote', 'table', 'tr', 'td', 'h2', 'h3', 'script', 'style', 'iframe', 'object', 'form', 'svg', 'math', 'img', 'br', 'q', 'sub', 'code', 'pre');
const attr = fc.constantFrom('', ' onclick="alert(1)"', ' href="javascript:alert(1)"', ' href="//evil.example"', ' style="x:y"', ' src="data:text/html,x"', ' lang="fr"', ' dir="rtl"', ' id="x"', ' href="https://example.org/"', ' alt="alt text"');

/** Raw-text elements (and iframe, whose content is never shown): an unclosed one swallows the rest of the document, as in every browser, so they are generated closed. */
const RAW = new Set(['script', 'style', 'iframe']);

/** Random tag soup with hostile attributes; unclosed and mis-nested on purpose. */
export const hostileHtml = fc
  .array(
    fc.oneof(
      text.map((t) => t.replace(/[<>&]/g, ' ')),
      fc.tuple(tag, attr).map(([t, a]) => (RAW.has(t) ? `<${t}${a}>alert(1)</${t}>` : `<${t}${a}>`)),
      tag.map((t) => `</${t}>`),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(' '));
