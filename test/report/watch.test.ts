/**
 * Issue 15.4: `broadsheet build --watch`, run as a user runs it (a child process, killed at the
 * end). A burst of saves is one rebuild; an edit to the article and a change to its image (which
 * lies outside any watched folder: the build reports it) each rebuild; a broken edit prints the
 * error and keeps the last good files; SIGTERM ends it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempFolder } from '../support/cli.js';
import { epubText } from '../support/epub.js';

const story = (body: string): string => `---\ntitle: Watched story\nlang: en\n---\n\n${body}\n\n![A chart of the tides](pic.png "The tides")\n`;
const BUILT = /^built; watching/gm;
const CHANGED = /^changed: /gm;
const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('build --watch', () => {
  const dir = tempFolder({ 'story.md': story('Version 0.') });
  copyFileSync(path.join(ROOT, 'test/fixtures/rich/chart.png'), path.join(dir, 'pic.png'));
  const epub = path.join(dir, 'out', 'watched-story.epub');
  let child: ChildProcess;
  let stderr = '';
  let exit: Promise<number | null>;

  /** Waits until stderr matches `re` `times` times. */
  async function waitFor(re: RegExp, times: number): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (count(stderr, re) < times) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re} ×${times}; stderr:\n${stderr}`);
      if (child.exitCode !== null) throw new Error(`watch exited ${child.exitCode}; stderr:\n${stderr}`);
      await sleep(50);
    }
  }

  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, 'build', path.join(dir, 'story.md'), '-o', path.join(dir, 'out'), '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.resume();
    exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(BUILT, 1);
  }, 180_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('builds, then rebuilds once for a burst of saves', async () => {
    expect(await epubText(epub)).toContain('Version 0.');
    // Five saves back to back, as a `git checkout` or a save-all makes them.
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(dir, 'story.md'), story(`Version ${i}.`));
    await waitFor(BUILT, 2);
    // Long enough for a second, wrongly debounced rebuild to have started.
    await sleep(1000);
    expect(count(stderr, CHANGED), stderr).toBe(1);
    expect(count(stderr, BUILT), stderr).toBe(2);
    const text = await epubText(epub);
    expect(text).toContain('Version 5.');
    expect(text).not.toContain('Version 4.');
  }, 180_000);

  it('rebuilds when an image the article shows changes', async () => {
    const before = sha(epub);
    copyFileSync(path.join(ROOT, 'test/fixtures/blog/images/logo.png'), path.join(dir, 'pic.png'));
    await waitFor(BUILT, 3);
    expect(stderr).toMatch(/^changed: .*pic\.png — rebuilding$/m);
    expect(sha(epub)).not.toBe(before);
  }, 180_000);

  it('prints the error of a broken edit, keeps the last good files and goes on watching', async () => {
    const good = sha(epub);
    writeFileSync(path.join(dir, 'story.md'), '---\ntitle: [unclosed\n---\nText\n');
    await waitFor(/^not built: the last good files are kept/gm, 1);
    expect(stderr).toContain(`${path.join(dir, 'story.md')}:2:`);
    expect(sha(epub)).toBe(good);
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 180_000);
});
