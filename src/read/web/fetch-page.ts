/**
 * Downloads one web page for a URL input, only when the user asked for network use
 * (`--fetch-remote`): http and https only, a timeout over the whole download, a size cap, a limit on
 * redirects (each hop checked again), the served type checked, and the text decoded with the charset
 * the server or the page declares, as browsers do.
 * https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding
 */
import { readCapped } from '../../net/read-capped.js';
import { megabytes } from '../../images/image.js';

export interface PageFetchLimits {
  /** Milliseconds for the whole download, redirects included. Default 30,000 (`--fetch-timeout`). */
  timeoutMs: number;
  /** Largest page in bytes. Default 20 MB, as for article files (`--max-article-mb`). */
  maxBytes: number;
  /** Most redirects followed. Default 5. */
  maxRedirects: number;
}

export const DEFAULT_PAGE_LIMITS: PageFetchLimits = { timeoutMs: 30_000, maxBytes: 20_000_000, maxRedirects: 5 };

/** A fetched page: its final address (after redirects) and its decoded text. */
export interface FetchedPage {
  url: string;
  html: string;
  /** The encoding the text was decoded from (WHATWG name, e.g. `windows-1252`). */
  encoding: string;
}

/** Why a page could not be fetched; `status` is the HTTP status when the server answered. */
export interface PageFailure {
  message: string;
  fix: string;
  status?: number;
}

/** Types a web page is served as. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Downloads `address`; never throws for network or server problems (they are the user's to fix). */
export async function fetchPage(address: string, limits: PageFetchLimits = DEFAULT_PAGE_LIMITS): Promise<FetchedPage | PageFailure> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = address;
  let response: Response | undefined;
  try {
    for (let hop = 0; ; hop++) {
      const protocol = parseUrl(url)?.protocol;
      if (protocol !== 'http:' && protocol !== 'https:') {
        return { message: hop === 0 ? 'is not an http or https address' : `redirects to ${url}, which is not an http or https address`, fix: 'give a web page\'s http(s) address' };
      }
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' } });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) break;
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) return { message: `redirects more than ${limits.maxRedirects} times`, fix: 'give the page\'s final address', status: response.status };
      url = new URL(location, url).href;
    }
    if (!response.ok) {
      await response.body?.cancel();
      const text = response.statusText ? ` ${response.statusText}` : '';
      return { message: `could not be fetched: the server answered HTTP ${response.status}${text}`, fix: 'check the address (open it in a browser), or save the page and build the file', status: response.status };
    }
    const contentType = response.headers.get('content-type') ?? '';
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (type !== '' && !PAGE_TYPES.has(type)) {
      await response.body?.cancel();
      return { message: `is served as "${type}", not as a web page`, fix: 'give the address of an HTML page', status: response.status };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      return { message: `is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit`, fix: 'raise the limit with --max-article-mb', status: response.status };
    }
    const bytes = await readCapped(response, limits.maxBytes);
    if (bytes === undefined) return { message: `is over the ${megabytes(limits.maxBytes)} limit`, fix: 'raise the limit with --max-article-mb', status: response.status };
    const encoding = pageEncoding(bytes, contentType);
    return { url, html: await decode(bytes, encoding), encoding };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || (error.name === 'AbortError' && signal.aborted));
    const reason = timedOut ? `no complete answer within ${limits.timeoutMs / 1000} s` : networkReason(error);
    return { message: `could not be fetched (${reason})`, fix: timedOut ? 'try again later, or raise --fetch-timeout' : 'check the address and the network' };
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The cause undici wraps in "fetch failed" (ECONNREFUSED, ENOTFOUND …), which is what the user needs. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

/**
 * The encoding of a page, in the order browsers decide it: a byte-order mark; the charset of the
 * Content-Type header; a `<meta charset>` or `<meta http-equiv=content-type>` in the first 1024
 * bytes; else UTF-8. Labels are WHATWG labels (`latin1` and `iso-8859-1` mean windows-1252); an
 * unknown label is skipped.
 */
export function pageEncoding(bytes: Uint8Array, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const fromHeader = known(/charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1]);
  if (fromHeader) return fromHeader;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(meta)?.[1];
    const found = known(label);
    // A page cannot declare itself UTF-16 in its own bytes (the spec reads that as UTF-8).
    if (found) return found.startsWith('utf-16') ? 'utf-8' : found;
  }
  return 'utf-8';
}

/**
 * Decodes with iconv-lite where it knows the encoding: Node 20's TextDecoder decodes
 * `windows-1252` as Latin-1 (the curly quotes, € and œ at 0x80–0x9F come out as control
 * characters; nodejs/node#56542), and that is the most common legacy encoding of the web.
 * TextDecoder still maps the page's label to its WHATWG name (where `iso-8859-1` means windows-1252).
 */
async function decode(bytes: Uint8Array, encoding: string): Promise<string> {
  if (encoding === 'utf-8') return new TextDecoder(encoding).decode(bytes);
  // Loaded here, not at start-up: only a legacy-encoded page needs it.
  const { default: iconv } = await import('iconv-lite');
  return iconv.encodingExists(encoding) ? iconv.decode(Buffer.from(bytes), encoding) : new TextDecoder(encoding).decode(bytes);
}

function known(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}
