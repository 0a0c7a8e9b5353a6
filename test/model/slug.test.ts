import { describe, expect, it } from 'vitest';
import { articleMeta } from '../../src/model/meta.js';
import { SLUG_MAX_BYTES, SlugScope, asciiSlug, slugify } from '../../src/model/slug.js';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('slugify', () => {
  it('makes ASCII slugs from Latin titles', () => {
    expect(slugify('U.S. Explores Israel–Syria Peace Talks')).toBe('us-explores-israel-syria-peace-talks');
    expect(slugify('Grüße aus dem Hafen')).toBe('grusse-aus-dem-hafen');
    expect(slugify('Tiếng Việt có dấu')).toBe('tieng-viet-co-dau');
    expect(slugify('İstanbul’da Çok Güzel')).toBe('istanbulda-cok-guzel');
    expect(slugify('  --  ', 'article')).toBe('article');
  });

  // Issue 11: a Chinese title gave `untitled.epub` and articles `1.xhtml`, `article-2.xhtml`.
  it('keeps the letters of every other script, never "untitled" when there is a title', () => {
    expect(slugify('Ελληνικά νέα')).toBe('ελληνικά-νέα');
    expect(slugify('世界人权宣言')).toBe('世界人权宣言');
    expect(slugify('الإعلان العالمي لحقوق الإنسان')).toBe('الإعلان-العالمي-لحقوق-الإنسان');
    expect(slugify('הכרזה לכל באי עולם')).toBe('הכרזה-לכל-באי-עולם');
    expect(slugify('日本語のタイトル、テスト。')).toBe('日本語のタイトル-テスト');
    // Marks are part of Devanagari letters; ZWNJ and tatweel are invisible in a name.
    expect(slugify('मानव अधिकार')).toBe('मानव-अधिकार');
    expect(slugify('می‌خواهم بروم')).toBe('میخواهم-بروم');
    expect(slugify('عـــربي')).toBe('عربي');
    // Compatibility forms become ordinary letters and digits.
    expect(slugify('ＡＢＣ ①')).toBe('abc-1');
  });

  it('gives names that are safe on every file system', () => {
    for (const title of ['a/b\\c:d*e?f"g<h>i|j', 'tab\there\u0000nul\u202eoverride', 'e\u0301'.repeat(3)]) {
      expect(slugify(title)).toMatch(/^[\p{L}\p{M}\p{N}-]+$/u);
    }
    expect(slugify('CON')).toBe('con-1');
    expect(slugify('Lpt1')).toBe('lpt1-1');
    // Composed (NFC), so the same title always gives the same bytes.
    expect(slugify('한국어'.normalize('NFD'))).toBe('한국어'.normalize('NFC'));
  });

  it('limits the length in bytes, at a grapheme or word boundary', () => {
    const chinese = slugify('中'.repeat(100));
    expect(bytes(chinese)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
    expect(chinese).toBe('中'.repeat(26));
    const hindi = slugify('मानव अधिकारों की सार्वभौम घोषणा मानव अधिकारों की सार्वभौम घोषणा');
    expect(bytes(hindi)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
    expect(hindi).toBe('मानव-अधिकारों-की-सार्वभौम');
    expect(slugify('x'.repeat(200))).toHaveLength(SLUG_MAX_BYTES);
  });

  it('names a title of symbols only by their names', () => {
    expect(slugify('🎉 🦀')).toBe('tada-crab');
  });

  it('transliterates to ASCII for names inside the EPUB, leaving Latin words whole', () => {
    expect(asciiSlug('第一条：人人生而自由')).toBe('di-yi-tiao-ren-ren-sheng-er-zi-you');
    expect(asciiSlug('한국어 제목')).toBe('han-gug-eo-je-mog');
    expect(asciiSlug('Привет, iPhone Über')).toBe('privet-iphone-uber');
    expect(asciiSlug('حقوق الإنسان')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(asciiSlug('', 'article')).toBe('article');
  });

  it('keeps slugs unique within a scope', () => {
    const scope = new SlugScope();
    expect(['a', 'a', 'a-2', 'a'].map((s) => scope.unique(s))).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });

  it('accepts what it makes as an author-given slug, and refuses unsafe ones', () => {
    const meta = (slug: string) => articleMeta.safeParse({ title: 't', lang: 'en', slug }).success;
    for (const title of ['世界人权宣言', 'حقوق الإنسان', 'मानव अधिकार', 'Grüße']) expect(meta(slugify(title)), title).toBe(true);
    for (const bad of ['Upper', '-lead', 'a/b', 'a b', 'a:b', '中'.repeat(30)]) expect(meta(bad), bad).toBe(false);
  });
});
