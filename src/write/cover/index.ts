/**
 * The cover of a build: one picture for the EPUB and the PDF, from the user's image or generated
 * from the metadata.
 */
import type { LoadedImage } from '../../images/image.js';
import type { MetadataRecord } from '../metadata/record.js';
import type { CoverArt } from './cover-art.js';
import { generatedCover } from './generated-cover.js';
import { imageCover } from './image-cover.js';

export type { CoverArt, CoverImage } from './cover-art.js';

export interface CoverArtArgs {
  metadata: MetadataRecord;
  /** The user’s cover image, already loaded (any format; the cover takes its bitmap); without it the cover is generated. */
  image?: LoadedImage;
  /** Text alternative of `image`. Generated covers describe themselves and ignore it. */
  alt?: string;
  /** Trim size of the print edition, in points. */
  trim: { widthPt: number; heightPt: number };
  /** Bleed on each side, in points (0 without bleed); generated art extends into it. */
  bleedPt: number;
}

/**
 * Makes the cover art once per build, before any writer runs, so both editions get the same picture.
 * A user image without alt text is described by its title rather than left silent; the model
 * requires alt with every cover image, so that only happens for covers made in code.
 */
export async function makeCoverArt(args: CoverArtArgs): Promise<CoverArt> {
  if (args.image) return imageCover(args.image, args.alt?.trim() || `Cover of ${args.metadata.title}`);
  // The SVG source stays behind: writers get pictures only.
  const { origin, alt, print, screen } = await generatedCover(args);
  return { origin, alt, print, screen };
}
