/**
 * Which image format bytes hold, from their signature, never from a file name or a served content
 * type: a `.png` that is really a JPEG, or an SVG saved as `.xml`, is read as what it is.
 * Signatures: https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern, ISO/IEC 14496-12
 * (the `ftyp` box of AVIF/HEIF), TIFF 6.0 §2, and the SVG root element.
 */

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heif' | 'tiff' | 'bmp' | 'svg';

const ascii = (data: Uint8Array, from: number, to: number): string => String.fromCharCode(...data.subarray(from, to));

/** The format of `data`, or undefined when it is none broadsheet reads. */
export function sniffImage(data: Uint8Array): ImageFormat | undefined {
  if (data.length < 4) return undefined;
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (ascii(data, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (ascii(data, 4, 8) === 'ftyp') {
    const brands = ascii(data, 8, Math.min(data.length, 8 + 64));
    if (/avif|avis/.test(brands)) return 'avif';
    if (/heic|heix|mif1|msf1/.test(brands)) return 'heif';
  }
  if (ascii(data, 0, 4) === 'II*\0' || ascii(data, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(data, 0, 2) === 'BM' && data.length >= 26) return 'bmp';
  if (looksLikeSvg(data)) return 'svg';
  return undefined;
}

/**
 * An XML document whose root element is `svg`: after an optional BOM, whitespace, an XML
 * declaration, comments, processing instructions and a DOCTYPE, the first element is `<svg`.
 */
function looksLikeSvg(data: Uint8Array): boolean {
  let head = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 4096)).replace(/^\uFEFF/, '');
  for (;;) {
    const before = head;
    head = head.replace(/^\s+/, '').replace(/^<\?[\s\S]*?\?>/, '').replace(/^<!--[\s\S]*?-->/, '');
    // A DOCTYPE may hold an internal subset in brackets; the sanitiser discards it either way.
    head = head.replace(/^<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/i, '');
    if (head === before) break;
  }
  return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/.test(head);
}
