/**
 * Conversion worker: a long-lived thread with its own pdf.js that converts one document at a time.
 *
 * It reads the PDF itself (the main thread only passes the path), runs the pipeline, renders the
 * requested formats and posts the texts back; the main thread writes them. Any failure becomes a
 * one-line reason, never an uncaught exception, so the worker survives bad documents.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { ConversionError, convertPdf } from '../convert.js';
import { EMITTERS } from '../emit/index.js';
import { DEBUG, firstLine } from './exit.js';
import type { ConvertTask, PageStarted, TaskResult } from './protocol.js';

if (!parentPort) throw new Error('pipeline/cli/worker.js runs as a worker thread of `undoc convert`');
const port = parentPort;

/** The reason a document failed, in one line; an error without a message is named by its class. */
function oneLine(error: unknown): string {
  return firstLine(error).trim() || (error instanceof Error ? error.name : 'unknown error');
}

function describeReadFailure(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'cannot read: the file disappeared';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot read: permission denied';
  if (error.code === 'EISDIR') return 'cannot read: it is a directory';
  return `cannot read: ${oneLine(error)}`;
}

async function convertTask(task: ConvertTask): Promise<TaskResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let data: Uint8Array;
  try {
    data = await readFile(task.path);
  } catch (error) {
    return { id: task.id, ok: false, reason: describeReadFailure(error as NodeJS.ErrnoException), ms: elapsed() };
  }
  try {
    // Pages read so far are posted as they start, so progress shows work from the first page.
    let pagesKept = 0;
    const onPage = (page: number, pages: number): void => {
      pagesKept = pages;
      port.postMessage({ id: task.id, progress: 'page', page, pages } satisfies PageStarted);
    };
    const { document, timings } = await convertPdf(data, task.file, task.pages ? { pages: task.pages, onPage } : { onPage });
    const outputs: Partial<Record<string, string>> = {};
    const allTimings: Record<string, number> = { ...timings } as Record<string, number>;
    for (const format of task.formats) {
      const emitStarted = performance.now();
      outputs[format] = EMITTERS[format](document);
      allTimings[`emit.${format}`] = performance.now() - emitStarted;
    }
    return {
      id: task.id,
      ok: true,
      sha256: document.source.sha256,
      pages: pagesKept || document.source.pages,
      diagnostics: document.diagnostics.length,
      outputs,
      timings: allTimings,
      ms: elapsed(),
    };
  } catch (error) {
    if (error instanceof ConversionError) return { id: task.id, ok: false, reason: oneLine(error), ms: elapsed() };
    if (DEBUG) console.error(error);
    return { id: task.id, ok: false, reason: `internal error: ${oneLine(error)}`, ms: elapsed() };
  }
}

port.on('message', (task: ConvertTask) => {
  void convertTask(task).then((result) => port.postMessage(result));
});
