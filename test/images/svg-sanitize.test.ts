/**
 * The SVG sanitiser against hostile documents (issue 10): whatever is not on the allowlist is not
 * rebuilt, so scripts, handlers, external references, embedded HTML and entity bombs are gone while
 * the drawing and its text stay.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeSvg, type SanitizedSvg } from '../../src/images/svg/sanitize.js';
import { svgSize } from '../../src/images/svg/measure.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAE0lEQVQImWM4w8BwhgGMzzAwAAAZjgMx8FJdJAAAAABJRU5ErkJggg==';
const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

function clean(source: string): string {
  const out = sanitizeSvg(source);
  if ('error' in out) throw new Error(out.error);
  return out.svg;
}

describe('sanitizeSvg', () => {
  it('drops scripts and event handlers, keeps the drawing and its text', () => {
    const svg = clean(`<svg ${NS} viewBox="0 0 100 50" onload="alert(1)"><script>alert(2)</script><script xlink:href="https://evil.example/x.js"/>
      <rect width="10" height="10" onclick="steal()" onmouseover="steal()" fill="#369"/><text x="5" y="40" onfocus="x()">Requests per second</text></svg>`);
    expect(svg).not.toMatch(/script|alert|steal|on\w+=/i);
    expect(svg).toContain('<rect width="10" height="10" fill="#369"/>');
    expect(svg).toContain('>Requests per second</text>');
  });

  it('drops foreignObject with its HTML, animation and unknown elements', () => {
    const svg = clean(`<svg ${NS}><foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/>HTMLTEXT</div></foreignObject>
      <circle r="5"><animate attributeName="r" to="50"/><set attributeName="fill" to="red"/></circle><sodipodi:namedview xmlns:sodipodi="x"/></svg>`);
    expect(svg).not.toMatch(/foreignObject|iframe|HTMLTEXT|animate|<set|namedview|evil/);
    expect(svg).toContain('<circle r="5"/>');
  });

  it('keeps only local references: no external href, xlink:href or url()', () => {
    const svg = clean(`<svg ${NS}><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
      <use xlink:href="https://evil.example/sprite.svg#icon"/><use href="#g"/><a xlink:href="javascript:alert(1)"><text>linked</text></a>
      <rect fill="url(https://evil.example/p.svg#x)" stroke="url(#g)" width="1" height="1"/>
      <image xlink:href="file:///etc/passwd" width="1" height="1"/><image href="https://evil.example/track.png" width="1" height="1"/>
      <image href="data:text/html;base64,PHNjcmlwdD4=" width="1" height="1"/><image href="data:image/png;base64,${PNG}" width="2" height="2"/></svg>`);
    expect(svg).not.toMatch(/evil|javascript|passwd|text\/html|<a\b/);
    expect(svg).toContain('<use xlink:href="#g"/>');
    expect(svg).toContain('<text>linked</text>');
    expect(svg).toContain('<rect stroke="url(#g)" width="1" height="1"/>');
    // The one embedded raster image is re-encoded from its sniffed bytes.
    expect(svg.match(/<image /g)).toHaveLength(1);
    expect(svg).toContain(`xlink:href="data:image/png;base64,${PNG}"`);
  });

  it('never expands entities: no billion laughs, no external entity', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const svg = clean(`<?xml version="1.0"?><!DOCTYPE svg [${lol}]><svg ${NS}><text>&lol9; caf&#233; &amp; co</text></svg>`);
    expect(svg.length).toBeLessThan(1000);
    expect(svg).not.toMatch(/lol|DOCTYPE|ENTITY/);
    expect(svg).toContain('<text> café &amp; co</text>');
    // An external entity is refused by the parser: the image is unreadable (a warning), never read.
    const xxe = sanitizeSvg(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg ${NS}><text>&xxe;</text></svg>`);
    expect(xxe).toHaveProperty('error');
    expect(JSON.stringify(xxe)).not.toMatch(/root:/);
  });

  it('rebuilds style sheets and style attributes from allowed declarations only', () => {
    const svg = clean(`<svg ${NS}><style>@import url(https://evil.example/a.css); @font-face { font-family: X; src: url(https://evil.example/f.woff) }
      .bar { fill: #369; stroke: url(#g); background: url(https://evil.example/b.png) } @media print { .x { fill: red } }
      .evil { fill: url(https://evil.example/p#x) } /* } .c { fill: red */ </style>
      <rect class="bar" style="fill: red; behavior: url(x.htc); stroke: url(&quot;https://evil.example&quot;); -moz-binding: url(x)" width="1" height="1"/></svg>`);
    expect(svg).not.toMatch(/evil|@import|@font-face|@media|behavior|binding|woff/);
    expect(svg).toContain('<style type="text/css">.bar{fill:#369;stroke:url(#g)}</style>');
    expect(svg).toContain('style="fill:red"');
  });

  it('refuses what is not a well-formed SVG document', () => {
    expect(sanitizeSvg('<svg><rect></svg>')).toHaveProperty('error');
    expect(sanitizeSvg('<html><body>x</body></html>')).toEqual({ error: 'has no <svg> root element' });
  });

  it('gives the result an explicit pixel size and a viewBox', () => {
    const out = sanitizeSvg(`<svg ${NS} width="10cm" height="5cm"><rect width="1" height="1"/></svg>`) as SanitizedSvg;
    expect([out.width, out.height]).toEqual([378, 189]);
    expect(out.svg).toMatch(/width="378" height="189" viewBox="0 0 378 189"/);
    expect(svgSize({ viewBox: '0 0 640 480', width: '100%' })).toEqual({ width: 640, height: 480 });
    expect(svgSize({ viewBox: '0 0 640 480', width: '320' })).toEqual({ width: 320, height: 240 });
    expect(svgSize({})).toEqual({ width: 300, height: 150 });
  });
});
