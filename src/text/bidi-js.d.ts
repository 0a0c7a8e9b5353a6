/**
 * The part of bidi-js 1.0 (UAX #9, the Unicode Bidirectional Algorithm) this project calls; the
 * package ships no type declarations.
 */
declare module 'bidi-js' {
  interface EmbeddingLevels {
    /** One level per UTF-16 code unit: even is left-to-right, odd right-to-left. */
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels;
    getMirroredCharacter(char: string): string | null;
  }
  export default function bidiFactory(): Bidi;
}
