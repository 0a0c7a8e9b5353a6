/**
 * Payload names that every file system accepts, and manifest paths encoded as RFC 8493 §2.1.3 says.
 */
import { describe, expect, it } from 'vitest';
import { decodeManifestPath, encodeManifestPath, PayloadNames, safePath, safeSegment } from '../../../src/write/archive/payload-name.js';

describe('safe payload names', () => {
  it('replaces what Windows, macOS or FAT forbid and control characters', () => {
    expect(safeSegment('a:b\\c*d?e"f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeSegment('tab\there\u0001\u007f')).toBe('tab_here__');
    expect(safeSegment('line\nbreak\r')).toBe('line_break_');
  });

  it('normalises to NFC, so the same name has the same bytes everywhere', () => {
    const decomposed = 'cafe\u0301.md';
    expect(safeSegment(decomposed)).toBe('caf\u00e9.md');
  });

  it('never yields an empty, dot, trailing-dot or device name', () => {
    expect(safeSegment('')).toBe('_');
    expect(safeSegment('..')).toBe('_');
    expect(safeSegment('notes.')).toBe('notes_');
    expect(safeSegment('CON')).toBe('_CON');
    expect(safeSegment('nul.txt')).toBe('_nul.txt');
  });

  it('keeps folders, drops empty and parent segments', () => {
    expect(safePath('images/ph:oto.jpg')).toBe('images/ph_oto.jpg');
    expect(safePath('../outside/x.md')).toBe('_/outside/x.md');
  });

  it('gives names that collide once made safe (or differ only in case) distinct suffixes', () => {
    const names = new PayloadNames();
    expect(names.claim('source/a:b.md')).toBe('source/a_b.md');
    expect(names.claim('source/a_b.md')).toBe('source/a_b-2.md');
    expect(names.claim('source/A_B.md')).toBe('source/A_B-3.md');
    expect(names.claim('source/README')).toBe('source/README');
    expect(names.claim('source/readme')).toBe('source/readme-2');
  });
});

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it('percent-encodes %, CR and LF and decodes them back', () => {
    const name = 'data/100%\r\nsure.txt';
    const encoded = encodeManifestPath(name);
    expect(encoded).toBe('data/100%25%0D%0Asure.txt');
    expect(decodeManifestPath(encoded)).toBe(name);
    // An encoded-looking name survives the round trip too.
    expect(decodeManifestPath(encodeManifestPath('data/%0A.txt'))).toBe('data/%0A.txt');
  });
});
