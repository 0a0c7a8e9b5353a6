/**
 * The cover cache: the generated cover art (src/write/cover/: laid out with HarfBuzz's shaping, rendered
 * twice by resvg, about half a second), stored under a hash of what it is made from — the
 * metadata record, the trim size and the bleed — and of the build's identity (identity.ts: the
 * code, resvg's version, the font files). A cover made from the user's own image is not stored:
 * it is that image (and a downscaled copy only when it is very large).
 */
import { makeCoverArt, type CoverArt, type CoverArtArgs } from '../write/cover/index.js';
import { pngHasAlpha, splitAlpha } from '../write/pdf/alpha-image.js';
import { KindCache } from './kind-cache.js';

export class CoverCache extends KindCache {
  /** A cache in `dir` (created on first write); it shares the folder with the other caches. */
  static async open(dir: string): Promise<CoverCache> {
    return new CoverCache(...(await KindCache.parts(dir, 'cover', 'made again')));
  }

  /** The cover art of `args`, as makeCoverArt makes it: from the cache when it has it. */
  async art(args: CoverArtArgs): Promise<CoverArt> {
    if (args.image) return makeCoverArt(args);
    const { metadata, trim, bleedPt } = args;
    // The record's dates become ISO strings: the instant is what the cover shows.
    const key = this.keyOf(JSON.stringify({ metadata, trim, bleedPt }));
    const stored = (await this.store.get(key)) as CoverArt | undefined;
    if (stored) return stored;
    const art = await makeCoverArt(args);
    // The PDF's form of the print rendition is kept too (the writer would make it on every build).
    if (!art.print.split && art.print.mediaType === 'image/png' && pngHasAlpha(art.print.data)) art.print.split = await splitAlpha(art.print.data);
    await this.store.put(key, art);
    return art;
  }
}
