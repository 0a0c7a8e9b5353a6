/**
 * The all-or-nothing writer, for folder outputs (a bag): a new bag replaces the old one whole, so
 * no file of an older bag survives in it, and a failed write leaves the old bag untouched.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/write/output.js';
import { tempFolder } from '../support/cli.js';

describe('folder outputs', () => {
  it('replace the previous folder whole: a file the new one lacks is gone', async () => {
    const dir = tempFolder();
    const bag = path.join(dir, 'x.bag');
    await writeOutputs([{ path: bag, files: [{ path: 'bagit.txt', data: 'one' }, { path: 'data/old.txt', data: 'stale' }] }]);
    await writeOutputs([{ path: bag, files: [{ path: 'bagit.txt', data: 'two' }, { path: 'data/new.txt', data: 'fresh' }] }]);
    expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('two');
    expect(existsSync(path.join(bag, 'data/old.txt'))).toBe(false);
    expect(readFileSync(path.join(bag, 'data/new.txt'), 'utf8')).toBe('fresh');
    // No temporary or set-aside folder is left beside it.
    expect(readdirSync(dir)).toEqual(['x.bag']);
  });

  it('a failed write leaves the previous folder and files as they were', async () => {
    const dir = tempFolder();
    const bag = path.join(dir, 'x.bag');
    await writeOutputs([{ path: bag, files: [{ path: 'bagit.txt', data: 'good' }] }, { path: path.join(dir, 'x.pdf'), data: 'good pdf' }]);
    // A file and a folder of the same name inside the bag cannot both be written.
    const failing = writeOutputs([
      { path: path.join(dir, 'x.pdf'), data: 'new pdf' },
      { path: bag, files: [{ path: 'data', data: 'a file' }, { path: 'data/inside.txt', data: 'x' }] },
    ]);
    await expect(failing).rejects.toThrow();
    expect(readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('good');
    expect(readFileSync(path.join(dir, 'x.pdf'), 'utf8')).toBe('good pdf');
    expect(readdirSync(dir).sort()).toEqual(['x.bag', 'x.pdf']);
  });
});
