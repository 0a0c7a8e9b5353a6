/**
 * What the layout, read and cover caches share: an entry store of their own kind in the cache
 * folder (entry-store.ts), and keys that hash the build's identity (identity.ts) and the kind with
 * what an entry is made from, so that no entry outlives the code, packages or fonts that made it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EntryStore } from './entry-store.js';
import { cacheIdentity } from './identity.js';

export abstract class KindCache {
  protected constructor(protected readonly store: EntryStore, private readonly identity: string) {}

  /**
   * The store and identity a cache of `kind` in `dir` is made with (the folder is created on first
   * write); `redo` says in a problem what is done instead (`laid out again`).
   */
  protected static async parts(dir: string, kind: string, redo: string): Promise<[EntryStore, string]> {
    return [new EntryStore(path.resolve(dir), kind, redo), await cacheIdentity()];
  }

  get dir(): string {
    return this.store.dir;
  }

  /** Waits for every entry being written (the puts' promises never reject: problems say why). */
  settle(): Promise<void> {
    return this.store.settle();
  }

  /** Why entries could not be read or written (a damaged entry, a full disk): reported, never fatal. */
  get problems(): readonly string[] {
    return this.store.problems;
  }

  /** The key of an entry made from `parts`: SHA-256 of the identity, the kind and the parts, NUL between. */
  protected keyOf(...parts: string[]): string {
    const hash = createHash('sha256').update(this.identity).update(`\0${this.store.kind}\0`);
    parts.forEach((part, i) => (i === 0 ? hash : hash.update('\0')).update(part));
    return hash.digest('hex');
  }
}
