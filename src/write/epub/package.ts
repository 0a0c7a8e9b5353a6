/**
 * Packaging on epub-gen-memory (the product's chosen dependency), made deterministic and offline.
 *
 * What the library does and how it is worked around (design.md §4):
 * - Its HTML clean-up (htmlparser2 + an attribute allowlist) strips `scope`, `datetime`, `start`,
 *   `headers`, `cite`, `width`/`height` and rewrites `alt=""` to
 *   `alt="image-placeholder"`. So chapters carry empty `content` and the finished XHTML in an extra
 *   `document` field, which our chapter template prints verbatim (`<%- document %>`). The same
 *   pass-through is used for the OPF, nav and NCX templates.
 * - Its constructor validates each chapter (ow, which builds and throws an error per check that
 *   fails, even where the value is then accepted), cleans up its HTML, and strips every character
 *   but `-._A-Za-z0-9` from its file name, so `世界人权宣言.xhtml` would become `.xhtml`. For our
 *   chapters all of that is work without effect (about 40 ms for 300 articles) or harm: they are
 *   handed over already normalised, as `content` (the field its subclasses own), not to the
 *   constructor. Their names are safe already (slugs, src/model/slug.ts), and the OCF allows UTF-8
 *   names (https://www.w3.org/TR/epub-33/#sec-container-filenames).
 * - It fetches images named in the content (http, file://) and names them with random UUIDs: with no
 *   `<img>` in `content` it fetches nothing; `downloadAllImages` is overridden to add our images
 *   from memory under their stable names. Fonts and its own cover handling are switched off the same
 *   way (`makeCover` only knows `cover.<ext>` and writes no `cover-image` property).
 * - Its identifier, dates and zip entry times come from `Math.random()` and the clock: our templates
 *   never print its `id`/`date`, and every zip entry gets the book's modification date.
 * - It has jszip deflate at level 9 with pako (JavaScript): the entries are deflated before, at level 6
 *   with node's zlib (deflate-entries.ts), and jszip copies them as they are.
 */
import { EPub, type Options } from 'epub-gen-memory';
import { deflateEntries } from './deflate-entries.js';

export interface PackageFile {
  /** Path under `OEBPS/`, e.g. `images/img-0123456789ab.png`. */
  path: string;
  data: Uint8Array;
}

export interface PackageInput {
  title: string;
  lang: string;
  description: string;
  /** XHTML content documents in spine order: file name (no folders) and the finished document. */
  documents: { fileName: string; title: string; xhtml: string }[];
  packageDocument: string;
  navDocument: string;
  ncx: string;
  css: string;
  /** Images (the cover included), written as they are. */
  files: PackageFile[];
  /** Date of every zip entry (the book's `dcterms:modified`). */
  date: Date;
}

/** The earliest date a zip (DOS) timestamp can hold. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** A chapter as the library's constructor would have normalised it, with the finished document. */
type PassThroughChapter = EPub['content'][number] & { document: string };
/** Template fields epub-gen-memory passes through to the EJS templates unchanged. */
type PassThroughOptions = Options & { packageDocument: string; navDocument: string; ncxDocument: string };

class DeterministicEpub extends EPub {
  private readonly files: PackageFile[];
  private readonly date: Date;

  constructor(input: PackageInput) {
    const options: PassThroughOptions = {
      title: input.title,
      lang: input.lang,
      description: input.description,
      css: input.css,
      version: 3,
      verbose: false,
      prependChapterTitles: false,
      date: input.date.toISOString(),
      chapterXHTML: '<%- document %>',
      contentOPF: '<%- packageDocument %>',
      tocXHTML: '<%- navDocument %>',
      tocNCX: '<%- ncxDocument %>',
      packageDocument: input.packageDocument,
      navDocument: input.navDocument,
      ncxDocument: input.ncx,
      // Nothing is fetched (no <img> in `content`, no fonts, no cover URL); if a future version tried,
      // it would fail at once instead of waiting on a closed network.
      fetchTimeout: 1,
      retryTimes: 1,
    };
    super(options, []);
    // The fields and defaults of the library's `validateAndNormalizeChapter` (1.1.2).
    this.content = input.documents.map((d, i): PassThroughChapter => ({
      id: `item_${i}`, title: d.title, author: [], content: '', excludeFromToc: false, beforeToc: false, filename: d.fileName, url: '', document: d.xhtml,
    }));
    this.files = input.files;
    this.date = new Date(Math.max(DOS_EPOCH, input.date.getTime()));
  }

  protected override async downloadAllFonts(): Promise<void> {
    // No web fonts: the reader's own fonts are used.
  }

  protected override async downloadAllImages(): Promise<void> {
    const oebps = this.zip.folder('OEBPS');
    if (!oebps) throw new Error('epub-gen-memory did not create OEBPS/');
    for (const file of this.files) oebps.file(file.path, file.data, { binary: true });
  }

  protected override async makeCover(): Promise<void> {
    // The cover image is one of `files`, declared with `properties="cover-image"` by our OPF.
  }

  /** After the library has added every entry, and before it zips them, fix their dates and deflate them. */
  override async render(): Promise<this> {
    await super.render();
    for (const entry of Object.values(this.zip.files)) entry.date = this.date;
    await deflateEntries(this.zip, new Set(this.files.map((file) => `OEBPS/${file.path}`)));
    return this;
  }
}

/** The `.epub` bytes: `mimetype` first and stored, then META-INF and OEBPS (epub-gen-memory's layout). */
export async function packageEpub(input: PackageInput): Promise<Uint8Array> {
  const buffer = await new DeterministicEpub(input).genEpub();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
