/**
 * Builds are reproducible: the same input, copied to different folders and built at different
 * times, gives byte-identical EPUB, PDF and JSON-LD. SOURCE_DATE_EPOCH changes the dates it should.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempFolder } from './support/cli.js';

/** Copies `source` to a new folder and builds it (or the file `entry` inside it). */
function buildCopy(source: string, entry = '', env: NodeJS.ProcessEnv = {}) {
  const dir = tempFolder();
  const input = path.join(dir, 'in');
  cpSync(source, input, { recursive: true });
  const out = path.join(dir, 'out');
  const run = cli(['build', path.join(input, entry), '--out', out], { env });
  expect(run.status, run.stderr).toBe(0);
  return out;
}

const SOURCES: Record<string, { folder: string; entry: string; stem: string }> = {
  seed: { folder: path.join(ROOT, 'content'), entry: '', stem: 'us-explores-israel-syria-peace-talks' },
  rich: { folder: path.join(ROOT, 'test/fixtures/rich'), entry: 'publication.json', stem: 'harbour-hinterland-notes-from-the-coast' },
};

describe('reproducible builds', () => {
  for (const [name, { folder, entry, stem }] of Object.entries(SOURCES)) {
    it(`gives byte-identical files for the ${name} publication`, async () => {
      const a = buildCopy(folder, entry);
      await sleep(1100);
      const b = buildCopy(folder, entry);
      for (const ext of ['epub', 'pdf', 'jsonld']) {
        const x = readFileSync(path.join(a, `${stem}.${ext}`));
        const y = readFileSync(path.join(b, `${stem}.${ext}`));
        expect(x.equals(y), `${stem}.${ext} differs between builds`).toBe(true);
      }
    });
  }

  it('honours SOURCE_DATE_EPOCH', () => {
    const out = buildCopy(SOURCES.seed.folder, '', { SOURCE_DATE_EPOCH: '1767225600' });
    const record = JSON.parse(readFileSync(path.join(out, 'us-explores-israel-syria-peace-talks.jsonld'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(record)).toContain('2026-01-01');
  });
});
