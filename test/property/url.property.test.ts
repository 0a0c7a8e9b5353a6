/**
 * Issue 10, as a property: whatever string a link's address is, the address the book writes is
 * either nothing (the link becomes text) or one EPUBCheck accepts: a WHATWG URL (RSC-020) whose
 * serialisation is a valid RFC 3986 URI, and so a valid RFC 3987 IRI (the XHTML schema, RSC-005).
 * The RFC grammar below is written out here from the RFC, independently of src/model/url.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentId, LINK_SCHEMES, repairUrl } from '../../src/model/url.js';

const RUNS = Number(process.env.PROPERTY_URL_RUNS ?? 1000);

// RFC 3986 Appendix A, ASCII only (an IRI's ucschar never appears: the output must be ASCII).
const PCT = '%[0-9A-Fa-f]{2}';
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const IPV6ISH = '\\[[0-9A-Fa-f:.]+\\]';
const REG_NAME = `(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*`;
const AUTHORITY = `(?:${USERINFO}@)?(?:${IPV6ISH}|${REG_NAME})(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${PCHAR}*)*`;
const PATH_ABSOLUTE = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`;
const PATH_ROOTLESS = `${PCHAR}+(?:/${PCHAR}*)*`;
const HIER_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const RFC3986_URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER_PART}(?:\\?${QUERY})?(?:#${QUERY})?$`);

/** What EPUBCheck asks of an href, as far as this machine can check it without EPUBCheck. */
function acceptable(href: string): void {
  expect(href, 'RFC 3986 URI').toMatch(RFC3986_URI);
  expect(new URL(href).href, 'a WHATWG URL that serialises to itself').toBe(href);
  expect(LINK_SCHEMES).toContain(new URL(href).protocol);
}

/** Pieces real pages put in addresses, the awkward ones included. */
const piece = fc.constantFrom(
  '#', '##', '%', '%2', '%zz', '%41', '%%', ' ', '\t', '\n', '[', ']', '|', '^', '`', '{', '}', '\\', '"', '<', '>', "'", '?', '&', '=', '/', '//', '..', '.', '@', ':',
  'é', 'ß', 'ü', '中文', 'ع', '😀', '\u00A0', '\u200B', '\uD800', '\u0000', 'a', 'path', 'q=1', 'rust', 'x y',
);
const scheme = fc.constantFrom('http://', 'https://', 'HTTPS://', 'mailto:', 'tel:', 'javascript:', 'ftp://', 'data:', '', '//', 'http:/', 'https:///');
const host = fc.constantFrom('example.com', 'webchat.freenode.net', 'münchen.de', 'xn--mnchen-3ya.de', '[::1]', '[2001:db8::1]', '127.0.0.1', 'exa mple.com', 'user:pa ss@host.org', 'a_b.example', 'EXAMPLE.COM:8080', '', '%zz', 'ex%41mple.com', '例え.テスト');
const urlish = fc.tuple(scheme, host, fc.array(piece, { maxLength: 12 })).map(([s, h, rest]) => s + h + rest.join(''));

describe('link addresses (issue 10)', () => {
  it('repairs the addresses real pages hold', () => {
    expect(repairUrl('https://webchat.freenode.net/?channels=##rust')).toBe('https://webchat.freenode.net/?channels=#%23rust');
    expect(repairUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(repairUrl('https://münchen.de/straße')).toBe('https://xn--mnchen-3ya.de/stra%C3%9Fe');
    expect(repairUrl('https://example.com/a[1]|b?x=[2]')).toBe('https://example.com/a%5B1%5D%7Cb?x=%5B2%5D');
    expect(repairUrl('https://[2001:db8::1]/x')).toBe('https://[2001:db8::1]/x');
    expect(repairUrl('https://example.com/100%_sure%41')).toBe('https://example.com/100%25_sure%41');
    expect(repairUrl('mailto:John Doe <john@example.com>')).toBe('mailto:John%20Doe%20%3Cjohn@example.com%3E');
    expect(repairUrl('tel:+1 (555) 123-4567')).toBe('tel:+1%20(555)%20123-4567');
    expect(repairUrl('/docs/install', 'https://blog.example.com/posts/one/')).toBe('https://blog.example.com/docs/install');
    expect(repairUrl('../x.html', 'https://blog.example.com/posts/one/')).toBe('https://blog.example.com/posts/x.html');
  });

  it('refuses what no parser accepts and what is not a web, mail or phone address', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'ftp://example.com/', 'https://exa mple.com/', 'https://', 'http://%zz/', '/relative', 'mailto:', 'file:///etc/passwd']) {
      expect(repairUrl(bad), bad).toBeUndefined();
    }
  });

  it('reads the id a fragment names', () => {
    expect(fragmentId('#results')).toBe('results');
    expect(fragmentId('#caf%C3%A9')).toBe('café');
    expect(fragmentId('#100%')).toBe('100%');
    expect(fragmentId('#')).toBeUndefined();
    expect(fragmentId('results')).toBeUndefined();
  });

  it('never writes an address EPUBCheck rejects, whatever the string', () => {
    const anything = fc.oneof(urlish, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }).map((s) => `https://example.com/${s}`));
    fc.assert(
      fc.property(anything, (raw) => {
        const out = repairUrl(raw);
        if (out === undefined) return;
        acceptable(out);
        expect(repairUrl(out), 'the repair is idempotent').toBe(out);
      }),
      { numRuns: RUNS },
    );
  });

  it('resolves relative addresses against a source URL into acceptable ones', () => {
    const relative = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(relative, (raw) => {
        const out = repairUrl(raw, 'https://blog.example.com/posts/one/');
        if (out !== undefined) acceptable(out);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
