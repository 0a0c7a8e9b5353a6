import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicationJsonSchema } from '../../src/model/json-schema.js';
import { publication } from '../../src/model/publication.js';

const RICH = path.resolve(import.meta.dirname, '../fixtures/rich/publication.json');

describe('the model schema', () => {
  it('accepts the rich fixture and fills defaults', () => {
    const pub = publication.parse(JSON.parse(readFileSync(RICH, 'utf8')));
    expect(pub.articles).toHaveLength(3);
    expect(pub.articles[2].notes).toEqual([]);
  });
  it('refuses unknown node types and missing fields with their path', () => {
    const r = publication.safeParse({ meta: { title: 'T', lang: 'en' }, articles: [{ meta: { title: 'A', lang: 'en' }, body: [{ type: 'marquee' }] }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['articles', 0, 'body', 0, 'type']);
  });
  it('exports a JSON Schema that names every block and inline type', () => {
    const text = JSON.stringify(publicationJsonSchema());
    for (const type of ['heading', 'paragraph', 'blockquote', 'list', 'figure', 'table', 'code', 'thematicBreak', 'emphasis', 'strong', 'link', 'noteRef', 'span', 'quote', 'subscript', 'superscript', 'break', 'strikethrough']) {
      expect(text).toContain(`"${type}"`);
    }
    expect(publicationJsonSchema().$schema).toMatch(/json-schema\.org/);
  });
});
