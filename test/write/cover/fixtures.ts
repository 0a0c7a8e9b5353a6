/**
 * Metadata records and trims for the cover tests: the rich fixture's record and variants of it.
 */
import type { MetadataRecord } from '../../../src/write/metadata/record.js';
import { writerInputFromJson } from '../../support/writer-input.js';

const MM = 72 / 25.4;

export const TRIMS = {
  A5: { widthPt: 148 * MM, heightPt: 210 * MM },
  '6x9': { widthPt: 6 * 72, heightPt: 9 * 72 },
};

/** 3 mm, the bleed the build adds. */
export const BLEED = 3 * MM;

export const LONG_TITLE =
  'The Extraordinarily Long and Winding History of Harbour Walls, Breakwaters, Moles, Jetties & Piers Along the Entire Atlantic Coast of Europe, with Notes on Lighthouses, Tide Mills, Fish Markets and the People Who Keep Them All Going Through Every Season of the Year';

/** The rich fixture's record, and the same with hostile or extreme text. */
export async function records(): Promise<Record<'rich' | 'markup' | 'long', MetadataRecord>> {
  const { metadata } = await writerInputFromJson();
  return {
    rich: metadata,
    markup: { ...metadata, title: `Fish & Chips <b>"Quoted"</b> O’Brien’s 'Pier' </svg>`, subtitle: 'A < B & C > D' },
    long: {
      ...metadata,
      title: LONG_TITLE,
      subtitle: 'With an introduction that goes on for rather a long time about tides, currents, the moon, and the people who measure all of them, every day, in every weather, for very little pay',
    },
  };
}
