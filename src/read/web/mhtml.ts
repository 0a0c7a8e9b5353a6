/**
 * A page saved as one `.mhtml` (`.mht`) archive (Chrome's and Edge's "Save as single file"): a MIME
 * multipart/related message holding the page and its images. It is turned into one HTML page with
 * its images inline as `data:` URIs, which the HTML reader takes as it takes any page.
 *
 * Parsed with mhtml-to-html (Gildas Lormeau, the author of SingleFile; MIT, maintained, built on
 * parse5 like the reader): it decodes quoted-printable and base64 parts and each part's charset, and
 * resolves `cid:` and Content-Location references. It never fetches: missing resources stay missing.
 */
import type { Diagnostics } from '../../check/diagnostic.js';

/** File names read as MHTML archives. */
export const MHTML = /\.mht(?:ml)?$/i;

/** The archive's page as one HTML text, or undefined (with an error) when it is not an MHTML archive. */
export async function mhtmlToHtml(file: string, bytes: Uint8Array, diagnostics: Diagnostics): Promise<string | undefined> {
  try {
    // Loaded here, not at start-up: most builds read no archive.
    const { convert } = await import('mhtml-to-html');
    const page = await convert(bytes, { enableScripts: false, fetchMissingResources: false });
    return page.data;
  } catch (error) {
    diagnostics.error({
      code: 'input.mhtml',
      file,
      message: `the file is not a readable MHTML archive (${error instanceof Error ? error.message : String(error)})`,
      fix: 'save the page again as "Web page, single file" (.mhtml), or as "Web page, complete" (.html with its folder)',
    });
    return undefined;
  }
}
