import { fontPath } from '../../fonts/files.js';

/**
 * The bundled TrueType files of the PDF's text faces (Noto Serif 2.004 and Noto Sans Mono 2.006,
 * SIL OFL 1.1; see `assets/fonts/README.md`), by family and style. Script fallbacks live in the
 * font registry (src/fonts).
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

/** Absolute paths of the bundled font files. */
export const FONT_FILES: FontFiles = Object.freeze({
  serif: Object.freeze({
    regular: fontPath('serif-regular'),
    italic: fontPath('serif-italic'),
    bold: fontPath('serif-bold'),
    boldItalic: fontPath('serif-boldItalic'),
  }),
  mono: Object.freeze({
    regular: fontPath('mono-regular'),
    bold: fontPath('mono-bold'),
  }),
});
