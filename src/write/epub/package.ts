/**
 * Packaging on epub-gen-memory (the product's chosen dependency), made deterministic and offline.
 *
 * What the library does and how it is worked around (design.md §4):
 * - Its chapters go through an HTML clean-up (htmlparser2 + an attribute allowlist) that strips
 *   `scope`, `datetime`, `start`, `headers`, `cite`, `width`/`height` and rewrites `alt=""` to
 *   `alt="image-placeholder"`, a file-name filter that keeps only `-._A-Za-z0-9` (so
 *   `世界人权宣言.xhtml` would become `.xhtml`), a validation (ow, which builds and throws an error
 *   for each check that fails, even where the value is then accepted) and an EJS template compiled
 *   afresh for each chapter: together about 70 ms for 300 articles, to lose what accessibility
 *   needs. So it is given no chapters: our finished documents are added to the zip as they are
 *   (`generateTemplateFiles`), under their names, which are safe already (slugs,
 *   src/model/slug.ts; the OCF allows UTF-8 names, https://www.w3.org/TR/epub-33/#sec-container-filenames).
 *   Its OPF, nav and NCX templates are replaced by pass-throughs (`<%- packageDocument %>`) that
 *   print ours verbatim; it still writes the stylesheet and `META-INF/container.xml`.
 * - It fetches images named in the chapters (http, file://) and names them with random UUIDs: with no
 *   chapters it fetches nothing; `downloadAllImages` is overridden to add our images
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

/** Template fields epub-gen-memory passes through to the EJS templates unchanged. */
type PassThroughOptions = Options & { packageDocument: string; navDocument: string; ncxDocument: string };

class DeterministicEpub extends EPub {
  private readonly documents: PackageInput['documents'];
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
      date: input.date.toISOString(),
      contentOPF: '<%- packageDocument %>',
      tocXHTML: '<%- navDocument %>',
      tocNCX: '<%- ncxDocument %>',
      packageDocument: input.packageDocument,
      navDocument: input.navDocument,
      ncxDocument: input.ncx,
      // Nothing is fetched (no chapters, no fonts, no cover URL); if a future version tried,
      // it would fail at once instead of waiting on a closed network.
      fetchTimeout: 1,
      retryTimes: 1,
    };
    super(options, []);
    this.documents = input.documents;
    this.files = input.files;
    this.date = new Date(Math.max(DOS_EPOCH, input.date.getTime()));
  }

  /** Our documents as they are, in spine order; then the library's stylesheet, container, OPF, NCX and nav. */
  protected override async generateTemplateFiles(): Promise<void> {
    const oebps = this.zip.folder('OEBPS');
    if (!oebps) throw new Error('jszip did not create OEBPS/');
    for (const document of this.documents) oebps.file(document.fileName, document.xhtml);
    await super.generateTemplateFiles();
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
