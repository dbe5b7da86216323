/**
 * The versions that key the manifest, read without loading the pipeline: a rerun with nothing
 * to do must not pay for importing pdf.js or ajv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { CONVERTER_VERSION } from '../version.js';

export interface Versions {
  /** undoc's package version. */
  version: string;
  /** Converter version (package version + pipeline revision): changes whenever output bytes may. */
  converter: string;
  /** Version of the document JSON Schema. */
  schema: string;
}

/**
 * The schema version is the last part of the document schema's `$id` (`urn:undoc:schema:document:1.0.0`);
 * pipeline/validate.ts refuses to run when its SCHEMA_VERSION disagrees with that `$id`, so the two
 * cannot drift apart.
 */
function readSchemaVersion(): string {
  const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'undoc.schema.json'), 'utf8')) as { $id?: unknown };
  const match = typeof schema.$id === 'string' ? /^urn:undoc:schema:document:(.+)$/.exec(schema.$id) : null;
  if (!match) throw new Error(`undoc: schemas/undoc.schema.json has no $id of the form urn:undoc:schema:document:<version>`);
  return match[1]!;
}

/** Reads the versions once per process. */
export function readVersions(): Versions {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return { version: pkg.version, converter: CONVERTER_VERSION, schema: readSchemaVersion() };
}
