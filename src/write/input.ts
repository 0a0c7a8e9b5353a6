/**
 * What every writer receives. Writers never parse input and never read files: images arrive
 * loaded, metadata arrives as the one record, the cover arrives rendered.
 */
import type { Diagnostics } from '../check/diagnostic.js';
import type { Publication } from '../model/publication.js';
import type { ImageStore } from '../images/image.js';
import type { CoverArt } from './cover/cover-art.js';
import type { MetadataRecord } from './metadata/record.js';
import type { ProgressListener } from '../progress/events.js';

export interface WriterOptions {
  /** Trim size name or `WIDTHxHEIGHT` with units; default A5. */
  pageSize: string;
  /** Add 3 mm bleed (BleedBox, cover art into the bleed). Default false. */
  bleed: boolean;
  /** Turn accessibility-claim warnings into errors. Default false. */
  strict: boolean;
}

export interface WriterInput {
  /** Validated. Every `figure.image.src` is a key of `images` (the build resolved them). */
  publication: Publication;
  metadata: MetadataRecord;
  cover: CoverArt;
  images: ImageStore;
  diagnostics: Diagnostics;
  options: WriterOptions;
  /** Told of each article laid out and each page drawn (BuildOptions.onProgress). */
  progress?: ProgressListener;
}
