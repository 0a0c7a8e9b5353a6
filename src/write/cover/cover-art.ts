/**
 * The one cover of a build, shared by the EPUB and the PDF: either the user's image or art that
 * broadsheet generates from the metadata. Both renditions come from the same source picture.
 */
export interface CoverImage {
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

export interface CoverArt {
  /** Where the picture came from. */
  origin: 'image' | 'generated';
  /** Text alternative, used for the EPUB cover page and the PDF cover Figure. */
  alt: string;
  /** For print: at least 300 dpi at the trim size (or the original if that is all there is). */
  print: CoverImage;
  /** For reading systems: long side 1600–2560 px where the source allows. */
  screen: CoverImage;
}
