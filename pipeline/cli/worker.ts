/**
 * Conversion worker: a long-lived child process of `undoc convert` with its own pdf.js that
 * converts one document at a time.
 *
 * It reads the PDF itself (the batch only passes the path), runs the pipeline, renders the
 * requested formats and sends the texts back; the batch writes them. Any failure becomes a
 * one-line reason, never an uncaught exception, so the worker survives bad documents. The batch
 * watches its memory and its time and kills it when either runs over.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ConversionError, convertPdf } from '../convert.js';
import { usePinnedPdfjs } from '../extract.js';
import { installOneShotInflate } from '../extract-inflate.js';
import { renderOutputs } from '../emit/index.js';
import { DEBUG, firstLine } from './exit.js';
import type { ConvertTask, TaskResult, WorkerMessage } from './protocol.js';

if (!process.send) throw new Error('pipeline/cli/worker.js runs as a child process of `undoc convert`');

/** How often at most a document's progress (the page it has reached) is sent, between its first and last pages. */
const PAGE_MESSAGE_INTERVAL_MS = 100;

function send(message: WorkerMessage): void {
  process.send!(message);
}

/**
 * pdf.js may reject a promise of a damaged document after the conversion has already failed on
 * another error; nothing awaits it any more. Unhandled, it would end this process in the middle of
 * the next document. The document it belongs to is already reported, so it is dropped here.
 */
process.on('unhandledRejection', (reason) => {
  if (DEBUG) console.error('undoc worker: late rejection ignored:', reason);
});
// The batch closing the channel means: no more documents.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the batch decides (finish the documents in flight, or
// stop them by killing this process), so the worker itself ignores the signals that stop a run.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);

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

/**
 * Reads a regular file. Opened without blocking, so that a FIFO or device put in place of the PDF
 * is refused instead of waiting for a writer that never comes.
 */
async function readRegularFile(path: string): Promise<Uint8Array | string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return describeReadFailure(error as NodeJS.ErrnoException);
  }
  try {
    if (!(await handle.stat()).isFile()) return 'cannot read: not a regular file (a FIFO, socket or device?)';
    return await handle.readFile();
  } catch (error) {
    return describeReadFailure(error as NodeJS.ErrnoException);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function convertTask(task: ConvertTask): Promise<TaskResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const data = await readRegularFile(task.path);
  if (typeof data === 'string') return { id: task.id, ok: false, reason: data, ms: elapsed() };
  try {
    // Pages read so far are sent as they start, so progress shows work from the first page: the
    // first and the last at once, the others at most every PAGE_MESSAGE_INTERVAL_MS (a message
    // per page cost more than all the stages that group lines into blocks).
    let pagesKept = 0;
    let lastSent = 0;
    const onPage = (page: number, pages: number): void => {
      pagesKept = pages;
      const now = performance.now();
      if (page > 1 && page < pages && now - lastSent < PAGE_MESSAGE_INTERVAL_MS) return;
      lastSent = now;
      send({ type: 'page', id: task.id, page, pages });
    };
    const { document, timings, drawnPages } = await convertPdf(data, task.file, task.pages ? { pages: task.pages, onPage } : { onPage });
    const allTimings: Record<string, number> = { ...timings } as Record<string, number>;
    const outputs = renderOutputs(document, task.formats, (format, run) => {
      const emitStarted = performance.now();
      run();
      allTimings[`emit.${format}`] = performance.now() - emitStarted;
    });
    return {
      id: task.id,
      ok: true,
      sha256: document.source.sha256,
      pages: pagesKept || document.source.pages,
      diagnostics: document.diagnostics.length,
      outputs,
      timings: allTimings,
      drawnPages,
      ms: elapsed(),
    };
  } catch (error) {
    if (error instanceof ConversionError) return { id: task.id, ok: false, reason: oneLine(error), ms: elapsed() };
    if (DEBUG) console.error(error);
    return { id: task.id, ok: false, reason: `internal error: ${oneLine(error)}`, ms: elapsed() };
  }
}

// This process is undoc's own: pdf.js's Flate streams are inflated in one zlib call (see extract-inflate.ts).
installOneShotInflate();
// pdf.js (its two modules are most of a cold start) is loaded while the batch plans and sends the
// first document; a failure to load is the first document's to report, as extract meets it again.
usePinnedPdfjs().catch(() => undefined);

process.on('message', (task: ConvertTask) => {
  void convertTask(task).then((result) => send({ type: 'result', id: task.id, result }));
});
