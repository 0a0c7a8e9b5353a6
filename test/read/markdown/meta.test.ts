import { describe, expect, it } from 'vitest';
import { date, frontMatterMeta } from '../../../src/read/markdown/meta.js';

describe('frontMatterMeta', () => {
  it('maps static-site-generator spellings to the model keys', () => {
    const { meta } = frontMatterMeta({
      title: 'T',
      dek: 'Sub',
      author: 'Ann and Bob',
      pubDate: '2025-06-30',
      lastmod: new Date('2025-07-01T10:30:00Z'),
      summary: 'Short',
      categories: ['News', 'World'],
      tags: 'a, b , News',
      locale: 'pt_BR',
      canonical_url: 'https://example.com/t',
      image: 'cover.jpg',
      cover_alt: 'A cover',
      copyright: 'CC BY 4.0',
      publisher: 'P',
      section: 'S',
      slug: 'my-slug',
      draft: true,
      layout: 'post',
    });
    expect(meta).toEqual({
      title: 'T',
      subtitle: 'Sub',
      authors: [{ name: 'Ann and Bob' }],
      published: '2025-06-30',
      modified: '2025-07-01T10:30:00Z',
      description: 'Short',
      tags: ['a', 'b', 'News', 'World'],
      lang: 'pt-BR',
      source: 'https://example.com/t',
      cover: { image: 'cover.jpg', alt: 'A cover' },
      rights: 'CC BY 4.0',
      publisher: 'P',
      section: 'S',
      slug: 'my-slug',
    });
  });

  it('reads author lists of strings and of objects, and cover objects', () => {
    expect(frontMatterMeta({ authors: ['A', { name: 'B', role: 'editor', url: 'https://b.example' }] }).meta['authors']).toEqual([
      { name: 'A' },
      { name: 'B', role: 'editor', url: 'https://b.example' },
    ]);
    const { meta, sources } = frontMatterMeta({ cover: { image: 'c.png', alt: 'Alt' } });
    expect(meta['cover']).toEqual({ image: 'c.png', alt: 'Alt' });
    expect(sources.get('cover.alt')).toEqual(['cover', 'alt']);
  });

  it('records which key each field came from, and duplicates', () => {
    const { sources, duplicates } = frontMatterMeta({ date: '2025-01-01', published: '2025-01-02', Language: 'en' });
    expect(sources.get('published')).toEqual(['published']);
    expect(sources.get('lang')).toEqual(['Language']);
    expect(duplicates).toEqual([{ field: 'published', used: 'published', ignored: 'date' }]);
  });

  it('passes unusable shapes on for validation to report', () => {
    expect(frontMatterMeta({ title: ['a', 'b'], tags: 3 }).meta).toEqual({ title: ['a', 'b'], tags: 3 });
  });
});

describe('date', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    [new Date('2025-06-30T00:00:00Z'), '2025-06-30'],
    [new Date('2025-06-30T08:05:00Z'), '2025-06-30T08:05:00Z'],
    ['2025-06-30 10:00:00 +02:00', '2025-06-30T10:00:00+02:00'],
    ['2025-06-30 10:00', '2025-06-30 10:00'],
    ['June 30', 'June 30'],
  ] as const)('%s → %s', (input, output) => expect(date(input)).toBe(output));
});
