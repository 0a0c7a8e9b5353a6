/**
 * The print rendition of an SVG: vectors with text as outlines in the bundled fonts, or, when the
 * drawing holds raster images or filters that svg-to-pdfkit cannot draw, a PNG at 300 dpi over 8 in.
 */
import { describe, expect, it } from 'vitest';
import { svgPrintImage, SVG_RASTER_WIDTH } from '../../src/images/svg/print.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

describe('svgPrintImage', () => {
  it('keeps a chart as vectors, its labels turned into outlines', async () => {
    const print = await svgPrintImage(`<svg ${NS} viewBox="0 0 200 100"><style>.bar{fill:#369}</style><rect class="bar" width="80" height="40"/><text x="100" y="50" font-family="Noto Serif" font-size="14">Throughput</text></svg>`);
    expect(print.kind).toBe('vector');
    if (print.kind !== 'vector') return;
    expect(print.svg).not.toMatch(/<text|<style|class=/);
    expect(print.svg).toMatch(/fill="#336699"/);
    // The label is a filled path of glyph outlines (far more path data than the one rectangle).
    expect(print.svg.match(/<path\b/g)!.length).toBeGreaterThanOrEqual(2);
    expect(print.svg.length).toBeGreaterThan(2000);
  });

  it('sets labels in every script with the font registry\'s fallbacks, not as missing glyphs', async () => {
    const outline = async (label: string): Promise<number> => {
      const print = await svgPrintImage(`<svg ${NS} viewBox="0 0 300 60"><text x="10" y="40" font-size="20">${label}</text></svg>`);
      if (print.kind !== 'vector') throw new Error('expected vectors');
      return print.svg.length;
    };
    // Private-use characters are in no font: what a label whose glyphs are all missing comes to.
    const missing = await outline('\uE000\uE001\uE002\uE003');
    for (const label of ['المبيعات', 'מכירות', '销售额度', 'बिक्री', '매출액']) {
      expect(await outline(label), label).toBeGreaterThan(missing * 3);
    }
  });

  it('rasterises a drawing with a filter at 300 dpi across 8 inches', async () => {
    const print = await svgPrintImage(`<svg ${NS} viewBox="0 0 200 100"><filter id="b"><feGaussianBlur stdDeviation="3"/></filter><circle cx="100" cy="50" r="30" filter="url(#b)"/></svg>`);
    expect(print).toMatchObject({ kind: 'bitmap', mediaType: 'image/png', width: SVG_RASTER_WIDTH, height: SVG_RASTER_WIDTH / 2 });
  });
});
