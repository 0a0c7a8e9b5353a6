/**
 * The reading-order helper the issue 7 proof rests on: markers found in XHTML (not swallowed as
 * open `<span>`s), hidden content skipped, inline elements joined, list numbers read.
 */
import { describe, expect, it } from 'vitest';
import { words } from '../support/words.js';
import { markerReadings } from './reading-order.js';

const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>T</title></head><body>${body}</body></html>`;
const marker = (n: string): string => `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${n}" aria-label="${n}"/>`;

describe('markerReadings', () => {
  it('reads the words after each marker across elements, documents and other markers', () => {
    const spine = [
      { href: 'a.xhtml', xhtml: doc(`<p>One two ${marker('1')}thr&amp;ee <em>four</em></p><p>five${marker('2')}</p>`) },
      { href: 'b.xhtml', xhtml: doc(`${marker('3')}<h1>Six</h1><p>se<sup><a role="doc-noteref">1</a></sup> ${marker('4')}${marker('5')}eight</p>`) },
    ];
    const r = markerReadings(spine);
    expect(r.map((m) => `${m.doc}#${m.id} ${m.label} ${m.inDocument} ${m.atBlockStart}`)).toEqual([
      'a.xhtml#page-1 1 0 false', 'a.xhtml#page-2 2 1 false', 'b.xhtml#page-3 3 0 true', 'b.xhtml#page-4 4 1 false', 'b.xhtml#page-5 5 2 false',
    ]);
    expect(words(r[0]?.after ?? '').slice(0, 4)).toEqual(['thr&ee', 'four', 'five', 'Six']);
    expect(words(r[1]?.after ?? '').slice(0, 2)).toEqual(['Six', 'se1']);
    expect(words(r[3]?.after ?? '')[0]).toBe('eight');
  });

  it('skips hidden and aria-hidden content and reads ordered-list numbers', () => {
    const spine = [{
      href: 'c.xhtml',
      xhtml: doc(`<nav hidden=""><ol><li>${marker('x')}no</li></ol></nav>${marker('1')}<span aria-hidden="true">decor</span><ol start="3"><li>a</li><li value="7">b</li><li>c</li></ol><ul><li>d</li></ul>`),
    }];
    const r = markerReadings(spine);
    expect(r.map((m) => m.label)).toEqual(['1']);
    expect(words(r[0]?.after ?? '')).toEqual(['3', 'a', '7', 'b', '8', 'c', 'd']);
  });

  it('reads the number of the list item a marker begins', () => {
    const spine = [{ href: 'd.xhtml', xhtml: doc(`<ol><li><p>one</p></li><li value="2"><p>${marker('9')}two</p></li></ol><ol><li><p>x ${marker('10')}y</p></li></ol>`) }];
    const r = markerReadings(spine);
    expect(r.map((m) => words(m.after).join(' '))).toEqual(['2 two 1 x y', 'y']);
    expect(r.map((m) => m.atBlockStart)).toEqual([true, false]);
  });
});
