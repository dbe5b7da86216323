/**
 * Checks a converted document against the contract: the JSON Schema in schemas/undoc.schema.json,
 * then the cross-references a JSON Schema cannot express (footnote links, unique ids, offsets).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import type { Block, FootnoteRef, ItemBlock, UnDocument } from './model.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from './paths.js';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

const require = createRequire(import.meta.url);
const SCHEMA_FILE = join(SCHEMAS_DIR, 'undoc.schema.json');
const SCHEMA_ID = `urn:undoc:schema:document:${SCHEMA_VERSION}`;
/** The schema compiled to plain JavaScript by scripts/build-validators.mjs (`npm run build`). */
const PRECOMPILED_VALIDATOR = join(PACKAGE_ROOT, 'dist/schemas/undoc.validate.cjs');

let compiledSchema: ValidateFunction | undefined;

/** The schema's validator: the build's precompiled one, else compiled once here on first use. */
function schemaValidator(): ValidateFunction {
  compiledSchema ??= loadPrecompiledValidator() ?? compileValidator();
  return compiledSchema;
}

/** The precompiled validator, unless it is missing or older than the schema (edited since the build). */
function loadPrecompiledValidator(): ValidateFunction | undefined {
  if (!existsSync(PRECOMPILED_VALIDATOR) || statSync(PRECOMPILED_VALIDATOR).mtimeMs < statSync(SCHEMA_FILE).mtimeMs) return undefined;
  const loaded = require(PRECOMPILED_VALIDATOR) as ValidateFunction | { default: ValidateFunction };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

function compileValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as AnySchemaObject;
  // A schema edited without bumping SCHEMA_VERSION (or the reverse) would silently mislabel outputs.
  if (schema.$id !== SCHEMA_ID) {
    throw new Error(`undoc: ${SCHEMA_FILE} has $id ${JSON.stringify(schema.$id)}, expected "${SCHEMA_ID}"`);
  }
  // Loaded only here: a built install validates with the precompiled code and never loads ajv.
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020({ allErrors: false, strict: true }).compile(schema);
}

/** One line per ajv error, e.g. `/body/3/level: must be >= 1`. */
function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unexpected property "${String(params.additionalProperty)}"`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'const':
      return `${where}: must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}

/** Checks the links between nodes: footnote refs resolve, ids are unique, offsets fall inside the text. */
function checkCrossReferences(document: UnDocument): string[] {
  const problems: string[] = [];
  const footnoteIds = new Set(document.footnotes.map((footnote) => footnote.id));
  const firstUseOfId = new Map<string, string>();

  const claimId = (id: string, path: string): void => {
    const firstUse = firstUseOfId.get(id);
    if (firstUse === undefined) firstUseOfId.set(id, path);
    else problems.push(`${path}/id: duplicate id "${id}", already used at ${firstUse}`);
  };

  const checkRefs = (refs: FootnoteRef[], text: string, path: string): void => {
    refs.forEach((ref, index) => {
      const refPath = `${path}/footnoteRefs/${index}`;
      if (!footnoteIds.has(ref.id)) problems.push(`${refPath}/id: footnote "${ref.id}" does not exist`);
      if (ref.offset > text.length) {
        problems.push(`${refPath}/offset: ${ref.offset} is past the end of the text (length ${text.length})`);
      }
    });
  };

  const checkItems = (items: ItemBlock[] | undefined, path: string): void => {
    items?.forEach((item, index) => {
      const itemPath = `${path}/items/${index}`;
      checkRefs(item.footnoteRefs, item.text, itemPath);
      checkItems(item.items, itemPath);
    });
  };

  const checkBlocks = (blocks: Block[], path: string): void => {
    blocks.forEach((block, index) => {
      const blockPath = `${path}/${index}`;
      claimId(block.id, blockPath);
      if (block.type === 'table' || block.type === 'contents') return;
      checkRefs(block.footnoteRefs, block.text, blockPath);
      if (block.type === 'paragraph') checkItems(block.items, blockPath);
    });
  };

  checkBlocks(document.body, '/body');
  document.annexes.forEach((annex, index) => {
    claimId(annex.id, `/annexes/${index}`);
    checkBlocks(annex.body, `/annexes/${index}/body`);
  });
  document.footnotes.forEach((footnote, index) => claimId(footnote.id, `/footnotes/${index}`));
  return problems;
}

/**
 * Validates a document against the contract; returns one short message per problem, none when valid.
 * The cross-reference checks run only on a document whose shape the schema accepted.
 */
export function validateDocument(document: UnDocument): string[] {
  const validate = schemaValidator();
  if (!validate(document)) {
    // An `if` error only says that the `then` branch failed; the branch's own error precedes it.
    return (validate.errors ?? []).filter((error) => error.keyword !== 'if').map(describeSchemaError);
  }
  return checkCrossReferences(document);
}
