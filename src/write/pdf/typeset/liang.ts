/**
 * Liang's hyphenation algorithm (TeX's) over the pattern sets of the `hyphen` package, as that
 * package applies them, word by word.
 *
 * Why not the package's own function: it is made for whole texts — each call builds a text reader,
 * closures and a Date, and type-tests every trie node with `Object.prototype.toString` — and costs
 * about 30 µs a word; a book with a real vocabulary hyphenates 10,000–20,000 distinct words. The
 * patterns, the exceptions and the result are the package's: test/typeset/liang.test.ts checks this
 * against the package word for word in eleven languages.
 */

/** A node of the package's pattern trie: a child per letter, a levels index, or both. */
type TrieNode = { readonly [letter: string]: TrieNode | number | readonly [TrieNode, number] };

/** A pattern module of `hyphen/patterns/*.js`: levels table, trie, exception markers. */
export type PatternSet = readonly [readonly (readonly number[])[], TrieNode, Readonly<Record<string, readonly number[]>>?];

const EMPTY: TrieNode = Object.freeze({});

/**
 * The positions in `word` (UTF-16 indexes) before which the patterns put a hyphen, ascending, as
 * the package gives them (its exceptions first; no minimum lengths applied). `word` is one run of
 * letters and marks.
 */
export function liangMarkers(patterns: PatternSet, word: string): readonly number[] {
  const [levelsTable, trie, exceptions] = patterns;
  const lowered = word.toLocaleLowerCase();
  if (exceptions !== undefined && Object.prototype.hasOwnProperty.call(exceptions, lowered)) return exceptions[lowered]!;
  const letters = `.${lowered}.`.split('');
  // A plain array, as the package's: a pattern that reaches past the word lengthens it (and
  // Math.max with a hole gives NaN, never a marker), which the clearing below depends on.
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  for (let start = 0; letters.length - start >= 3; start++) {
    // The package counts the slices from the leading dot and the first letter as both at 0.
    const at = start === 0 ? 0 : start - 1;
    let node: TrieNode = trie;
    for (let i = start; i < letters.length; i++) {
      const next: TrieNode[string] | undefined = node[letters[i]!];
      if (next === undefined) break;
      let index = -1;
      if (typeof next === 'number') {
        index = next;
        node = EMPTY;
      } else if (Array.isArray(next)) {
        const pair = next as readonly [TrieNode, number];
        node = pair[0];
        index = pair[1];
      } else {
        node = next as TrieNode;
      }
      if (index < 0) continue;
      const pattern = levelsTable[index]!;
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  const n = levels.length;
  levels[0] = levels[1] = levels[n - 1] = levels[n - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < n; i++) if ((levels[i]! & 1) === 1) markers.push(i);
  return markers;
}
