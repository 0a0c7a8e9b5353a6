/**
 * What the image module hands to the writers: one loaded image with the bytes the EPUB keeps and
 * the rendition the PDF (and the cover) draws. Readers resolve references into an {@link ImageStore};
 * writers never read files or decode images themselves.
 */

/**
 * Media types the EPUB keeps as they are: the image core media types of EPUB 3.3
 * (https://www.w3.org/TR/epub-33/#sec-core-media-types). Anything else is converted on loading.
 */
export type EpubImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/svg+xml';

/** A bitmap pdfkit can embed (it reads JPEG and PNG only, design.md §4). */
export interface PrintBitmap {
  kind: 'bitmap';
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  /** Pixel size of `data` (an SVG rasterised for print is larger than its CSS size). */
  width: number;
  height: number;
}

/**
 * An SVG for print, simplified by usvg (resvg's front end): text turned into paths in the bundled
 * fonts, styles and `<use>` resolved, so that svg-to-pdfkit draws exactly what resvg would.
 */
export interface PrintVector {
  kind: 'vector';
  svg: string;
}

export type PrintImage = PrintBitmap | PrintVector;

export interface LoadedImage {
  /** Stable id, derived from the source bytes: `img-<12 hex>`. Also the figure's `src` after loading. */
  id: string;
  /** Stable file name inside the EPUB, e.g. `images/img-0123456789ab.png`. */
  fileName: string;
  /** What the EPUB holds: the source format when it is a core media type, else its conversion. */
  mediaType: EpubImageType;
  /** The EPUB's bytes (for SVG, the sanitised document). */
  data: Uint8Array;
  /** Size in CSS pixels: pixels for bitmaps, the intrinsic size for SVG. */
  width: number;
  height: number;
  /** What the PDF draws. */
  print: PrintImage;
  /** More than one frame (animated GIF, WebP or PNG): a possible flashing hazard. */
  animated: boolean;
  /** The file the image was read from, the URL it was downloaded from, or `data:` for inline data. */
  file: string;
}

export type ImageStore = Map<string, LoadedImage>;

export interface ImageLimits {
  /** Largest image file in bytes. Default 50 MB. */
  maxBytes: number;
  /** Largest width or height in pixels. Default 30,000. */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 50_000_000, maxPixels: 30_000 };

/** A place that names an image, for the messages. */
export interface ImageRef {
  src: string;
  file: string;
  /** The folder relative paths are read from (the article's). */
  baseDir: string;
  /** The folder no image may leave, and site-absolute paths start from: the publication's (or the article's). */
  rootDir?: string;
  /** What names the image, for messages: `image`, `cover image`. */
  field: string;
}

/**
 * Why an image could not be used. `escape` is a security refusal (a path out of the publication
 * folder) and always an error; the others are broken references, which cost one figure, not the book.
 */
export interface ImageProblem {
  kind: 'escape' | 'missing' | 'unreadable' | 'too-large';
  message: string;
  fix: string;
}

export type ImageResult = { image: LoadedImage } | { problem: ImageProblem };

/** A size for messages: "3.2 MB", or "0.004 MB" for limits set very low. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 1 ? mb.toFixed(1) : Number(mb.toPrecision(2))} MB`;
}
