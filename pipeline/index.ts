/**
 * undoc's library API: what `import … from 'undoc'` gives. Everything exported here is covered by
 * semantic versioning; the modules behind it are not, and the package's `exports` map keeps them
 * out of reach.
 *
 *   convert(bytes | path, options?) → UnDocument      (validated against schemas/undoc.schema.json)
 *   toJson / toMarkdown / toHtml / emit(document, format) → the text `undoc convert` writes
 *   toCsv(document) → every table as CSV ({ id, csv }), tableToCsv(table) → one table's
 *   validate(document) → one message per problem, [] when the document keeps the contract
 *   convertBatch(paths, options?) → events per document (started, page, converted, failed), in
 *                                    child processes: what `undoc convert` runs on
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConversionError, CONVERTER_VERSION, convertPdf, SCHEMA_VERSION } from './convert.js';
import type { PageRanges } from './extract.js';
import {
  DEFAULT_FORMATS,
  DOCUMENT_FORMATS,
  EMITTERS,
  FORMATS,
  type DocumentFormat,
  type Format,
  type OutputFile,
  type RenderedOutputs,
} from './emit/index.js';
import type { UnDocument } from './model.js';
import { validateDocument } from './validate.js';

export { ConversionError, CONVERTER_VERSION, SCHEMA_VERSION, FORMATS, DEFAULT_FORMATS, DOCUMENT_FORMATS };
export type { DocumentFormat, Format, OutputFile, PageRanges, RenderedOutputs };
export { tableToCsv, toCsv, type TableCsv } from './emit/csv.js';
export { convertBatch } from './batch.js';
export type { BatchConversion, BatchEvent, BatchOptions } from './batch.js';
export { toHtml } from './emit/html.js';
export { toJson } from './emit/json.js';
export { toMarkdown } from './emit/markdown.js';
export type {
  Annex,
  Block,
  BoundingBox,
  ContentsBlock,
  ContentsEntry,
  Diagnostic,
  Footnote,
  FootnoteRef,
  Furniture,
  FurnitureKind,
  HeadingBlock,
  ItemBlock,
  MastheadLine,
  Metadata,
  ParagraphBlock,
  Provenance,
  TableBlock,
  TableCell,
  UnDocument,
} from './model.js';

export interface ConvertOptions {
  /**
   * Recorded as `source.file` in the document. Defaults to the base name of a path input, and to
   * `document.pdf` for bytes. It changes nothing else in the output.
   */
  file?: string;
  /**
   * Milliseconds after which the conversion is stopped and the promise rejects with a
   * ConversionError `timeout: …`. The conversion then runs in a worker thread, which is terminated
   * when time runs out (a conversion is mostly synchronous work that a timer in the same thread
   * could not interrupt). Without it, the conversion runs in the calling thread.
   */
  timeout?: number;
  /**
   * Only these pages are converted: 1-based inclusive ranges, `[[1, 3], [7, 7]]`, `Infinity` as a
   * range's end meaning the last page. Pages keep their numbers; the masthead is read only when
   * page 1 is kept. Rejects with ConversionError `no pages selected: …` when none is in the PDF.
   */
  pages?: PageRanges;
  /**
   * Which diagnostics the document keeps, by rule family (the rule id before its `/`: `masthead`,
   * `notes`, `structure`, …); `false` keeps none. Default: all.
   */
  diagnostics?: boolean | readonly string[];
}

/** `source.file` for bytes given without a name: the schema requires a non-empty name. */
const DEFAULT_FILE_NAME = 'document.pdf';

/**
 * Converts one UN document PDF, given as its bytes or as a file path, into the document object of
 * the JSON contract. Rejects with ConversionError (a one-line reason: `not a PDF: …`,
 * `encrypted: …`, `no text layer: …`, `timeout: …`) when the PDF cannot be converted.
 */
export async function convert(input: Uint8Array | string | URL, options: ConvertOptions = {}): Promise<UnDocument> {
  const isPath = typeof input === 'string' || input instanceof URL;
  const data = isPath ? new Uint8Array(await readFile(input)) : input;
  const file = options.file ?? (isPath ? basename(input instanceof URL ? fileURLToPath(input) : input) : DEFAULT_FILE_NAME);
  const pages = options.pages ? { pages: options.pages } : {};
  const document =
    options.timeout === undefined
      ? (await convertPdf(data, file, pages)).document
      : await convertInWorker(data, file, options.timeout, pages);
  return keepDiagnostics(document, options.diagnostics ?? true);
}

function keepDiagnostics(document: UnDocument, kept: boolean | readonly string[]): UnDocument {
  if (kept === true) return document;
  const families = new Set(kept === false ? [] : kept);
  document.diagnostics = document.diagnostics.filter((diagnostic) => families.has(diagnostic.rule.split('/')[0]!));
  return document;
}

/** What api-worker.ts posts back: the document, or the error's class and message. */
type WorkerReply = { ok: true; document: UnDocument } | { ok: false; conversionError: boolean; message: string };

function convertInWorker(data: Uint8Array, file: string, timeoutMs: number, pages: { pages?: PageRanges }): Promise<UnDocument> {
  if (!(timeoutMs > 0)) return Promise.reject(new RangeError(`undoc: timeout must be a positive number of milliseconds, got ${timeoutMs}`));
  // The worker must be JavaScript at run time: dist/pipeline/api-worker.js beside this module.
  const worker = new Worker(new URL('./api-worker.js', import.meta.url), { workerData: { data, file, ...pages } });
  let timer: NodeJS.Timeout | undefined;
  return new Promise<UnDocument>((resolve, reject) => {
    timer = setTimeout(() => reject(new ConversionError(`timeout: stopped after ${timeoutMs / 1000} s`)), timeoutMs);
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.document);
      else reject(reply.conversionError ? new ConversionError(reply.message) : new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`undoc: conversion worker exited unexpectedly (code ${code})`)));
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

/**
 * Renders a document in one of the one-file output formats: the same text `undoc convert
 * --format` writes. CSV is a file per table: `toCsv`.
 */
export function emit(document: UnDocument, format: DocumentFormat): string {
  return EMITTERS[format](document);
}

/**
 * Checks a document against the contract (the JSON Schema, then footnote links, unique ids and
 * offsets); returns one short message per problem, `[]` when it is valid. `convert` only ever
 * returns valid documents; this is for documents read back from JSON or built by other code.
 */
export function validate(document: UnDocument): string[] {
  return validateDocument(document);
}
