/**
 * The thread in which the library's `convert(…, { timeout })` runs one conversion (see index.ts):
 * it converts the bytes it was started with, posts the document or the error back, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConversionError, convertPdf } from './convert.js';
import type { PageRanges } from './extract.js';

if (!parentPort) throw new Error('pipeline/api-worker.js runs as a worker thread of convert()');
const port = parentPort;
const { data, file, pages } = workerData as { data: Uint8Array; file: string; pages?: PageRanges };

try {
  const { document } = await convertPdf(data, file, pages ? { pages } : {});
  port.postMessage({ ok: true, document });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  port.postMessage({ ok: false, conversionError: error instanceof ConversionError, message });
}
