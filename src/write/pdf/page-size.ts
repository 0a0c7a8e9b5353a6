/**
 * Trim sizes: the page names broadsheet knows and `WIDTHxHEIGHT` with units, in points.
 * Shared by the PDF writer and the cover art (which must be made for the same trim).
 */

/** PostScript points per millimetre. */
export const MM = 72 / 25.4;

/** PostScript points per unit. */
const POINTS = { pt: 1, in: 72, mm: MM } as const;

/** Named trim sizes in points, portrait (ISO 216; US Letter; the 6×9 in trade paperback). */
const NAMED: Record<string, [number, number]> = {
  a4: [595.28, 841.89],
  a5: [419.53, 595.28],
  letter: [612, 792],
  '6x9': [432, 648],
};

/**
 * Parses `A4`, `A5`, `Letter`, `6x9` or `WIDTHxHEIGHT` with a unit on each side or one at the end
 * (`148mmx210mm`, `5.5x8.5in`). Throws on anything else: the model's schema has already refused it.
 */
export function parsePageSize(spec: string): [number, number] {
  const named = NAMED[spec.trim().toLowerCase()];
  if (named) return named;
  const m = /^(\d+(?:\.\d+)?)(mm|in|pt)?x(\d+(?:\.\d+)?)(mm|in|pt)$/i.exec(spec.trim());
  if (!m) throw new Error(`not a page size: ${spec} — use A4, A5, Letter, 6x9 or WIDTHxHEIGHT with a unit`);
  const unitB = (m[4] ?? 'pt').toLowerCase() as keyof typeof POINTS;
  const unitA = (m[2]?.toLowerCase() as keyof typeof POINTS | undefined) ?? unitB;
  return [Number(m[1]) * POINTS[unitA], Number(m[3]) * POINTS[unitB]];
}

/** The trim size in points, as `{ width, height }`. */
export function trimSize(spec: string): { width: number; height: number } {
  const [width, height] = parsePageSize(spec);
  return { width, height };
}
