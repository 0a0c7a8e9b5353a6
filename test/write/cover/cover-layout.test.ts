import { beforeAll, describe, expect, test } from 'vitest';
import { AA_TEXT_CONTRAST, contrastRatio } from '../../../src/write/cover/contrast.js';
import { coverLayout, type Box, type CoverLayout } from '../../../src/write/cover/cover-layout.js';
import { coverText } from '../../../src/write/cover/cover-text.js';
import { coverMeasure } from '../../../src/write/cover/font-metrics.js';
import type { MetadataRecord } from '../../../src/write/metadata/record.js';
import { BLEED, LONG_TITLE, TRIMS, records } from './fixtures.js';

const measure = coverMeasure();
let recs: Awaited<ReturnType<typeof records>>;
beforeAll(async () => {
  recs = await records();
});

const layout = (r: MetadataRecord, trim = TRIMS.A5): CoverLayout =>
  coverLayout(coverText(r), { width: trim.widthPt, height: trim.heightPt }, BLEED, measure);

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 && inner.y + inner.height <= outer.y + outer.height + 1e-6;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('cover layout', () => {
  for (const name of ['rich', 'markup', 'long'] as const) {
    for (const [trimName, trim] of Object.entries(TRIMS)) {
      test(`${name} at ${trimName}: every line and rule inside the safe area, none overlapping`, () => {
        const l = layout(recs[name], trim);
        expect(l.safe.x).toBeGreaterThanOrEqual(18);
        for (const line of l.lines) expect(inside(line.box, l.safe), `${line.role} "${line.text}"`).toBe(true);
        for (const rule of l.rules) expect(inside(rule.box, l.safe)).toBe(true);
        for (let i = 0; i < l.lines.length; i++) {
          for (let j = i + 1; j < l.lines.length; j++) {
            const [a, b] = [l.lines[i], l.lines[j]];
            // Line boxes (ascender to descender) of consecutive title lines touch by design, so compare
            // the cap-height-to-baseline band, where ink actually overlaps.
            const band = (x: typeof a): Box => ({ x: x.x, y: x.baseline - 0.7 * x.sizePt, width: x.width, height: 0.7 * x.sizePt });
            expect(overlaps(band(a), band(b)), `"${a.text}" / "${b.text}"`).toBe(false);
          }
        }
      });
    }
  }

  test('every piece of text reaches WCAG AA contrast on its background', () => {
    for (const r of Object.values(recs)) {
      const l = layout(r);
      for (const line of l.lines) {
        expect(contrastRatio(l.palette[line.fill], l.palette[l.background])).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      }
    }
  });

  test('shows the metadata: title, subtitle, credits by role, series, year, publisher', () => {
    const l = layout(recs.rich);
    const text = (role: string): string => l.lines.filter((x) => x.role === role).map((x) => x.text).join(' ');
    expect(text('title')).toBe('Harbour & Hinterland: “Notes” <from> the Coast');
    expect(text('subtitle')).toBe('A small anthology for testing every block');
    expect(l.lines.filter((x) => x.role === 'credit').map((x) => x.text)).toEqual([
      'Ahmad Karimi', 'Edited by Jane Q. Doe', 'Photographs by Zoë Ångström',
    ]);
    expect(text('series')).toBe('COASTAL NOTES · 2');
    expect(text('year')).toBe('2025');
    expect(text('imprint')).toBe('BROADSHEET TEST PRESS');
  });

  test('a long title shrinks and still shows every word', () => {
    const rich = layout(recs.rich);
    const long = layout(recs.long);
    const size = (l: CoverLayout): number => l.lines.find((x) => x.role === 'title')?.sizePt ?? 0;
    expect(size(long)).toBeLessThan(size(rich));
    expect(long.lines.filter((x) => x.role === 'title').map((x) => x.text).join(' ')).toBe(LONG_TITLE);
  });

  test('an impossible title is cut with an ellipsis, inside the safe area', () => {
    const l = layout({ ...recs.rich, title: LONG_TITLE.repeat(6) });
    const title = l.lines.filter((x) => x.role === 'title');
    expect(title.at(-1)?.text.endsWith('…')).toBe(true);
    expect(l.lines.some((x) => x.role === 'subtitle')).toBe(false);
    for (const line of l.lines) expect(inside(line.box, l.safe)).toBe(true);
  });

  test('a word wider than the cover is broken rather than overflowing', () => {
    const l = layout({ ...recs.rich, title: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch' });
    const title = l.lines.filter((x) => x.role === 'title');
    expect(title.map((x) => x.text).join('')).toBe('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch');
    for (const line of title) expect(line.width).toBeLessThanOrEqual(l.safe.width + 1e-6);
  });

  test('no series, no year, no publisher: the strip and foot stay empty rather than wrong', () => {
    const l = layout({ ...recs.rich, series: undefined, publisher: undefined, published: new Date(0) });
    expect(l.lines.map((x) => x.role)).not.toContain('series');
    expect(l.lines.map((x) => x.role)).not.toContain('year');
    expect(l.lines.map((x) => x.role)).not.toContain('imprint');
  });

  test('the added words follow the language', () => {
    const l = layout({ ...recs.rich, lang: 'de-DE' });
    expect(l.lines.map((x) => x.text)).toContain('Herausgegeben von Jane Q. Doe');
  });
});
