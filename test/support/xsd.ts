/**
 * Validates XML against the official XML Schemas in test/fixtures/schemas/ with libxml2's
 * `xmllint --schema` (Debian's libxml2-utils), offline: an XML catalog maps the schemas' own
 * network locations (the imports of xml.xsd, xlink.xsd, simpledc) to the local copies.
 *
 * One repair, made here and never in the committed copy: MODS 3.8 declares the `ID`/`IDREF`
 * attribute group on `accessCondition` a second time (its base type `extensionDefinition` already
 * has it), which libxml2 refuses to compile ("Duplicate attribute use 'ID'"). Dropping the repeated
 * reference changes no content model.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from './exec.js';
import { ROOT } from './cli.js';

export const SCHEMAS = path.join(ROOT, 'test/fixtures/schemas');

const REPEATED_ID_GROUP = /(following two attribute groups added in 3\.8-->\r?\n)\t\t\t\t<xs:attributeGroup ref="IDAttributeGroup"\/>\r?\n/;

let prepared: Promise<string> | undefined;

/** A folder with the schemas and the catalog, MODS repaired for libxml2 (made once per test file). */
function schemaFolder(): Promise<string> {
  prepared ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-xsd-'));
    for (const name of ['oai_dc.xsd', 'simpledc20021212.xsd', 'xml.xsd', 'xlink.xsd', 'catalog.xml']) await copyFile(path.join(SCHEMAS, name), path.join(dir, name));
    const mods = await readFile(path.join(SCHEMAS, 'mods-3-8.xsd'), 'utf8');
    if (!REPEATED_ID_GROUP.test(mods)) throw new Error('mods-3-8.xsd: the repeated IDAttributeGroup on accessCondition was not found; update test/support/xsd.ts');
    await writeFile(path.join(dir, 'mods-3-8.xsd'), mods.replace(REPEATED_ID_GROUP, '$1'));
    return dir;
  })();
  return prepared;
}

export type SchemaName = 'oai_dc' | 'mods';

const FILES: Record<SchemaName, string> = { oai_dc: 'oai_dc.xsd', mods: 'mods-3-8.xsd' };

/** xmllint's verdict on `xmlFile`: `ok` and its messages (empty when valid). */
export async function validateXsd(xmlFile: string, schema: SchemaName): Promise<{ ok: boolean; messages: string }> {
  const dir = await schemaFolder();
  const result = await run('xmllint', ['--nonet', '--noout', '--schema', path.join(dir, FILES[schema]), xmlFile], {
    env: { ...process.env, XML_CATALOG_FILES: path.join(dir, 'catalog.xml') },
    timeoutMs: 60_000,
  });
  const messages = result.stderr.split('\n').filter((l) => l.trim() !== '' && !/ validates$/.test(l)).join('\n');
  return { ok: result.code === 0, messages };
}
