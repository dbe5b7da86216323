/**
 * The TypeScript types of the JSON contract (pipeline/model.ts, exported by the library) and the
 * JSON Schema (schemas/undoc.schema.json) cannot drift apart: the schema is translated here into
 * TypeScript types, and the compiler must find them identical to the declarations the package
 * ships (dist/pipeline/index.d.ts, built by `npm run build`, which `npm test` runs first), field
 * by field: names, optionality, literal values, nullability.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/shared.js';

/** The subset of JSON Schema the document schema uses. */
interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  allOf?: Array<{ if?: SchemaNode; then?: SchemaNode }>;
  $defs?: Record<string, SchemaNode>;
}

const PRIMITIVES: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', null: 'null' };

/** A schema node as a TypeScript type expression; definitions become named types `S_<name>`. */
export function schemaType(node: SchemaNode): string {
  if (node.$ref) return `S_${node.$ref.replace('#/$defs/', '')}`;
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  // `type` picks the definition that applies in full: the node is the union of those definitions.
  const branches = node.allOf?.map((branch) => branch.then?.$ref).filter((ref): ref is string => ref !== undefined) ?? [];
  if (branches.length > 0) return branches.map((ref) => schemaType({ $ref: ref })).join(' | ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  return (
    types
      .map((type) => (type === 'array' ? arrayType(node) : type === 'object' ? objectType(node) : (PRIMITIVES[type] ?? 'unknown')))
      .join(' | ') || 'unknown'
  );
}

/** An array of fixed length (a bounding box's four numbers) is a tuple; any other a plain array. */
function arrayType(node: SchemaNode): string {
  const item = schemaType(node.items ?? {});
  if (node.minItems !== undefined && node.minItems === node.maxItems)
    return `[${Array.from({ length: node.minItems }, () => item).join(', ')}]`;
  return `Array<${item}>`;
}

function objectType(node: SchemaNode): string {
  const required = new Set(node.required ?? []);
  const fields = Object.entries(node.properties ?? {}).map(
    ([name, child]) => `${JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${schemaType(child)};`,
  );
  if (node.additionalProperties !== false) fields.push('[key: string]: unknown;');
  return `{ ${fields.join(' ')} }`;
}

/** The schema as a TypeScript module: one type per definition, and `S_Document` for the whole. */
export function schemaModule(schema: SchemaNode): string {
  const definitions = Object.entries(schema.$defs ?? {}).map(([name, node]) => `export type S_${name} = ${schemaType(node)};`);
  return [...definitions, `export type S_Document = ${schemaType(schema)};`].join('\n');
}

/** Diagnostics of compiling `files` (name → text) in a temporary directory with the project's strictness. */
async function compile(files: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'undoc-schema-types-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const program = ts.createProgram(
      Object.keys(files).map((name) => join(dir, name)),
      {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
        types: ['node'],
      },
    );
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : null;
      const line = where ? diagnostic.file!.text.split('\n')[where.line]!.trim() : '';
      return `${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The check: each exported contract type equals its schema definition (not merely assignable). */
const CHECKS = `
import type * as M from ${JSON.stringify(join(REPO_ROOT, 'dist/pipeline/index.js'))};
import type * as S from './schema-types.js';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(verdict: Equal<A, B>): void { void verdict; }
same<M.UnDocument, S.S_Document>(true);
same<M.UnDocument['source'], S.S_Source>(true);
same<M.Metadata, S.S_Metadata>(true);
same<M.Block, S.S_Block>(true);
same<M.HeadingBlock, S.S_HeadingBlock>(true);
same<M.ParagraphBlock, S.S_ParagraphBlock>(true);
same<M.ItemBlock, S.S_ItemBlock>(true);
same<M.TableBlock, S.S_TableBlock>(true);
same<M.TableCell, S.S_TableCell>(true);
same<M.ContentsBlock, S.S_ContentsBlock>(true);
same<M.ContentsEntry, S.S_ContentsEntry>(true);
same<M.FootnoteRef, S.S_FootnoteRef>(true);
same<M.Annex, S.S_Annex>(true);
same<M.Footnote, S.S_Footnote>(true);
same<M.MastheadLine, S.S_MastheadLine>(true);
same<M.Furniture, S.S_Furniture>(true);
same<M.Diagnostic, S.S_Diagnostic>(true);
`;

describe('contract types and JSON Schema', { timeout: 120_000 }, () => {
  it('UnDocument and every type it is made of equal what schemas/undoc.schema.json describes', async () => {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schemas/undoc.schema.json'), 'utf8')) as SchemaNode;
    const diagnostics = await compile({ 'schema-types.ts': schemaModule(schema), 'check.ts': CHECKS, 'package.json': '{"type":"module"}' });
    expect(diagnostics).toEqual([]);
  });

  it('the check itself fails when a field differs: an optional field made required', async () => {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schemas/undoc.schema.json'), 'utf8')) as SchemaNode;
    schema.$defs!.ParagraphBlock!.required!.push('items');
    const diagnostics = await compile({ 'schema-types.ts': schemaModule(schema), 'check.ts': CHECKS, 'package.json': '{"type":"module"}' });
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
