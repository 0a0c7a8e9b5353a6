/**
 * Deflates the EPUB's zip entries with node's zlib before jszip zips them, instead of jszip's own
 * deflate (pako, JavaScript), which took about a third of the EPUB stage: on the 300-article
 * anthology pako took ~0.3 s CPU a build and zlib takes ~0.07–0.1 s, for an EPUB 0.4 % smaller.
 *
 * How: each entry is replaced by a jszip `CompressedObject` (compressed bytes, sizes, CRC-32 and
 * the DEFLATE method). That is jszip's own path for entries that already hold compressed data (a
 * zip it loaded and writes again): `generateAsync` copies them as they are when their method is
 * the one asked for. The other way in, a custom compression registered in jszip's module-level
 * table (`lib/compressions.js`), would change that table for every zip in the process, including
 * the ones loaded (it finds a method by its magic number); this way changes nothing outside our
 * own zip. Both use jszip internals (`lib/…`, no types, not in its documented API), so the
 * classes are taken from the jszip that epub-gen-memory itself loads (`instanceof` must match),
 * and `deflateEntries` checks that jszip kept every entry as handed to it.
 *
 * Text entries are encoded whole (`Buffer.from(text)`): jszip 3.10.1 encodes strings in 16 KiB
 * slices and turns a character outside the BMP (an emoji, a CJK Extension B ideograph) cut by a
 * slice boundary into two U+FFFD: a document longer than 16,384 characters could lose a character
 * (test/write/epub/deflate-entries.test.ts).
 *
 * Deterministic: zlib's output depends only on the input and the level (one call per entry), but
 * it is node's bundled zlib (Chromium's fork), not pako, so the EPUB's bytes can differ between
 * Node releases that bundle another zlib — as the PDF's already do (pdfkit and alpha-image.ts
 * deflate with node:zlib). Level 6, as before: level 9 costs more for a size within 0.2 %.
 */
import { createRequire } from 'node:module';
import { crc32, deflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';

/** jszip's `lib/compressedObject.js`: what a zip entry holds once compressed. */
interface CompressedObjectClass {
  new (compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Uint8Array): object;
}
/** jszip's internals, from the copy epub-gen-memory resolves (the one its `JSZip` instances come from). */
function jszipInternals(): { CompressedObject: CompressedObjectClass; DEFLATE: unknown } {
  const fromHere = createRequire(import.meta.url);
  const fromLibrary = createRequire(fromHere.resolve('epub-gen-memory'));
  // Both modules are plain CommonJS without types: typed by the interface above.
  return {
    CompressedObject: fromLibrary('jszip/lib/compressedObject.js') as CompressedObjectClass,
    DEFLATE: (fromLibrary('jszip/lib/compressions.js') as { DEFLATE: unknown }).DEFLATE,
  };
}

let internals: ReturnType<typeof jszipInternals> | undefined;

/** The level of every deflated entry. */
const LEVEL = 6;

/**
 * Replaces every entry of `zip` but folders and stored ones (the `mimetype`, which the OCF wants
 * first and uncompressed) and empty ones by its deflated bytes. `binary` names the entries that hold
 * bytes; all others hold text. Each entry keeps its place in the zip and its date.
 */
export async function deflateEntries(zip: JSZip, binary: ReadonlySet<string>): Promise<void> {
  internals ??= jszipInternals();
  const { CompressedObject, DEFLATE } = internals;
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && entry.options.compression !== 'STORE');
  const contents = await Promise.all(
    entries.map(async (entry) => (binary.has(entry.name) ? entry.async('uint8array') : Buffer.from(await entry.async('string'), 'utf8'))),
  );
  entries.forEach((entry, i) => {
    const data = contents[i] as Uint8Array;
    if (data.length === 0) return;
    const deflated = deflateRawSync(data, { level: LEVEL });
    const compressed = new CompressedObject(deflated.length, data.length, crc32(data), DEFLATE, deflated);
    // `file()` takes a CompressedObject as it takes bytes; its types list only the public inputs.
    zip.file(entry.name, compressed as Uint8Array, { binary: true, date: entry.date, compression: 'DEFLATE' });
    // jszip copies an entry's bytes only if it holds this very object; anything else it would deflate again.
    if ((zip.files[entry.name] as unknown as { _data: unknown })._data !== compressed) {
      throw new Error(`jszip did not keep the deflated bytes of ${entry.name}: its internals changed (src/write/epub/deflate-entries.ts)`);
    }
  });
}
