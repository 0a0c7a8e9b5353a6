import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { parseFrontMatter, splitFrontMatter } from '../../../src/read/markdown/front-matter.js';

function parse(source: string) {
  const diagnostics = new Diagnostics();
  const split = splitFrontMatter(source);
  if ('unclosed' in split || !split.frontMatter) throw new Error('no front matter');
  return { split, diagnostics, fm: parseFrontMatter(split.frontMatter, 'a.md', diagnostics) };
}

describe('splitFrontMatter', () => {
  it('splits after leading blank lines and accepts ... as the closing fence', () => {
    expect(splitFrontMatter('\n\n---\ntitle: T\n...\nBody\n')).toEqual({
      frontMatter: { text: 'title: T', firstLine: 4, fenceLine: 3 },
      body: 'Body\n',
      bodyLine: 6,
    });
  });

  it('leaves a file without front matter whole, and reports an unclosed one', () => {
    expect(splitFrontMatter('# Title\n\n---\n')).toEqual({ body: '# Title\n\n---\n', bodyLine: 1 });
    expect(splitFrontMatter('\n---\ntitle: T\n')).toEqual({ unclosed: 2 });
  });
});

describe('parseFrontMatter', () => {
  it('locates keys and nested values in the original file', () => {
    const { fm } = parse('\n---\ntitle: T\nauthors:\n  - name: A\n    role: editor\n---\n');
    expect(fm!.data).toEqual({ title: 'T', authors: [{ name: 'A', role: 'editor' }] });
    expect(fm!.locate(['title'])).toEqual({ line: 3, column: 1 });
    expect(fm!.locate(['authors'])).toEqual({ line: 4, column: 1 });
    expect(fm!.locate(['authors', 0, 'role'])).toEqual({ line: 6, column: 11 });
  });

  it('reports broken YAML at its line in the file', () => {
    const { fm, diagnostics } = parse('---\ntitle: Fine\nauthor: Jane\ndescription: "never closed\n---\n');
    expect(fm).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: 'read.front-matter.yaml', file: 'a.md', line: 4 });
    expect(diagnostics.errors[0]!.message).toMatch(/^the front matter is not valid YAML: /);
    expect(diagnostics.errors[0]!.fix).toMatch(/indentation and quoting/);
  });

  it('reports bad indentation and duplicate keys at their lines', () => {
    // yaml reports an over-indented key at the value it would nest under (`T`, line 3, column 8).
    const bad = parse('\n---\ntitle: T\n  tags: x\n---\n');
    expect(bad.diagnostics.errors[0]).toMatchObject({ line: 3, column: 8 });
    const flow = parse('---\ntitle: T\ntags: [a, b\nlang: en\n---\n');
    expect(flow.diagnostics.errors.length).toBeGreaterThan(0);
    expect(flow.diagnostics.errors.every((d) => d.line !== undefined && d.line >= 3 && d.line <= 5)).toBe(true);
    const dup = parse('---\ntitle: A\nlang: en\ntitle: B\n---\n');
    expect(dup.diagnostics.errors[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('reports front matter that is not a mapping', () => {
    const { fm, diagnostics } = parse('---\n- a\n- b\n---\n');
    expect(fm).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: 'read.front-matter.not-mapping', line: 2 });
  });

  it('accepts empty front matter', () => {
    expect(parse('---\n---\nBody').fm!.data).toEqual({});
  });
});
