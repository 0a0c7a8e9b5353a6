/**
 * The read cache: what reading each article file gave (the unchecked article and the warnings the
 * reader gave), stored under a hash of everything the reader depends on, so that a rebuild parses
 * again only the files that changed.
 *
 * A reader is a pure function of the file's name (the article's origin, the names in its
 * warnings), its text and the reading options (`--strict`, `--extract`): it reads no other file
 * (images are resolved, publication.yaml applied and the result validated after it, on every
 * build). So the key is the SHA-256 of those and of the build's identity (identity.ts: the code of
 * every reader, the version of every parser). Keyed by the text, not by a date: a touched but
 * unchanged file is not read again, and an edit that keeps the date is.
 *
 * The warnings are stored with the article and given again on a hit, in the same place, so a
 * cached build reports what a clean one does. Where a value came from in the file (`locate`, for
 * the validator's errors) is a function and is not stored: it is asked for only when validation
 * fails, and then the file is read again to answer. Reads that gave an error are not stored.
 */
import { Diagnostics, type Diagnostic } from '../check/diagnostic.js';
import type { ArticleReader, ExtractMode, ReadResult } from '../read/types.js';
import { KindCache } from './kind-cache.js';

/** What an entry holds: the reader's article and its warnings. */
interface StoredRead {
  candidate: ReadResult['candidate'];
  diagnostics: Diagnostic[];
}

/** The reading options a reader's result depends on. */
export interface ReaderOptions {
  strict: boolean;
  extract: ExtractMode;
}

export class ReadCache extends KindCache {
  /** Files whose reading was found, and files read afresh (and stored) in this cache's life. */
  hits = 0;
  misses = 0;

  /** A cache in `dir` (created on first write); it shares the folder with the layout cache. */
  static async open(dir: string): Promise<ReadCache> {
    return new ReadCache(...(await KindCache.parts(dir, 'read', 'read again')));
  }

  /**
   * What `reader` makes of `source` (the text of `file`), from the cache when it has it; the
   * reader's diagnostics go to `diagnostics` either way, in the order the reader gave them.
   */
  async read(reader: ArticleReader, file: string, source: string, options: ReaderOptions, diagnostics: Diagnostics): Promise<ReadResult | undefined> {
    const key = this.keyOf(JSON.stringify([reader.name, file, options.strict, options.extract]), source);
    const stored = (await this.store.get(key)) as StoredRead | undefined;
    if (stored) {
      this.hits++;
      diagnostics.items.push(...stored.diagnostics);
      let again: ReadResult | undefined;
      const locate: ReadResult['locate'] = (at) => {
        again ??= reader(file, source, { diagnostics: new Diagnostics(), ...options });
        return again?.locate(at);
      };
      return { candidate: stored.candidate, locate };
    }
    this.misses++;
    const own = new Diagnostics();
    const result = reader(file, source, { diagnostics: own, ...options });
    diagnostics.items.push(...own.items);
    // Stored now, before assembling the publication changes the article (its language).
    if (result && own.errors.length === 0) void this.store.put(key, { candidate: result.candidate, diagnostics: own.items } satisfies StoredRead);
    return result;
  }
}
