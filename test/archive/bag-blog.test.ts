/**
 * A bag of a real-shaped blog (issue 13 on issue 10's fixture): images named by site-absolute
 * paths and <picture> candidates are kept among the sources, and the bag's publication.json
 * rebuilds both editions byte for byte from the bag alone.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from '../support/cli.js';

const BLOG = path.join(ROOT, 'test/fixtures/blog');

describe('a bag of the blog fixture', () => {
  let data = '';
  let rebuilt = '';

  beforeAll(() => {
    const out = tempFolder();
    const built = cli(['build', BLOG, '--out', out, '--bag']);
    expect(built.status, built.stderr).toBe(0);
    data = path.join(out, 'notes-from-the-platform-team.bag', 'data');
    rebuilt = tempFolder();
    const again = cli(['build', 'publication.json', '--out', rebuilt], { cwd: data });
    expect(again.status, again.stderr).toBe(0);
  });

  it('keeps site-absolute images and <picture> candidates among the sources', async () => {
    const images = await readdir(path.join(data, 'source', 'images'));
    expect(images).toEqual(expect.arrayContaining(['latency-chart.svg', 'spinner.gif', 'logo.png', 'harbour-office.webp']));
    const model = await readFile(path.join(data, 'publication.json'), 'utf8');
    expect(model).toContain('"source/images/latency-chart.svg"');
  });

  it('rebuilds the same EPUB and PDF from the bag alone', async () => {
    for (const ext of ['epub', 'pdf']) {
      const [inBag, again] = await Promise.all([
        readFile(path.join(data, `notes-from-the-platform-team.${ext}`)),
        readFile(path.join(rebuilt, `notes-from-the-platform-team.${ext}`)),
      ]);
      expect(Buffer.compare(inBag, again), ext).toBe(0);
    }
  });
});
