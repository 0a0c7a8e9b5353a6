/**
 * The cover cache: the generated cover art (src/write/cover/: laid out with fontkit, rendered
 * twice by resvg, about half a second), stored under a hash of what it is made from — the
 * metadata record, the trim size and the bleed — and of the build's identity (identity.ts: the
 * code, resvg's version, the font files). A cover made from the user's own image is not stored:
 * it is that image (and a downscaled copy only when it is very large).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { makeCoverArt, type CoverArt, type CoverArtArgs } from '../write/cover/index.js';
import { EntryStore } from './entry-store.js';
import { cacheIdentity } from './identity.js';

export class CoverCache {
  private constructor(private readonly store: EntryStore, private readonly identity: string) {}

  /** A cache in `dir` (created on first write); it shares the folder with the other caches. */
  static async open(dir: string): Promise<CoverCache> {
    return new CoverCache(new EntryStore(path.resolve(dir), 'cover', 'made again'), await cacheIdentity());
  }

  get dir(): string {
    return this.store.dir;
  }

  /** Why entries could not be read or written: reported, never fatal. */
  get problems(): readonly string[] {
    return this.store.problems;
  }

  /** The cover art of `args`, as makeCoverArt makes it: from the cache when it has it. */
  async art(args: CoverArtArgs): Promise<CoverArt> {
    if (args.image) return makeCoverArt(args);
    const { metadata, trim, bleedPt } = args;
    // The record's dates become ISO strings: the instant is what the cover shows.
    const key = createHash('sha256').update(this.identity).update('\0cover\0').update(JSON.stringify({ metadata, trim, bleedPt })).digest('hex');
    const stored = (await this.store.get(key)) as CoverArt | undefined;
    if (stored) return stored;
    const art = await makeCoverArt(args);
    await this.store.put(key, art);
    return art;
  }
}
