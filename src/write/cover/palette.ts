/**
 * Colours of the generated cover: warm paper, near-black ink and one deep red, the palette of a
 * printed broadsheet. Every colour that carries text is listed in `TEXT_COLOURS` and must reach
 * WCAG AA contrast (4.5:1) against `paper`; the unit tests compute it.
 */
export interface CoverPalette {
  /** Background, full bleed. */
  paper: string;
  /** Title and names. */
  ink: string;
  /** Subtitle: softer than the title, still AA. */
  inkSoft: string;
  /** Series line and rules. */
  accent: string;
}

export const PALETTE: CoverPalette = Object.freeze({
  paper: '#f4efe4',
  ink: '#1d1f24',
  inkSoft: '#3b3f47',
  accent: '#9b1c1f',
});

/** Colours used for text, each on `paper`. */
export const TEXT_COLOURS: readonly (keyof CoverPalette)[] = ['ink', 'inkSoft', 'accent'];
