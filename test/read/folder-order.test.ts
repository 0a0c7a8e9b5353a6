/**
 * A folder's files are read ahead of the one being parsed (src/read/publication.ts): what they say,
 * and every problem with them, must still come in the order publication.yaml lists them, whatever
 * order the disk answers in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/check/diagnostic.js';
import { readPublication } from '../../src/read/publication.js';

describe('reading a folder', () => {
  it('gives articles and problems in the listed order, a missing, an empty and an oversized file among twenty', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-folder-order-'));
    const names: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const name = `post-${String(i).padStart(2, '0')}.md`;
      names.push(name);
      if (i === 4) continue; // listed, never written: input.missing
      if (i === 9) writeFileSync(path.join(dir, name), '  \n');
      else if (i === 15) writeFileSync(path.join(dir, name), `# Too long\n\n${'word '.repeat(400)}\n`);
      // Sizes vary so that reads finish in another order than they start.
      else writeFileSync(path.join(dir, name), `---\ntitle: Post ${i}\n---\n\n${`Sentence ${i} of the post. `.repeat(i % 2 === 0 ? 2000 : 3)}\n`);
    }
    writeFileSync(path.join(dir, 'publication.yaml'), `title: Order\narticles:\n${names.map((n) => `  - ${n}`).join('\n')}\n`);

    const diagnostics = new Diagnostics();
    const read = await readPublication(dir, { lang: 'en', maxArticleBytes: 1500 }, diagnostics);

    // Even-numbered posts are over the limit too (2,000 sentences); only odd ones other than 9 and 15 remain.
    const expected = names.filter((_, i) => (i + 1) % 2 === 1 && i + 1 !== 9 && i + 1 !== 15);
    expect(read.articles.map((a) => path.basename(a.origin ?? ''))).toEqual(expected);
    // Each file's own text, not a neighbour's read at the same time.
    expect(read.articles.map((a) => a.meta.title)).toEqual(expected.map((name) => `Post ${Number(name.slice(5, 7))}`));
    const problems = diagnostics.errors.map((d) => `${path.basename(d.file ?? '')} ${d.code}`);
    const wanted = names.flatMap((name, i) => {
      const n = i + 1;
      if (n === 4) return [`${name} input.missing`];
      if (n === 9) return [`${name} input.empty`];
      if (n % 2 === 0 || n === 15) return [`${name} input.too-large`];
      return [];
    });
    expect(problems).toEqual(wanted);
  });
});
