import { fileURLToPath } from 'node:url';

/**
 * The TrueType files the PDF writer embeds (Noto Serif 2.004 and Noto Sans Mono 2.006, SIL OFL 1.1;
 * see `assets/fonts/README.md`).
 *
 * Why bundled files: PDF/UA and print shops need every font embedded with a ToUnicode map, and
 * pdfkit's standard-14 default (Helvetica) is neither embedded nor able to show anything beyond
 * WinAnsi. These files are static per-style TTFs covering Latin-1, Latin Extended-A/B, Greek,
 * Cyrillic and typographic punctuation, so the output never shows `.notdef` for that repertoire.
 *
 * Why `new URL(…, import.meta.url)`: the paths must not depend on the process's working directory.
 * This module compiles from `src/write/pdf/fonts.ts` to `dist/write/pdf/fonts.js`; both sit three
 * levels below the package root, so the same relative URL reaches `assets/fonts/` from either
 * (and from an installed copy of the package, whose `files` include `assets`).
 */
export interface FontFiles {
  /** Body text family. */
  readonly serif: {
    readonly regular: string;
    readonly italic: string;
    readonly bold: string;
    readonly boldItalic: string;
  };
  /** Code family (no italic cut exists). */
  readonly mono: {
    readonly regular: string;
    readonly bold?: string;
  };
}

const asset = (file: string): string =>
  fileURLToPath(new URL(`../../../assets/fonts/${file}`, import.meta.url));

/** Absolute paths of the bundled font files. */
export const FONT_FILES: FontFiles = Object.freeze({
  serif: Object.freeze({
    regular: asset('NotoSerif-Regular.ttf'),
    italic: asset('NotoSerif-Italic.ttf'),
    bold: asset('NotoSerif-Bold.ttf'),
    boldItalic: asset('NotoSerif-BoldItalic.ttf'),
  }),
  mono: Object.freeze({
    regular: asset('NotoSansMono-Regular.ttf'),
    bold: asset('NotoSansMono-Bold.ttf'),
  }),
});
