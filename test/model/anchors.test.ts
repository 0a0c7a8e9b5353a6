/**
 * What `#id` links may name (issue 10): one rule for the link pass and both writers.
 */
import { describe, expect, it } from 'vitest';
import { articleAnchors, PublicationAnchors } from '../../src/model/anchors.js';
import type { Block } from '../../src/model/block.js';
import type { Article } from '../../src/model/publication.js';

const heading = (text: string, id?: string): Block => ({ type: 'heading', level: 2, ...(id !== undefined && { id }), children: [{ type: 'text', value: text }] });
const table = (id?: string): Block => ({ type: 'table', ...(id !== undefined && { id }), head: [], body: [{ cells: [{ header: false, children: [] }] }] });
const article = (title: string, body: Block[], notes: Article['notes'] = []): Article => ({ meta: { title, lang: 'en', authors: [] } as unknown as Article['meta'], body, notes });

describe('articleAnchors', () => {
  it('names explicit ids, notes, and headings without an id by their slug and GitHub’s', () => {
    const body = [heading('Results'), heading('Results'), heading('Setup', 'install'), table('data'), table(), heading('C++ & Rust'), heading('Überblick')];
    const anchors = articleAnchors(article('A', body, [{ id: 'n1', children: [] }]));
    expect(anchors.get('results')).toBe(body[0]);
    expect(anchors.get('results-2')).toBe(body[1]);
    expect(anchors.get('install')).toBe(body[2]);
    expect(anchors.has('setup')).toBe(false);
    expect(anchors.get('data')).toBe(body[3]);
    expect(anchors.get('c-rust')).toBe(body[5]);
    expect(anchors.get('c--rust')).toBe(body[5]);
    expect(anchors.get('uberblick')).toBe(body[6]);
    expect(anchors.get('überblick')).toBe(body[6]);
    expect(anchors.get('n1')).toEqual({ id: 'n1', children: [] });
  });

  it('lets an explicit id win over a heading slug that repeats it', () => {
    const body = [heading('Data'), table('data')];
    const anchors = articleAnchors(article('A', body));
    expect(anchors.get('data')).toBe(body[1]);
    expect(anchors.get('data-2')).toBe(body[0]);
  });
});

describe('PublicationAnchors', () => {
  const one = article('First Post', [heading('Intro'), heading('Shared')]);
  const two = article('Second Post', [heading('Shared'), heading('Only Here')]);
  const anchors = new PublicationAnchors([one, two]);

  it('resolves an id in its own article first, then an article slug, then other articles', () => {
    expect(anchors.resolve('shared', 1)).toEqual({ article: 1, node: two.body[0] });
    expect(anchors.resolve('shared', 0)).toEqual({ article: 0, node: one.body[1] });
    expect(anchors.resolve('second-post', 0)).toEqual({ article: 1 });
    expect(anchors.resolve('only-here', 0)).toEqual({ article: 1, node: two.body[1] });
    expect(anchors.resolve('nowhere', 0)).toBeUndefined();
  });

  it('names each node by its first id', () => {
    expect(anchors.nameOf(two.body[1] as Extract<Block, { type: 'heading' }>)).toBe('only-here');
  });
});
