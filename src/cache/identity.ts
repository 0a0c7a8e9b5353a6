/**
 * What every cache entry depends on besides its own inputs: the build's identity. broadsheet's
 * version and its own code, by content (so a changed reader or typesetter never reuses old
 * results, even between releases); Node's version (ICU's segmentation, the serialisation format);
 * the installed packages — npm's hidden lockfile of the installed tree, which names every
 * package's version (so an updated parser deep in the tree counts too), or without one the
 * version of each package broadsheet depends on; the bundled font files (the others come in packages).
 *
 * Why one identity for every kind of entry rather than a narrower one each: a narrower one would
 * have to list what each step uses (and be kept up to date by hand as the code changes); one that
 * is too wide only costs a cold cache after an upgrade.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledFontIds, fontPath } from '../fonts/files.js';
import { VERSION } from '../version.js';

/** The compiled code (dist/) or the sources (src/ under vitest). */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let identity: Promise<string> | undefined;

/** The build's identity as a SHA-256 in hex; computed once per process. */
export function cacheIdentity(): Promise<string> {
  identity ??= (async () => {
    const hash = createHash('sha256');
    hash.update(`broadsheet ${VERSION}\0node ${process.version} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\0`);
    // Read synchronously: some 300 small files, once per process; a promise each costs more than the reading.
    for (const file of codeFiles(CODE_ROOT)) hash.update(path.relative(CODE_ROOT, file)).update('\0').update(readFileSync(file));
    const lockfile = await hiddenLockfile();
    if (lockfile) hash.update(lockfile);
    else {
      // No lockfile (installed otherwise than by npm): the direct dependencies' versions at least.
      const require = createRequire(import.meta.url);
      const manifest = JSON.parse(await readFile(path.join(CODE_ROOT, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const name of Object.keys(manifest.dependencies ?? {}).sort()) hash.update(`${name}@${await installedVersion(require, name)}\0`);
    }
    // The bundled fonts by size and date. The fallbacks come from npm packages, whose versions the
    // lockfile (or the dependencies' versions) above names: finding their files would cost more.
    for (const id of bundledFontIds()) {
      const file = fontPath(id);
      const s = await stat(file);
      hash.update(`${id} ${file} ${s.size} ${s.mtimeMs}\0`);
    }
    return hash.digest('hex');
  })();
  return identity;
}

async function installedVersion(require: NodeRequire, name: string): Promise<string> {
  try {
    return (JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // A package that does not export its package.json: its entry point's path still names its version's folder.
    try {
      return `unknown (${require.resolve(name)})`;
    } catch {
      // Neither (a package with only an `import` export): its name alone; the lockfile still counts.
      return 'unknown';
    }
  }
}

/** `node_modules/.package-lock.json` of the nearest node_modules above the code, which npm keeps current. */
async function hiddenLockfile(): Promise<Buffer | undefined> {
  for (let dir = CODE_ROOT; ; dir = path.dirname(dir)) {
    const data = await readFile(path.join(dir, 'node_modules', '.package-lock.json')).catch(() => undefined);
    if (data) return data;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(full));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}
