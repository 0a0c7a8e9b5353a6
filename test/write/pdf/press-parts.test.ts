/**
 * The pure parts of the press edition: padding to the signature, what is left out of the pages,
 * the marks' geometry, the grey of a colour, the preflight's findings on laid-out pages and the
 * command-line options. (The files themselves: press.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseBuildArgs, UsageError } from '../../../src/cli/build.parser.js';
import type { LaidOutPage } from '../../../src/write/pdf/layout/page-items.js';
import { grayOf } from '../../../src/write/pdf/press/grayscale.js';
import { MARK_LENGTH, printerMarks } from '../../../src/write/pdf/press/marks.js';
import { pressItems } from '../../../src/write/pdf/press/pages.js';
import { preflight, reportPreflight } from '../../../src/write/pdf/press/preflight.js';
import { Diagnostics } from '../../../src/check/diagnostic.js';
import { blankPagesFor } from '../../../src/write/pdf/press/signature.js';
import { documentNode, structChild } from '../../../src/write/pdf/tag/struct-node.js';

const root = documentNode('en');
const para = structChild(root, 'P');
const link = { target: { uri: 'https://example.org/' }, node: structChild(para, 'Link'), contents: 'Link to example.org' };

function page(index: number, withLink = false): LaidOutPage {
  return {
    index,
    label: String(index + 1),
    items: [
      { kind: 'dest', name: `d${index}`, x: 0, y: 0 },
      { kind: 'text', x: 10, y: 20, text: 'word', style: { face: 'regular', size: 10 }, width: 20, owner: { node: para }, ...(withLink ? { link } : {}) },
    ],
  };
}

describe('padding to the signature', () => {
  it('adds the fewest blank pages that make a multiple', () => {
    expect([1, 4, 5, 7, 8].map((n) => blankPagesFor(n, 4))).toEqual([3, 0, 3, 1, 0]);
    expect([1, 16, 17, 31].map((n) => blankPagesFor(n, 16))).toEqual([15, 0, 15, 1]);
    expect(blankPagesFor(33, 32)).toBe(31);
  });
});

describe('the press pages', () => {
  it('keep the text of a link without its link area, and drop named destinations', () => {
    expect(pressItems(page(0, true).items)).toEqual([{ kind: 'text', x: 10, y: 20, text: 'word', style: { face: 'regular', size: 10 }, width: 20, owner: { node: para } }]);
  });

  it('keep every other item as it was', () => {
    const items = page(1).items.filter((i) => i.kind !== 'dest');
    expect(pressItems(items)).toEqual(items);
  });
});

describe('printer marks', () => {
  it('lie outside the bleed box, the crop marks on the trim lines', () => {
    const bleed = 8.5;
    const m = printerMarks(400, 600, bleed, 'crop');
    const box = { x1: m.slug, y1: m.slug, x2: m.slug + 400 + 2 * bleed, y2: m.slug + 600 + 2 * bleed };
    for (const l of m.lines) {
      const inside = Math.min(l.x1, l.x2) < box.x2 && Math.max(l.x1, l.x2) > box.x1 && Math.min(l.y1, l.y2) < box.y2 && Math.max(l.y1, l.y2) > box.y1;
      expect(inside, JSON.stringify(l)).toBe(false);
      // Within the grown MediaBox.
      for (const v of [l.x1, l.x2]) expect(v >= 0 && v <= box.x2 + m.slug).toBe(true);
      for (const v of [l.y1, l.y2]) expect(v >= 0 && v <= box.y2 + m.slug).toBe(true);
    }
    // The top-left corner's vertical crop mark continues the left trim line.
    const trimLeft = m.slug + bleed;
    expect(m.lines.some((l) => l.x1 === trimLeft && l.x2 === trimLeft && Math.abs(Math.abs(l.y2 - l.y1) - MARK_LENGTH) < 1e-9)).toBe(true);
    expect(m.circles).toHaveLength(4);
  });

  it('are none, with no slug, for services that refuse them', () => {
    expect(printerMarks(400, 600, 9, 'none')).toEqual({ slug: 0, lines: [], circles: [] });
  });
});

describe('grey', () => {
  it('keeps black, white and greys, and gives colours the grey of their luminance', () => {
    expect(grayOf(0, 0, 0)).toBe(0);
    expect(grayOf(1, 1, 1)).toBe(1);
    expect(grayOf(0x55 / 255, 0x55 / 255, 0x55 / 255)).toBeCloseTo(0x55 / 255, 3);
    // Pure green is much lighter than pure blue (Rec. 709: 0.7152 against 0.0722 of the light).
    expect(grayOf(0, 1, 0)).toBeGreaterThan(0.8);
    expect(grayOf(0, 0, 1)).toBeLessThan(0.35);
  });
});

describe('the press options on the command line', () => {
  const parse = (...args: string[]) => parseBuildArgs(['content', ...args], {}).options.press;

  it('default to crop marks, 3 mm bleed, signature 4, colour and the cover page', () => {
    expect(parse('--press')).toEqual({ bleed: 3 * (72 / 25.4), marks: 'crop', signature: 4, grayscale: false, coverPage: true, bindingBleed: true });
    expect(parse()).toBeUndefined();
    expect(parse('--press', '--marks', 'none', '--signature', '16', '--bleed-mm', '3.175', '--grayscale')).toMatchObject({ marks: 'none', signature: 16, grayscale: true, bleed: 9 });
  });

  it("with --pod, make the service's interior: its bleed, no marks, no cover page, no bleed at the binding", () => {
    expect(parse('--press', '--pod', 'kdp')).toEqual({ bleed: 9, marks: 'none', signature: 4, grayscale: false, coverPage: false, bindingBleed: false });
    expect(parse('--press', '--pod', 'ingramspark', '--marks', 'crop')).toMatchObject({ marks: 'crop', bleed: 9 });
  });

  it('refuse what is not a press option, saying what to use', () => {
    expect(() => parse('--grayscale')).toThrow(/--grayscale sets up the press edition — add --press/);
    expect(() => parse('--press', '--signature', '6')).toThrow(/--signature "6" is not a signature — use 4, 8, 16 or 32/);
    expect(() => parse('--press', '--marks', 'registration')).toThrow(/--marks "registration" is not a kind of marks — use crop or none/);
    expect(() => parse('--press', '--bleed-mm', '25')).toThrow(/--bleed-mm "25" is not a bleed — use a number of millimetres from 0 to 10/);
    expect(() => parse('--press', '--bleed-mm', '')).toThrow(UsageError);
  });
});

describe('the preflight on laid-out pages', () => {
  const pages: LaidOutPage[] = [
    { index: 0, label: 'i', items: [] },
    {
      index: 1,
      label: '1',
      items: [
        { kind: 'text', x: 10, y: 20, text: 'body', style: { face: 'regular', size: 9.5 }, width: 20, owner: { node: para } },
        { kind: 'text', x: 10, y: 30, text: 'tiny', style: { face: 'regular', size: 4.6 }, width: 10, owner: { node: para } },
        { kind: 'text', x: 20, y: 30, text: 'tinier', style: { face: 'regular', size: 4 }, width: 10, owner: { node: para } },
        { kind: 'rule', x1: 0, y1: 40, x2: 100, y2: 40, lineWidth: 0.1 },
        { kind: 'rule', x1: 0, y1: 50, x2: 100, y2: 50, lineWidth: 0.5 },
      ],
    },
  ];
  const report = preflight({
    pages,
    articleOf: (i) => (i >= 1 ? 0 : undefined),
    articles: [{ title: 'Small Print', file: 'small.md' }],
    lowResolution: [],
    fontsNotEmbedded: ['Helvetica'],
    signature: 4,
  });

  it('finds text under 6 pt and lines under 0.25 pt, per article, with the page and the smallest value', () => {
    expect(report.findings.find((f) => f.code === 'preflight.text.small')).toMatchObject({ article: 'Small Print', file: 'small.md', page: '1', severity: 'warning', message: expect.stringMatching(/^2 pieces of text \(first “tiny”\) are set at 4 pt, below the 6 pt/) });
    expect(report.findings.find((f) => f.code === 'preflight.line.hairline')).toMatchObject({ page: '1', message: expect.stringMatching(/^1 line is 0.1 pt thin/) });
    expect(report.findings.find((f) => f.code === 'preflight.font.not-embedded')?.message).toMatch(/Helvetica/);
  });

  it('notes the pages against the signature, and leaves the spine width to the cover', () => {
    expect(report).toMatchObject({ pages: 2, signature: 4, blankPages: 2 });
    expect(report.spineWidth).toBeUndefined();
    expect(report.findings.find((f) => f.code === 'preflight.pages.signature')).toMatchObject({ severity: 'note' });
  });

  it('reports warnings as warnings, as errors under --strict, and never the notes', () => {
    const loose = new Diagnostics();
    reportPreflight(report, loose, false);
    expect(loose.items.map((d) => [d.severity, d.code])).toEqual([['warning', 'preflight.text.small'], ['warning', 'preflight.line.hairline'], ['warning', 'preflight.font.not-embedded']]);
    const strict = new Diagnostics();
    reportPreflight(report, strict, true);
    expect(strict.errors).toHaveLength(3);
    expect(strict.errors[0]).toMatchObject({ file: 'small.md', message: expect.stringMatching(/^preflight: "Small Print", page 1: /), fix: expect.stringMatching(/\(or build without --strict\)$/) });
  });
});
