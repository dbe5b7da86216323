/**
 * The library API (`import … from 'undoc'`): convert, emit, validate, from the built entry the
 * package exports (dist/, built by `npm run build`, which `npm test` runs first): the worker
 * thread of `convert(…, { timeout })` is JavaScript and runs only from there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BatchEvent, UnDocument } from '../pipeline/index.js';
import { REPLICA_PDF, REPO_ROOT } from './e2e/shared.js';

const API_ENTRY = pathToFileURL(join(REPO_ROOT, 'dist/pipeline/index.js')).href;
const {
  ConversionError,
  convert,
  convertBatch,
  DOCUMENT_FORMATS,
  emit,
  SCHEMA_VERSION,
  tableToCsv,
  toCsv,
  toHtml,
  toJson,
  toMarkdown,
  validate,
} = (await import(API_ENTRY)) as typeof import('../pipeline/index.js');

/** A conversion takes about a second alone, several on a loaded machine; each test makes one or two. */
const CONVERSION_TEST_MS = 60_000;

describe('library API', { timeout: CONVERSION_TEST_MS }, () => {
  /** The replica converted once in the calling thread, the reference for the other ways in. */
  const replica = convert(REPLICA_PDF);

  it('A/61/187: a path and its bytes convert to the same document, named after the file or the option', async () => {
    const fromPath = await replica;
    expect(fromPath.schemaVersion).toBe(SCHEMA_VERSION);
    expect(fromPath.source.file).toBe('A_61_187-fr.pdf');
    expect(fromPath.metadata.symbol).toBe('A/61/187');
    const fromBytes = await convert(new Uint8Array(readFileSync(REPLICA_PDF)), { file: 'A_61_187-fr.pdf' });
    expect(toJson(fromBytes)).toBe(toJson(fromPath));
    expect((await convert(readFileSync(REPLICA_PDF))).source.file).toBe('document.pdf');
  });

  it('A/61/187: with a timeout, the worker thread returns the same document as the calling thread', async () => {
    const inThread = await replica;
    const inWorker = await convert(pathToFileURL(REPLICA_PDF), { timeout: 60_000 });
    expect(toJson(inWorker)).toBe(toJson(inThread));
  });

  it('A/61/187: a timeout too short to convert rejects with a ConversionError naming it', async () => {
    await expect(convert(REPLICA_PDF, { timeout: 1 })).rejects.toThrow(new ConversionError('timeout: stopped after 0.001 s'));
  });

  it('bytes that are no PDF reject with a ConversionError, in the calling thread and in the worker', async () => {
    const notPdf = new TextEncoder().encode('hello');
    await expect(convert(notPdf)).rejects.toBeInstanceOf(ConversionError);
    await expect(convert(notPdf, { timeout: 60_000 })).rejects.toThrow(/^not a PDF/);
  });

  it('A/61/187: emit renders each format as the named emitters do; validate accepts it and names a broken id', async () => {
    const document = await replica;
    const named = { json: toJson, md: toMarkdown, html: toHtml };
    for (const format of DOCUMENT_FORMATS) expect(emit(document, format)).toBe(named[format](document));
    // CSV is a file per table: toCsv gives each table's text, tableToCsv one table's.
    const tables = toCsv(document);
    expect(tables.length).toBeGreaterThan(0);
    const first = [...document.body, ...document.annexes.flatMap((annex) => annex.body)].find((block) => block.id === tables[0]!.id);
    expect(first?.type === 'table' && tableToCsv(first)).toBe(tables[0]!.csv);
    expect(validate(document)).toEqual([]);
    const broken = JSON.parse(toJson(document)) as UnDocument;
    broken.footnotes[0]!.id = broken.body[0]!.id;
    expect(validate(broken).join('\n')).toMatch(/duplicate id/);
  });

  it('A/61/187 and a non-PDF: convertBatch reports each document started, its pages, and its outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-api-batch-'));
    try {
      const notPdf = join(dir, 'notes.pdf');
      writeFileSync(notPdf, 'hello');
      const events: BatchEvent[] = [];
      await convertBatch([REPLICA_PDF, notPdf], { jobs: 2, formats: ['md'], onEvent: (event) => void events.push(event) });
      const of = (index: number): string[] => events.filter((event) => event.index === index).map((event) => event.type);
      expect(of(0)).toEqual(['started', ...Array<string>(20).fill('page'), 'converted']);
      expect(of(1)).toEqual(['started', 'failed']);
      const converted = events.find((event) => event.type === 'converted');
      expect(converted?.type === 'converted' && converted.outputs.md).toBe(toMarkdown(await replica));
      expect(events.find((event) => event.type === 'failed')).toMatchObject({ path: notPdf, reason: expect.stringMatching(/^not a PDF/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
