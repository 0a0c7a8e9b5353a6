/**
 * The text alternative of a generated cover: everything the cover shows, in reading order, as
 * sentences a screen reader speaks naturally (no "·", no all-capitals).
 */
import { coverWords } from './cover-words.js';
import type { CoverText } from './cover-text.js';

/** E.g. "Cover: Harbour & Hinterland. A small anthology. Ahmad Karimi. Edited by Jane Q. Doe. Coastal Notes, 2. Broadsheet Test Press, 2025." */
export function generatedAlt(text: CoverText): string {
  const words = coverWords(text.lang);
  const imprint = [text.publisher, text.year].filter(Boolean).join(', ');
  const series = text.series && (text.seriesPosition ? `${text.series}, ${text.seriesPosition}` : text.series);
  const parts = [text.title, text.subtitle, ...text.credits.map((c) => c.text), series, imprint].filter((p): p is string => !!p);
  return `${words.cover}: ${parts.map(sentence).join(' ')}`;
}

/** Ends `part` with a full stop unless it already ends with sentence punctuation. */
function sentence(part: string): string {
  return /[.!?…]["'”’»)]*$/u.test(part) ? part : `${part}.`;
}
