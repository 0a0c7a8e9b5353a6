/**
 * The cache's identity notes the size and date of the bundled fonts only, trusting package
 * versions for the rest (src/cache/identity.ts): so the bundled list must name exactly the files
 * in assets/fonts/, and every other font must come from an npm package.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFontIds, bundledFontIds, fontPath } from '../../src/fonts/files.js';

const ASSETS = path.resolve(import.meta.dirname, '../../assets/fonts');

describe('font files', () => {
  it('names as bundled exactly the fonts in assets/fonts, and takes every other from a package', () => {
    const bundled = bundledFontIds();
    expect(bundled.map((id) => fontPath(id)).sort()).toEqual(readdirSync(ASSETS).filter((f) => f.endsWith('.ttf')).map((f) => path.join(ASSETS, f)).sort());
    for (const id of allFontIds().filter((id) => !bundled.includes(id))) expect(fontPath(id), id).toContain(`${path.sep}node_modules${path.sep}@expo-google-fonts${path.sep}`);
  });
});
