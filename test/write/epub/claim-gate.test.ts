import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/block.js';
import { publication } from '../../../src/model/publication.js';
import { claimFailures } from '../../../src/write/epub/claim-gate.js';
import type { CoverArt } from '../../../src/write/cover/cover-art.js';

const picture = { data: new Uint8Array(), mediaType: 'image/png' as const, width: 1, height: 1 };
const cover: CoverArt = { origin: 'generated', alt: 'Cover', print: picture, screen: picture };
const text = (value: string) => [{ type: 'text' as const, value }];

function failures(body: Block[], coverAlt = 'Cover') {
  const pub = publication.parse({ meta: { title: 'P', lang: 'en' }, articles: [{ meta: { title: 'A', lang: 'en' }, body, origin: 'a.md' }] });
  return claimFailures(pub, new Map(), { ...cover, alt: coverAlt }).map((f) => `${f.check}: ${f.message}`);
}

describe('claim gate', () => {
  it('passes a clean article', () => {
    expect(failures([{ type: 'heading', level: 2, children: text('x') }, { type: 'figure', image: { src: 'i', alt: '' } }])).toEqual([]);
  });

  it('fails an image without alt (or with blank alt), naming figure and article', () => {
    expect(failures([{ type: 'figure', image: { src: 'i.png' }, caption: text('Cap') }, { type: 'figure', image: { src: 'j.png', alt: ' ' } }])).toEqual([
      'alt-text: figure 1 (“Cap”), image i.png, has no alt text in “A”',
      'alt-text: figure 2, image j.png, has no alt text in “A”',
    ]);
  });

  it('fails skipped heading levels, also inside containers', () => {
    expect(failures([{ type: 'heading', level: 3, children: text('Deep') }])).toEqual(['heading-order: the heading “Deep” is level 3 after level 1 in “A”']);
    expect(failures([{ type: 'heading', level: 2, children: text('a') }, { type: 'blockquote', children: [{ type: 'heading', level: 4, children: text('b') }] }])).toHaveLength(1);
  });

  it('fails tables without header cells and a cover without alt', () => {
    expect(failures([{ type: 'table', head: [], body: [{ cells: [{ header: false, children: text('1') }] }] }], ' ')).toEqual([
      'alt-text: the cover image has no text alternative',
      'table-headers: table 1 has no header cells in “A”',
    ]);
  });
});
