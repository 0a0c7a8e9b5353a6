/**
 * Downloads a remote image, only when the user asked for it (`--fetch-remote`): with a timeout, a
 * size cap and a content-type check, so a slow, huge or mislabelled resource fails clearly.
 */
import type { Diagnostics } from '../check/diagnostic.js';
import { acceptImage, megabytes, type ImageLimits, type ImageRef, type ImageStore, type LoadedImage } from './images.js';

export interface FetchOptions {
  /** Milliseconds before a download is abandoned. Default 15,000. */
  timeoutMs: number;
}

export async function fetchImage(url: string, ref: ImageRef, store: ImageStore, diagnostics: Diagnostics, limits: ImageLimits, options: FetchOptions = { timeoutMs: 15_000 }): Promise<LoadedImage | undefined> {
  const fail = (message: string, fix: string): undefined => {
    diagnostics.error({ code: 'image.fetch', file: ref.file, message: `${ref.field} ${url}: ${message}`, fix });
    return undefined;
  };
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
  if (type !== 'image/jpeg' && type !== 'image/png') return fail(`is served as "${type || 'no content type'}", not as a JPEG or PNG image`, 'link a JPEG or PNG image');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) return fail(`is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit`, 'use a smaller image or raise --max-image-mb');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return fail('sent no data', 'check the address');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limits.maxBytes) {
      await reader.cancel();
      return fail(`is over the ${megabytes(limits.maxBytes)} limit`, 'use a smaller image or raise --max-image-mb');
    }
    chunks.push(value);
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return acceptImage(data, url, ref, store, diagnostics, limits);
}
