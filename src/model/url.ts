/**
 * Link addresses as a book may write them: parsed the way browsers parse them (the WHATWG URL
 * Standard, https://url.spec.whatwg.org/), then escaped until they are also valid RFC 3986 URIs.
 *
 * Why both: real pages hold addresses browsers accept but XML validators do not
 * (`https://webchat.freenode.net/?channels=##rust`, spaces, `|`, `[`, a `%` not followed by two hex
 * digits). EPUBCheck 5 parses `href` with a WHATWG parser (RSC-020) and also checks it against the
 * XHTML schema's IRI datatype, RFC 3987 (RSC-005). The WHATWG serialisation is already ASCII (hosts
 * in punycode, other non-ASCII percent-encoded); escaping what RFC 3986 does not allow in each
 * component gives an address both accept and every reader opens the same way, since percent-encoding
 * a character WHATWG kept does not change where a browser goes.
 *
 * Shared by the readers (where links enter the model) and the writers (which may be given a model
 * that never went through a reader), so the two can never disagree. The repair is idempotent.
 */

/** Schemes a link may keep; everything else (javascript:, data:, file:, …) never becomes a link. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'];

const HEX = /^[0-9A-Fa-f]{2}$/;
/** RFC 3986 `unreserved` and `sub-delims`, and the delimiters each component may hold. */
const UNRESERVED_SUBDELIMS = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PATH = new RegExp(`[${UNRESERVED_SUBDELIMS}:@/]`);
const QUERY_OR_FRAGMENT = new RegExp(`[${UNRESERVED_SUBDELIMS}:@/?]`);
const USERINFO = new RegExp(`[${UNRESERVED_SUBDELIMS}:]`);
/** `host[:port]` after WHATWG parsing: an IP literal or a reg-name (RFC 3986 §3.2.2). */
const HOST = new RegExp(`^(?:\\[[0-9A-Fa-f:.]+\\]|(?:[${UNRESERVED_SUBDELIMS}]|%[0-9A-Fa-f]{2})+)(?::[0-9]*)?$`);

/**
 * `raw` as an absolute link address that is valid for EPUBCheck and PDF readers, or undefined when
 * it cannot be one: it does not parse even for a browser, or its scheme is not in {@link LINK_SCHEMES}.
 * A relative `raw` is resolved against `base` when one is given.
 *
 * @example repairUrl('https://webchat.freenode.net/?channels=##rust') === 'https://webchat.freenode.net/?channels=#%23rust'
 */
export function repairUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  if (!LINK_SCHEMES.includes(url.protocol)) return undefined;
  let out = url.protocol;
  if (url.host !== '') {
    if (!HOST.test(url.host)) return undefined;
    const userinfo = url.username + (url.password !== '' ? `:${url.password}` : '');
    out += `//${userinfo !== '' ? `${escape(userinfo, USERINFO)}@` : ''}${url.host}`;
  } else if (url.protocol === 'http:' || url.protocol === 'https:') {
    return undefined;
  }
  out += escape(url.pathname, PATH);
  if (url.search !== '') out += `?${escape(url.search.slice(1), QUERY_OR_FRAGMENT)}`;
  if (url.hash !== '') out += `#${escape(url.hash.slice(1), QUERY_OR_FRAGMENT)}`;
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') {
    // An address with nothing after the scheme opens nothing.
    if (out.length <= url.protocol.length) return undefined;
  }
  return out;
}

/** Percent-encodes every character `allowed` does not match, and every `%` that starts no escape. */
function escape(text: string, allowed: RegExp): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%') out += HEX.test(text.slice(i + 1, i + 3)) ? '%' : '%25';
    else if (allowed.test(c)) out += c;
    else {
      // WHATWG output is ASCII, but a lone surrogate would make encodeURIComponent throw.
      const code = text.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      if (code > 0xffff) i++;
      out += /[\uD800-\uDFFF]/.test(char) ? '%EF%BF%BD' : encodeURIComponent(char);
    }
  }
  return out;
}

/**
 * An in-document fragment (`#results`) as the id it names: percent-escapes decoded (`#caf%C3%A9`
 * names the id `café`), or undefined when `href` is not a fragment or names nothing.
 */
export function fragmentId(href: string): string | undefined {
  if (!href.startsWith('#') || href.length < 2) return undefined;
  const raw = href.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
