import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/check/diagnostic.js';
import type { Publication } from '../../src/model/publication.js';
import { cleanPublicationText } from '../../src/read/clean-text.js';

describe('cleanPublicationText', () => {
  it('removes what XML forbids and puts text in NFC, in meta, body and notes, counting per file', () => {
    const pub = {
      meta: { title: 'Bell\u0007 book', language: 'en' },
      origin: '/books/a\u0007b',
      articles: [
        {
          meta: { title: 'A\u030Angstr\u00F6m' },
          origin: '/books/one\u0001.json',
          body: [
            { type: 'paragraph', children: [{ type: 'text', value: 'plain ASCII stays as it is' }] },
            { type: 'paragraph', children: [{ type: 'text', value: 'lone \uD800 surrogate and \uFFFE' }, { type: 'text', value: 'e\u0301t\u00E9' }] },
          ],
          notes: [{ id: 'n1', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'note\u0000' }] }] }],
        },
        { meta: { title: 'Clean' }, origin: '/books/two.json', body: [{ type: 'paragraph', children: [{ type: 'text', value: 'caf\u00E9 \u2014 fine' }] }], notes: [] },
      ],
    } as unknown as Publication;
    const diagnostics = new Diagnostics();
    cleanPublicationText(pub, diagnostics);
    expect(pub.meta.title).toBe('Bell book');
    const [one, two] = pub.articles as unknown as [Record<string, any>, Record<string, any>]; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads the walked tree loosely
    expect(one.meta.title).toBe('\u00C5ngstr\u00F6m');
    expect(one.body[1].children[0].value).toBe('lone  surrogate and ');
    expect(one.body[1].children[1].value).toBe('\u00E9t\u00E9');
    expect(one.notes[0].children[0].children[0].value).toBe('note');
    expect(two.body[0].children[0].value).toBe('caf\u00E9 \u2014 fine');
    // File names are the user's: never rewritten.
    expect(one.origin).toBe('/books/one\u0001.json');
    expect(pub.origin).toBe('/books/a\u0007b');
    expect(diagnostics.warnings.map((d) => [d.code, d.file, d.message.match(/removed (\d+)/)?.[1]])).toEqual([
      ['text.illegal-characters', '/books/a\u0007b', '1'],
      ['text.illegal-characters', '/books/one\u0001.json', '3'],
    ]);
  });
});
