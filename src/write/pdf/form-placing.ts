/**
 * Where a Form XObject of an SVG figure (svg-form.ts) goes on a page: the operators before its
 * `Do`. Pure, and apart from svg-form.ts (which draws with svg-to-pdfkit), so that pages drawn on
 * worker threads place forms without loading the drawing code.
 */

/**
 * What goes before the form's `Do` (inside q…Q), in pdfkit's page space (top-left origin, y down:
 * its pages start `1 0 0 -1 0 H cm`): the clip to the box, and the matrix that scales
 * the form to fit and centres it ('xMidYMid meet'). The form is y-up, so the matrix flips it back:
 * form point (u, v) lands at (left + s·u, top + s·(H − v)).
 */
export function formPlacing(form: { width: number; height: number }, x: number, y: number, width: number, height: number): string[] {
  const s = Math.min(width / form.width, height / form.height);
  const left = x + (width - form.width * s) / 2;
  const top = y + (height - form.height * s) / 2;
  return [`${n(x)} ${n(y)} ${n(width)} ${n(height)} re W n`, `${n(s)} 0 0 ${n(-s)} ${n(left)} ${n(top + form.height * s)} cm`];
}

/** A number for a content stream: six decimals, enough for a scale factor across a page. */
function n(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? '0' : String(r);
}
