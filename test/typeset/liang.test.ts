import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { liangMarkers, type PatternSet } from '../../src/write/pdf/typeset/liang.js';

const require = createRequire(import.meta.url);
type Hyphenator = (text: string) => string;
const createHyphenator = require('hyphen') as (patterns: unknown, options: object) => Hyphenator;

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every run of letters and marks in the text fixtures (news, blogs, every script), once. */
function fixtureWords(): string[] {
  const words = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(?:md|html|txt|json)$/.test(name)) for (const w of readFileSync(file, 'utf8').match(/[\p{L}\p{M}]+/gu) ?? []) words.add(w);
    }
  };
  walk(FIXTURES);
  // Corners: case that changes length when lowered, marks, long compounds, a lone letter.
  for (const w of ['İstanbul', 'DİYARBAKIR', 'Straße', 'ﬁnancial', 'naïve', 'na\u0308ive', 'Donaudampfschifffahrtsgesellschaftskapitän', 'antidisestablishmentarianism', 'a', 'éé', 'ΣΟΦΙΑ']) words.add(w);
  return [...words];
}

/** Where the package itself puts soft hyphens (the oracle), on its own copy of the patterns. */
function packageMarkers(hyphenate: Hyphenator, word: string): number[] {
  const marked = hyphenate(word);
  const out: number[] = [];
  let index = 0;
  for (const ch of marked) {
    if (ch === '\u00AD') out.push(index);
    else index += ch.length;
  }
  return out;
}

describe('liangMarkers', () => {
  it('puts hyphens where the hyphen package does, word for word, in eleven pattern sets', () => {
    const words = fixtureWords();
    expect(words.length).toBeGreaterThan(3000);
    let hyphenated = 0;
    for (const name of ['en-us', 'en-gb', 'de-1996', 'fr', 'ru', 'el-monoton', 'es', 'pl', 'nl', 'hi', 'tr']) {
      const patterns = require(`hyphen/patterns/${name}.js`) as PatternSet;
      // The package writes every word it hyphenates into the set's exception table: give it a copy.
      const oracle = createHyphenator(structuredClone(patterns), { hyphenChar: '\u00AD', minWordLength: 1, html: false });
      for (const word of words) {
        const ours = liangMarkers(patterns, word).map((m) => Math.min(m, word.length));
        expect(ours, `${name}: ${word}`).toEqual(packageMarkers(oracle, word));
        if (ours.length > 0) hyphenated++;
      }
    }
    expect(hyphenated).toBeGreaterThan(10_000);
  });
});
