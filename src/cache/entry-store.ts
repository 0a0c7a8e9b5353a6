/**
 * The file format every cache of broadsheet shares (src/cache/): one file per entry, named by its
 * key (a SHA-256 in hex) under a two-letter folder, holding a magic line that names the kind of
 * entry, a SHA-256 of the payload and the payload (v8.serialize: the structured clone worker
 * threads use, which keeps what JSON would lose — -0, undefined, shared objects, typed arrays).
 *
 * Entries are written to a temporary file and renamed into place, so a reader never sees half an
 * entry; a damaged or unreadable entry is reported (never fatal) and treated as missing, so its
 * value is made again and stored afresh.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';

export class EntryStore {
  /** Why entries could not be read or written (a damaged entry, a full disk): reported, never fatal. */
  readonly problems: string[] = [];

  private readonly magic: Buffer;
  private unwritable = false;
  private readonly writes: Promise<void>[] = [];

  /**
   * `kind` names the entries (`layout`, `read`, `cover`): the magic line and the file extension,
   * so that different caches share a folder without mistaking each other's entries.
   * `redo` says in a problem what happens instead (`laid out again`).
   */
  constructor(readonly dir: string, readonly kind: string, private readonly redo: string) {
    this.magic = Buffer.from(`broadsheet-${kind}-1\n`);
  }

  /**
   * The value stored under `key`, or undefined when there is none or it is damaged.
   *
   * Read synchronously: a rebuild reads some hundreds of entries one after another with nothing
   * to do meanwhile, and fs/promises' readFile costs five times the CPU (a file handle and
   * promises per file: measured 0.23 s against 0.04 s for 600 entries).
   */
  async get(key: string): Promise<unknown> {
    let data: Buffer;
    try {
      data = readFileSync(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push(`cannot read ${this.file(key)}: ${(error as Error).message}`);
      return undefined;
    }
    const sum = data.subarray(this.magic.length, this.magic.length + 32);
    const payload = data.subarray(this.magic.length + 32);
    if (!data.subarray(0, this.magic.length).equals(this.magic) || !createHash('sha256').update(payload).digest().equals(sum)) {
      this.problems.push(`ignored a damaged entry ${this.file(key)} (${this.redo})`);
      return undefined;
    }
    try {
      return v8.deserialize(payload);
    } catch (error) {
      this.problems.push(`ignored an unreadable entry ${this.file(key)} (${this.redo}): ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Stores `value` under `key`: serialised now (so that later changes to `value` are not stored),
   * written whole to a temporary file, then renamed into place. The promise never rejects.
   */
  put(key: string, value: unknown): Promise<void> {
    // After one failed write (a read-only folder, a full disk) the rest would fail alike: one report.
    if (this.unwritable) return Promise.resolve();
    return this.putPayload(key, v8.serialize(value));
  }

  /** Stores a value already serialised with v8.serialize (on another thread) under `key`. */
  putPayload(key: string, payload: Uint8Array): Promise<void> {
    if (this.unwritable) return Promise.resolve();
    const write = this.write(key, Buffer.concat([this.magic, createHash('sha256').update(payload).digest(), payload]));
    this.writes.push(write);
    return write;
  }

  /** Waits for every write started so far. */
  async settle(): Promise<void> {
    await Promise.all(this.writes.splice(0));
  }

  private async write(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, data);
      await rename(temp, file);
    } catch (error) {
      if (!this.unwritable) this.problems.push(`cannot write ${file}, so nothing more is stored in this build: ${(error as Error).message}`);
      this.unwritable = true;
      await unlink(temp).catch(() => undefined);
    }
  }

  /** The file of the entry stored under `key`. */
  path(key: string): string {
    return this.file(key);
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.${this.kind}`);
  }
}
