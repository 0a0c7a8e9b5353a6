/**
 * Validators for the OPDS catalogue, on the official schemas in test/fixtures/schemas/opds/:
 * `catalog.json` with ajv against the OPDS 2.0 JSON Schemas and the Readium Web Publication
 * Manifest schemas they reference; `catalog.xml` with `xmllint --relaxng` against OPDS 1.2's RELAX NG
 * grammar (which includes Atom's, RFC 4287).
 *
 * Adaptations made here, never in the committed copies (see the README there):
 * - a few schemas still name themselves with draft-04's `id`, and refer to `http://readium.org/…`
 *   where the rest say `https://`: every schema is registered under both spellings of its address;
 * - the Readium BCP 47 patterns name a capture group twice (`privateUse`), which JavaScript's
 *   RegExp refuses before ES2025: group names are dropped when ajv compiles a pattern (names do not
 *   change what a pattern matches).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { run } from './exec.js';
import { ROOT } from './cli.js';

const SCHEMAS = path.join(ROOT, 'test/fixtures/schemas/opds');
const HOMES: Record<string, string> = { opds: 'drafts.opds.io/schema/', readium: 'readium.org/webpub-manifest/schema/' };

async function jsonFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await jsonFiles(path.join(dir, e.name), rel)));
    else if (e.name.endsWith('.schema.json')) out.push(rel);
  }
  return out;
}

/** RegExp without capture-group names (ajv's `code.regExp` engine; `code` is for standalone output only). */
const unnamedGroups = Object.assign((pattern: string, flags: string): RegExp => new RegExp(pattern.replace(/\(\?<[A-Za-z][A-Za-z0-9]*>/g, '('), flags), { code: 'new RegExp' });

let feedValidator: Promise<ValidateFunction> | undefined;

/** The compiled OPDS 2.0 feed schema (made once per test file). */
export function opdsFeedValidator(): Promise<ValidateFunction> {
  feedValidator ??= (async () => {
    // ajv-formats is CommonJS with a default export; under NodeNext its namespace holds it.
    type AddFormats = (ajv: Ajv) => unknown;
    const loaded = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
    const addFormats: AddFormats = loaded.default ?? loaded;
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      code: { regExp: unnamedGroups },
    });
    addFormats(ajv);
    for (const [folder, home] of Object.entries(HOMES)) {
      for (const rel of await jsonFiles(path.join(SCHEMAS, folder))) {
        const schema = JSON.parse(await readFile(path.join(SCHEMAS, folder, rel), 'utf8')) as Record<string, unknown>;
        delete schema.id;
        for (const scheme of ['https', 'http']) ajv.addSchema({ ...schema, $id: `${scheme}://${home}${rel}` });
      }
    }
    const validate = ajv.getSchema('https://drafts.opds.io/schema/feed.schema.json');
    if (!validate) throw new Error('feed.schema.json did not compile');
    return validate;
  })();
  return feedValidator;
}

/** ajv's errors as lines, empty when `feed` is a valid OPDS 2.0 feed. */
export async function validateOpdsFeed(feed: unknown): Promise<string[]> {
  const validate = await opdsFeedValidator();
  return validate(feed) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} (${e.schemaPath})`);
}

/** xmllint's verdict on an OPDS 1.2 feed against opds.rng (which includes atom.rng). */
export async function validateOpdsAtom(xmlFile: string): Promise<{ ok: boolean; messages: string }> {
  const result = await run('xmllint', ['--nonet', '--noout', '--relaxng', path.join(SCHEMAS, 'atom/opds.rng'), xmlFile], { timeoutMs: 60_000 });
  const messages = result.stderr.split('\n').filter((l) => l.trim() !== '' && !/ validates$/.test(l)).join('\n');
  return { ok: result.code === 0, messages };
}
