import { describe, expect, it } from 'vitest';
import { SlugScope, slugify } from '../../src/model/slug.js';

describe('slugify', () => {
  it('makes ASCII slugs from titles', () => {
    expect(slugify('U.S. Explores Israel–Syria Peace Talks')).toBe('us-explores-israel-syria-peace-talks');
    expect(slugify('Grüße aus dem Hafen')).toBe('grusse-aus-dem-hafen');
    expect(slugify('Ελληνικά')).toBe('untitled');
    expect(slugify('  --  ', 'article')).toBe('article');
  });
  it('keeps slugs unique within a scope', () => {
    const scope = new SlugScope();
    expect(['a', 'a', 'a-2', 'a'].map((s) => scope.unique(s))).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });
});
