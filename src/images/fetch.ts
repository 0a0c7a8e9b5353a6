/**
 * Downloads a remote image, only when the user asked for it (`--fetch-remote`): with a timeout, a
 * size cap and a content-type check, so a slow, huge or mislabelled resource fails clearly.
 */
import { readCapped } from '../net/read-capped.js';
import { megabytes, type ImageLimits, type ImageResult, type ImageStore } from './image.js';
import { acceptImage } from './load.js';

export interface FetchOptions {
  /** Milliseconds before a download is abandoned. Default 15,000. */
  timeoutMs: number;
}

/** Downloads `url` and loads it like a local file; a failed download is a broken reference. */
export async function fetchImage(url: string, store: ImageStore, limits: ImageLimits, options: FetchOptions = { timeoutMs: 15_000 }): Promise<ImageResult> {
  const fail = (message: string, fix: string): ImageResult => ({ problem: { kind: 'missing', message, fix } });
  if (!/^https?:\/\//i.test(url)) return fail('is not an http(s) URL', 'use an http or https address');
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : (error instanceof Error ? error.message : String(error));
    return fail(`could not be downloaded (${reason})`, 'check the address and the network, or save the image next to the article');
  }
  if (!response.ok) return fail(`could not be downloaded (HTTP ${response.status})`, 'check the address');
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  // The format is sniffed from the bytes; the served type only has to say it is not a web page.
  if (type && !type.startsWith('image/') && type !== 'application/octet-stream') return fail(`is served as "${type}", not as an image`, 'link the image itself, not the page that shows it');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) return fail(`is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit`, 'use a smaller image or raise --max-image-mb');
  if (!response.body) return fail('sent no data', 'check the address');
  const data = await readCapped(response, limits.maxBytes);
  if (!data) return fail(`is over the ${megabytes(limits.maxBytes)} limit`, 'use a smaller image or raise --max-image-mb');
  return acceptImage(data, url, store, limits);
}
