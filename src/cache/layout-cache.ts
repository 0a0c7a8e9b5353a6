/**
 * The layout cache: each article's laid-out units, stored under a hash of everything they depend
 * on, so that a rebuild sets again only the articles that changed.
 *
 * The key is the SHA-256 of the article's layout job (the article's model, its images' ids — which
 * are hashes of their bytes — and sizes, where its links lead, the page geometry) and of the
 * build's identity (broadsheet's version and code, Node's version, the layout libraries' versions,
 * the font files). Pagination and drawing run on every build, so page numbers, the page list and
 * the table of contents are always those of the current book.
 *
 * Entries are written to a temporary file and renamed into place, so a reader never sees half an
 * entry; each carries a SHA-256 of its payload, so a damaged entry is noticed, ignored and rebuilt.
 * Stored with v8.serialize (the structured clone worker threads use), which keeps what JSON would
 * lose (-0, undefined, shared objects and the structure tree's parent links).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { allFontIds, fontPath } from '../fonts/files.js';
import { VERSION } from '../version.js';
import type { ArticleJob, ArticleLayout } from '../write/pdf/layout/article-job.js';

/**
 * Where the CLI keeps the cache unless told otherwise: `node_modules/.cache/broadsheet` in a project
 * that has node_modules (the convention of babel, eslint, ava …), else the user's cache folder
 * (`$XDG_CACHE_HOME/broadsheet`, `~/.cache/broadsheet`), so that building a book folder never
 * creates a node_modules in it.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = '.'): string {
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join('node_modules', '.cache', 'broadsheet');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'broadsheet');
}

const MAGIC = Buffer.from('broadsheet-layout-1\n');

/** The packages whose output layout depends on (shaping, line breaking, hyphenation, bidi). */
const LAYOUT_PACKAGES = ['fontkit', 'hyphen', 'linebreak', 'bidi-js'];

export class LayoutCache {
  /** Entries found, and entries laid out afresh (and stored) in this cache's life. */
  hits = 0;
  misses = 0;
  /** Why entries could not be read or written (a damaged entry, a full disk): reported, never fatal. */
  readonly problems: string[] = [];

  private unwritable = false;

  private constructor(readonly dir: string, private readonly identity: string) {}

  /** A cache in `dir` (created on first write). */
  static async open(dir: string): Promise<LayoutCache> {
    return new LayoutCache(path.resolve(dir), await buildIdentity());
  }

  key(job: ArticleJob): string {
    return createHash('sha256').update(this.identity).update('\0').update(JSON.stringify(job)).digest('hex');
  }

  /** The layout stored under `key`, or undefined when there is none or it is damaged. */
  async get(key: string): Promise<ArticleLayout | undefined> {
    let data: Buffer;
    try {
      data = await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push(`cannot read ${this.file(key)}: ${(error as Error).message}`);
      return undefined;
    }
    const sum = data.subarray(MAGIC.length, MAGIC.length + 32);
    const payload = data.subarray(MAGIC.length + 32);
    if (!data.subarray(0, MAGIC.length).equals(MAGIC) || !createHash('sha256').update(payload).digest().equals(sum)) {
      this.problems.push(`ignored a damaged entry ${this.file(key)} (laid out again)`);
      return undefined;
    }
    try {
      return v8.deserialize(payload) as ArticleLayout;
    } catch (error) {
      this.problems.push(`ignored an unreadable entry ${this.file(key)} (laid out again): ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores `layout` under `key`: written whole to a temporary file, then renamed into place. */
  async put(key: string, layout: ArticleLayout): Promise<void> {
    // After one failed write (a read-only folder, a full disk) the rest would fail alike: one report.
    if (this.unwritable) return;
    const file = this.file(key);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const payload = v8.serialize(layout);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]));
      await rename(temp, file);
    } catch (error) {
      this.unwritable = true;
      this.problems.push(`cannot write ${file}, so nothing more is stored in this build: ${(error as Error).message}`);
      await unlink(temp).catch(() => undefined);
    }
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.layout`);
  }
}

let identity: Promise<string> | undefined;

/**
 * What every entry also depends on besides its job: broadsheet's version and its own code (so a
 * changed typesetter never reuses old lines, even between releases), Node's version (ICU's
 * segmentation, the serialisation format), the layout libraries' versions and the font files.
 */
function buildIdentity(): Promise<string> {
  identity ??= (async () => {
    const hash = createHash('sha256');
    hash.update(`broadsheet ${VERSION}\0node ${process.version} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\0`);
    // The compiled code (dist/) or the sources (src/ under vitest): every module, by content.
    const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    for (const file of await codeFiles(codeRoot)) hash.update(path.relative(codeRoot, file)).update('\0').update(await readFile(file));
    const require = createRequire(import.meta.url);
    for (const name of LAYOUT_PACKAGES) {
      let version = 'unknown';
      try {
        version = (JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
      } catch {
        // A package that does not export its package.json: its entry point's path still names its version's folder.
        version = `unknown (${require.resolve(name)})`;
      }
      hash.update(`${name}@${version}\0`);
    }
    for (const id of allFontIds()) {
      const file = fontPath(id);
      const s = await stat(file);
      hash.update(`${id} ${file} ${s.size} ${s.mtimeMs}\0`);
    }
    return hash.digest('hex');
  })();
  return identity;
}

async function codeFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await codeFiles(full)));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}
