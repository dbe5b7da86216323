/**
 * The converter's version: part of every incremental-build key, so a new release reconverts all.
 * Bump PIPELINE_REVISION whenever a change can alter any output byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Increments with every change to the stages or emitters that can change output. */
export const PIPELINE_REVISION = 15;

export const CONVERTER_VERSION = `${pkg.version}+r${PIPELINE_REVISION}`;

/** Version of the JSON contract this build writes; equals the `$id` suffix of schemas/undoc.schema.json. */
export const SCHEMA_VERSION = '1.3.0';
