import { describe, expect, it } from 'vitest';
import { sanitize } from '../../../src/read/html/sanitize.js';
import { htmlToModel } from '../../../src/read/html/to-model/index.js';
import { allText, nodes, words } from '../model-walk.js';
import { missingInOrder } from '../../support/words.js';

/** Sanitizes and maps, returning the HTML and the model's text. */
function run(html: string) {
  const safe = sanitize(html);
  const model = htmlToModel(safe.html);
  return { ...safe, model, text: allText(model) };
}

const HOSTILE = `
<p onclick="steal()" onmouseover="steal()">Alpha <a href="javascript:alert(1)">bravo</a>
<a href="JaVaScRiPt&colon;alert(1)">charlie</a> <a href="java&#x09;script:alert(1)">delta</a>
<a href="vbscript:msgbox(1)">echo</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">foxtrot</a>
<a href="//evil.example.com/">golf</a> <a href="https://ok.example.com/" style="color:red" onfocus="x()">hotel</a></p>
<script>alert("scriptword")</script><script src="https://evil.example.com/x.js"></script>
<style>body { background: url(styleword.png) }</style>
<iframe src="https://evil.example.com/frame">india</iframe>
<object data="movie.swf">juliett</object><embed src="movie.swf">
<form action="https://evil.example.com/post"><label>kilo</label> <input name="password" type="password"> <button formaction="javascript:x()">lima</button></form>
<template><p>templateword</p></template><noscript>noscriptword</noscript>
<img src="javascript:alert(1)" alt="mike" onerror="steal()"><img src="data:text/html;base64,PHNjcmlwdD4=" alt="november">
<svg onload="steal()"><text>oscar</text></svg>
<div style="position:fixed">papa <span style="x:expression(alert(1))">quebec</span></div>
<math><mi>romeo</mi></math>
<a href="#anchor" onclick="x()">sierra</a> <a href="mailto:a@example.com">tango</a>
`;

describe('sanitize', () => {
  it('removes every script, handler, style and unsafe URL', () => {
    const { html } = run(HOSTILE);
    expect(html).not.toMatch(/<script|<style|<iframe|<object|<embed|<form|<svg|<math|<input|<button|<template/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).not.toMatch(/javascript|vbscript|data:|\/\/evil/i);
  });

  it('discards the text of script, style, template and noscript', () => {
    const { html, text } = run(HOSTILE);
    for (const word of ['scriptword', 'styleword', 'templateword', 'noscriptword', 'steal', 'alert']) {
      expect(html).not.toContain(word);
      expect(text).not.toContain(word);
    }
  });

  it('keeps the text of everything else', () => {
    const { text } = run(HOSTILE);
    const expected = ['Alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima',
      'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango'];
    expect(words(text)).toEqual(expect.arrayContaining(expected));
  });

  it('leaves only safe links and no images without a source in the model', () => {
    const { model } = run(HOSTILE);
    const links = [...nodes(model.body)].filter((n) => n['type'] === 'link').map((n) => n['href']);
    expect(links).toEqual(['https://ok.example.com/', '#anchor', 'mailto:a@example.com']);
    expect([...nodes(model.body)].some((n) => n['type'] === 'figure')).toBe(false);
  });

  it('repairs bad nesting and unclosed tags before sanitizing', () => {
    const { model } = run('<p>x<b>y<p>z');
    expect(model.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'x' }, { type: 'strong', children: [{ type: 'text', value: 'y' }] }] },
      { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'z' }] }] },
    ]);
    expect(run('<ul><li>one<li>two</ul><table><tr><td>cell</table>').text).toBe('one\ntwo\ncell');
  });

  it('counts and strips control characters, in text and in attributes, and lone surrogates', () => {
    const { html, removedCharacters, text } = run('<p title="t\u0001t">a\u0000b\u0007c&#1;d\uD800e\uFFFFf</p>');
    expect(removedCharacters).toBe(6);
    expect(html).not.toMatch(/[\u0000-\u0008\uD800-\uDFFF\uFFFF]/);
    expect(text).toBe('abcdef');
  });

  it('decodes &nbsp; to U+00A0 and keeps it through whitespace collapsing', () => {
    const { text } = run('<p>10&nbsp;km  away&nbsp; </p>');
    expect(text).toBe('10\u00a0km away\u00a0');
  });

  it('keeps ids, lang, dir, table scope and footnote markers, drops other attributes and classes', () => {
    const { html } = run(
      '<h2 id="s" class="fancy" data-x="1">H</h2><p lang="fr" dir="ltr">Oui</p><table><tr><th scope="row" width="3">a</th></tr></table>' +
        '<sup><a href="#fn1" class="footnote-ref other" role="doc-noteref button" data-footnote-ref>1</a></sup>',
    );
    expect(html).toContain('<h2 id="s">H</h2>');
    expect(html).toContain('<p lang="fr" dir="ltr">Oui</p>');
    expect(html).toContain('scope="row"');
    expect(html).not.toContain('width');
    expect(html).toContain('class="footnote-ref"');
    expect(html).toContain('data-footnote-ref');
  });

  it('keeps only checkbox inputs (GFM task lists)', () => {
    const { html } = run('<ul><li><input type="checkbox" checked disabled> a</li></ul><input type="text" value="secret">');
    expect(html).toContain('<input type="checkbox" checked />');
    expect(html).not.toContain('secret');
  });

  it('keeps block-separated text apart when unwrapping (dl, details, form)', () => {
    const { text } = run('<dl><dt>Term</dt><dd>Definition</dd></dl><details><summary>More</summary>Hidden</details>');
    expect(words(text)).toEqual(['Term', 'Definition', 'More', 'Hidden']);
  });
});

/**
 * Issue 10: the sanitizer works on the one tree parse5 builds. Before, parse5's serialisation was
 * parsed again by htmlparser2 (sanitize-html), and the two disagreed on raw-text and comment corners.
 * Words a browser shows are never lost; nothing executable is ever kept.
 */
describe('sanitize on one parse tree', () => {
  const UNSAFE = /<script|<style|<template|<noscript|<svg|<math|<iframe|\son\w+=|javascript:/i;

  it('keeps the paragraph after a <noscript> holding a comment or markup', () => {
    const cases = [
      '<p>Before.</p><noscript><!-- </noscript><p>Kept paragraph one.</p> --></noscript><p>After.</p>',
      '<p>Before.</p><noscript><img src="https://track.example/p.gif?id=1" width="1" height="1" alt=""></noscript><p>Kept paragraph one.</p><p>After.</p>',
      '<p>Before.</p><noscript><iframe src="https://www.googletagmanager.com/ns.html"></iframe><!--[if IE]><p>old</p><![endif]--></noscript><p>Kept paragraph one.</p><p>After.</p>',
      '<p>Before.</p><noscript><p title="</noscript><p>Kept paragraph one.</p>">x</p></noscript><p>After.</p>',
    ];
    for (const html of cases) {
      const { html: out, text } = run(html);
      expect(missingInOrder(words(text), ['Before', 'Kept', 'paragraph', 'one', 'After']), html).toBeUndefined();
      expect(out, html).not.toMatch(UNSAFE);
    }
  });

  it('keeps the words around <template>, <xmp>, <textarea>, <title> in body and <plaintext>, as text', () => {
    const { html, text } = run(
      '<p>Alpha.</p><template><p>templateword</p><script>alert(1)</script></template><p>Bravo.</p>' +
        '<xmp><script>alert(2)</script> Charlie</xmp><p>Delta.</p><textarea><p>Echo</p></textarea><p>Foxtrot.</p>' +
        '<title>Golf hotel</title><p>India.</p><plaintext><p>Juliett kilo.</p><script>alert(3)</script>',
    );
    expect(missingInOrder(words(text), ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Foxtrot', 'Golf', 'hotel', 'India'])).toBeUndefined();
    for (const literal of ['Echo', 'Juliett kilo.']) expect(text).toContain(literal);
    expect(text).not.toContain('templateword');
    // What <xmp> and <plaintext> show is text: a script in them is characters, never an element.
    expect(text).toContain('<script>alert(2)</script>');
    expect(html).not.toMatch(UNSAFE);
  });

  it('keeps <svg> and <math> text, drops their styles and scripts, and lets nothing break out unsanitized', () => {
    const { html, text } = run(
      '<p>Lima.</p><svg><style>.a{fill:red}</style><script>alert(1)</script><text>Mike chart label</text><title>November</title></svg>' +
        '<svg><style><p>Oscar paragraph</p></style></svg><svg><style><img src="x" onerror="alert(2)" alt="papa"></style></svg>' +
        '<math><mi>x</mi><mo>=</mo><mn>2</mn><mtext>quebec romeo</mtext></math>' +
        '<math><mtext><table><mglyph><style><img src="x" onerror="alert(3)" alt="sierra"></style></mglyph></table></mtext></math><p>Tango.</p>',
    );
    expect(missingInOrder(words(text), ['Lima', 'Mike', 'chart', 'label', 'November', 'Oscar', 'paragraph', 'quebec', 'romeo', 'Tango'])).toBeUndefined();
    expect(text).not.toContain('fill:red');
    expect(html).not.toMatch(UNSAFE);
    expect(html).not.toContain('alert');
  });

  it('reads CDATA as text in SVG and as a hidden comment in HTML, as browsers do', () => {
    const { html, text } = run('<p>Uniform.</p><![CDATA[ <script>alert(1)</script> ]]><p>Victor.</p><svg><text><![CDATA[Whiskey & xray]]></text></svg><p>Yankee.</p>');
    expect(missingInOrder(words(text), ['Uniform', 'Victor', 'Whiskey', 'xray', 'Yankee'])).toBeUndefined();
    expect(html).not.toMatch(UNSAFE);
  });

  it('drops a comment, closed or not, and everything a browser hides with it', () => {
    const { html, text } = run('<p>Zulu.</p><!-- <p>commented out</p> --><p>Alpha two.</p><!-- <script>alert(1)</script>');
    expect(words(text)).toEqual(['Zulu', 'Alpha', 'two']);
    expect(html).not.toMatch(UNSAFE);
  });
});
