/**
 * `data:` URIs (RFC 2397) as image sources: decoded here, then sniffed and checked like any file.
 * The size check comes before decoding, so a huge inline image is refused without allocating it.
 */

/** The decoded bytes, or why they cannot be had. */
export function decodeDataUri(uri: string, maxBytes: number): { data: Uint8Array } | { error: string } {
  const m = /^\s*data:([^,]*),(.*)$/is.exec(uri);
  if (!m) return { error: 'has no comma before its data' };
  const params = (m[1] ?? '').split(';').map((p) => p.trim().toLowerCase());
  const payload = m[2] ?? '';
  const base64 = params.includes('base64');
  const estimate = base64 ? Math.floor((payload.replace(/\s+/g, '').length * 3) / 4) : payload.length;
  if (estimate > maxBytes) return { error: `holds about ${Math.round(estimate / 1e6)} MB, over the limit` };
  if (base64) {
    const clean = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return { error: 'is not valid base64' };
    return { data: new Uint8Array(Buffer.from(clean, 'base64')) };
  }
  try {
    return { data: new TextEncoder().encode(decodeURIComponent(payload)) };
  } catch {
    return { error: 'is not valid percent-encoding' };
  }
}
