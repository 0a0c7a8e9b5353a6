/**
 * What a sanitised SVG may hold, kept as data (like the HTML allowlist in read/html/allowlist.ts):
 * static vector graphics and text. Scripting, event handlers, animation, embedded HTML
 * (`foreignObject`), links and references to anything outside the document are not listed, so they
 * never survive. Element and attribute names from SVG 1.1 (https://www.w3.org/TR/SVG11/) and
 * SVG 2 (https://www.w3.org/TR/SVG2/).
 */

/**
 * Presentation attributes (SVG 1.1 §6.4 and SVG 2 §6.6), allowed on every kept element and, as
 * properties, in `style` attributes and `<style>` rules. Their values pass {@link safeCssValue}.
 */
export const PRESENTATION_ATTRIBUTES: readonly string[] = [
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-rendering', 'direction', 'display', 'dominant-baseline', 'fill',
  'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity', 'font', 'font-family', 'font-size',
  'font-size-adjust', 'font-stretch', 'font-style', 'font-variant', 'font-weight', 'image-rendering',
  'isolation', 'letter-spacing', 'lighting-color', 'marker', 'marker-end', 'marker-mid', 'marker-start', 'mask', 'mix-blend-mode',
  'opacity', 'overflow', 'paint-order', 'shape-rendering', 'stop-color', 'stop-opacity', 'stroke', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width',
  'text-anchor', 'text-decoration', 'text-rendering', 'transform', 'transform-origin', 'unicode-bidi', 'vector-effect',
  'visibility', 'white-space', 'word-spacing', 'writing-mode',
];

/** Attributes every kept element may carry besides presentation attributes. */
export const CORE_ATTRIBUTES: readonly string[] = ['id', 'class', 'style', 'xml:space', 'xml:lang', 'lang'];

const XY = ['x', 'y', 'width', 'height'];
const TEXT_POSITION = ['x', 'y', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust'];
const GRADIENT = ['gradientUnits', 'gradientTransform', 'spreadMethod', 'href'];
const FILTER_PRIMITIVE = [...XY, 'result', 'in', 'in2'];

/** Elements kept, each with the attributes it may carry beyond the shared ones. */
export const SVG_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  svg: [...XY, 'viewBox', 'preserveAspectRatio', 'version'],
  g: [],
  defs: [],
  symbol: [...XY, 'viewBox', 'preserveAspectRatio', 'refX', 'refY'],
  use: [...XY, 'href'],
  title: [],
  desc: [],
  path: ['d', 'pathLength'],
  rect: [...XY, 'rx', 'ry', 'pathLength'],
  circle: ['cx', 'cy', 'r', 'pathLength'],
  ellipse: ['cx', 'cy', 'rx', 'ry', 'pathLength'],
  line: ['x1', 'y1', 'x2', 'y2', 'pathLength'],
  polyline: ['points', 'pathLength'],
  polygon: ['points', 'pathLength'],
  text: TEXT_POSITION,
  tspan: TEXT_POSITION,
  textPath: ['href', 'startOffset', 'method', 'spacing', 'side'],
  linearGradient: ['x1', 'y1', 'x2', 'y2', ...GRADIENT],
  radialGradient: ['cx', 'cy', 'r', 'fx', 'fy', 'fr', ...GRADIENT],
  stop: ['offset'],
  pattern: [...XY, 'patternUnits', 'patternContentUnits', 'patternTransform', 'viewBox', 'preserveAspectRatio', 'href'],
  clipPath: ['clipPathUnits'],
  mask: [...XY, 'maskUnits', 'maskContentUnits'],
  marker: ['viewBox', 'preserveAspectRatio', 'refX', 'refY', 'markerUnits', 'markerWidth', 'markerHeight', 'orient'],
  image: [...XY, 'preserveAspectRatio', 'href'],
  style: ['type', 'media'],
  filter: [...XY, 'filterUnits', 'primitiveUnits'],
  feBlend: [...FILTER_PRIMITIVE, 'mode'],
  feColorMatrix: [...FILTER_PRIMITIVE, 'type', 'values'],
  feComposite: [...FILTER_PRIMITIVE, 'operator', 'k1', 'k2', 'k3', 'k4'],
  feDropShadow: [...FILTER_PRIMITIVE, 'dx', 'dy', 'stdDeviation'],
  feFlood: FILTER_PRIMITIVE,
  feGaussianBlur: [...FILTER_PRIMITIVE, 'stdDeviation', 'edgeMode'],
  feMerge: FILTER_PRIMITIVE,
  feMergeNode: ['in'],
  feMorphology: [...FILTER_PRIMITIVE, 'operator', 'radius'],
  feOffset: [...FILTER_PRIMITIVE, 'dx', 'dy'],
};

/**
 * Elements replaced by their children: a link (`<a>`) keeps its drawing but loses its target, and
 * `<switch>` keeps its alternatives (the `foreignObject` among them is dropped on its own).
 */
export const UNWRAPPED_ELEMENTS: readonly string[] = ['a', 'switch'];

/** Elements whose text is drawn or read (everything else keeps element children only). */
export const TEXT_ELEMENTS: readonly string[] = ['text', 'tspan', 'textPath', 'title', 'desc', 'style'];

/** Attributes that reference another element: kept only as a local `#fragment` (or a data: image on `<image>`). */
export const REFERENCE_ATTRIBUTES: readonly string[] = ['href', 'xlink:href'];

/** Raster types an `<image>` may embed as a `data:` URI (EPUB core media types, sniffed from the bytes). */
export const EMBEDDED_IMAGE_FORMATS: readonly string[] = ['png', 'jpeg', 'gif', 'webp'];

/** Largest embedded `data:` image in an SVG, in bytes of decoded data. */
export const MAX_EMBEDDED_IMAGE_BYTES = 10_000_000;
