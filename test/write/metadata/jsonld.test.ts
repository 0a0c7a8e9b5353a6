import { beforeAll, describe, expect, test } from 'vitest';
import type { Publication } from '../../../src/model/publication.js';
import { jsonLd, type JsonLdAccessibility } from '../../../src/write/metadata/jsonld.js';
import type { MetadataRecord } from '../../../src/write/metadata/record.js';
import { writerInputFromJson } from '../../support/writer-input.js';

const A11Y: JsonLdAccessibility = {
  accessMode: ['textual', 'visual'],
  accessModeSufficient: ['textual', 'textual,visual'],
  accessibilityFeature: ['alternativeText', 'structuralNavigation', 'tableOfContents'],
  accessibilityHazard: ['none'],
  accessibilitySummary: 'All images have text alternatives.',
};

let pub: Publication;
let record: MetadataRecord;
beforeAll(async () => {
  ({ publication: pub, metadata: record } = await writerInputFromJson());
});

type Obj = Record<string, unknown>;
const parts = (ld: Obj): Obj[] => ld.hasPart as Obj[];

describe('JSON-LD record', () => {
  test('the publication is a Book with the record’s exact values, in a fixed key order', () => {
    const ld = jsonLd(pub, record, A11Y) as Obj;
    expect(Object.keys(ld)).toEqual([
      '@context', '@type', 'identifier', 'name', 'alternativeHeadline', 'author', 'editor', 'contributor', 'publisher',
      'datePublished', 'dateModified', 'inLanguage', 'description', 'keywords', 'copyrightNotice', 'url', 'isPartOf',
      'position', 'hasPart', 'accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard',
      'accessibilitySummary',
    ]);
    expect(ld).toMatchObject({
      '@type': 'Book',
      identifier: 'urn:uuid:6f1c2a4e-3b7d-4e8f-9a10-2b3c4d5e6f70',
      name: 'Harbour & Hinterland: “Notes” <from> the Coast',
      alternativeHeadline: 'A small anthology for testing every block',
      author: [{ '@type': 'Person', name: 'Ahmad Karimi', url: 'https://example.org/people/karimi' }],
      editor: [{ '@type': 'Person', name: 'Jane Q. Doe' }],
      contributor: [{ '@type': 'Person', name: 'Zoë Ångström' }],
      publisher: { '@type': 'Organization', name: 'Broadsheet Test Press' },
      datePublished: '2025-05-01',
      dateModified: '2025-05-03T10:30:00Z',
      inLanguage: 'en-GB',
      description: 'Three short articles that exercise every block and inline type broadsheet knows.',
      keywords: record.subjects,
      copyrightNotice: '© 2025 Broadsheet Test Press. CC BY 4.0.',
      url: 'https://example.org/anthology/harbour',
      isPartOf: { '@type': 'CreativeWorkSeries', name: 'Coastal Notes' },
      position: 2,
    });
    expect(ld.keywords).toEqual(['harbours', 'testing', 'typography', 'fisheries', 'data']);
  });

  test('values are the record’s strings, whatever the record says', () => {
    const odd: MetadataRecord = { ...record, title: '  Spaced  & <odd> ', description: 'x\ny', rights: 'https://creativecommons.org/licenses/by/4.0/' };
    const ld = jsonLd(pub, odd, A11Y) as Obj;
    expect(ld.name).toBe(odd.title);
    expect(ld.description).toBe('x\ny');
    expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(ld).not.toHaveProperty('copyrightNotice');
  });

  test('articles are parts in reading order: NewsArticle with a section, with their own metadata', () => {
    const ld = jsonLd(pub, record, A11Y) as Obj;
    expect(parts(ld).map((p) => [p['@type'], p.position, p.headline])).toEqual([
      ['NewsArticle', 1, 'Life on the Harbour Wall'],
      ['NewsArticle', 2, 'Counting the Catch'],
      ['NewsArticle', 3, 'Grüße aus dem Hafen'],
    ]);
    expect(parts(ld)[1]).toEqual({
      '@type': 'NewsArticle',
      position: 2,
      headline: 'Counting the Catch',
      alternativeHeadline: 'What a season’s landings look like in numbers',
      author: [{ '@type': 'Person', name: 'Ahmad Karimi', url: 'https://example.org/people/karimi' }],
      datePublished: '2025-04-30',
      dateModified: '2025-05-02',
      publisher: { '@type': 'Organization', name: 'Broadsheet Test Press' },
      articleSection: 'Data',
      inLanguage: 'en-GB',
      keywords: ['fisheries', 'data'],
    });
    expect(parts(ld)[2]).toMatchObject({ inLanguage: 'de', author: [{ name: 'Zoë Ångström' }] });
  });

  test('an article without a section is an Article', () => {
    const plain: Publication = structuredClone(pub);
    delete plain.articles[0].meta.section;
    expect(parts(jsonLd(plain, record, A11Y) as Obj)[0]['@type']).toBe('Article');
  });

  test('accessibility metadata: sufficient sets as ItemLists, the claim only when made', () => {
    const ld = jsonLd(pub, record, A11Y) as Obj;
    expect(ld.accessMode).toEqual(['textual', 'visual']);
    expect(ld.accessModeSufficient).toEqual([
      { '@type': 'ItemList', itemListElement: ['textual'], description: 'textual' },
      { '@type': 'ItemList', itemListElement: ['textual', 'visual'], description: 'textual,visual' },
    ]);
    expect(ld.accessibilityHazard).toEqual(['none']);
    expect(ld.accessibilitySummary).toBe('All images have text alternatives.');
    expect(ld).not.toHaveProperty('dcterms:conformsTo');

    const claimed = jsonLd(pub, record, { ...A11Y, conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA', certifiedBy: 'broadsheet 0.0.0-test automated checks' }) as Obj;
    expect(claimed['dcterms:conformsTo']).toBe('EPUB Accessibility 1.1 - WCAG 2.2 Level AA');
    expect(claimed['a11y:certifiedBy']).toBe('broadsheet 0.0.0-test automated checks');
    expect(claimed['@context']).toEqual([
      'https://schema.org',
      { dcterms: 'http://purl.org/dc/terms/', a11y: 'http://www.idpf.org/epub/vocab/package/a11y/#' },
    ]);
  });

  test('absent values are left out, not written as null or empty', () => {
    const bare: MetadataRecord = { ...record, subtitle: undefined, publisher: undefined, rights: undefined, source: undefined, series: undefined, subjects: [], creators: [] };
    const ld = jsonLd(pub, bare, A11Y) as Obj;
    for (const key of ['alternativeHeadline', 'publisher', 'copyrightNotice', 'license', 'url', 'isPartOf', 'position', 'keywords', 'author', 'editor', 'contributor']) {
      expect(ld, key).not.toHaveProperty(key);
    }
    expect(JSON.stringify(ld)).not.toMatch(/null|\[\]/);
  });

  test('dates are ISO 8601, the OPF’s forms: calendar date at midnight UTC, else the instant', () => {
    const ld = jsonLd(pub, { ...record, published: new Date('2025-06-30T08:15:00Z'), modified: new Date('2025-07-01T00:00:00Z') }, A11Y) as Obj;
    expect(ld.datePublished).toBe('2025-06-30T08:15:00Z');
    expect(ld.dateModified).toBe('2025-07-01T00:00:00Z');
  });

  test('serializes to the same bytes every time', () => {
    expect(JSON.stringify(jsonLd(pub, record, A11Y))).toBe(JSON.stringify(jsonLd(structuredClone(pub), { ...record }, { ...A11Y })));
  });
});
