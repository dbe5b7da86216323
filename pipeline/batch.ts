/**
 * The library's batch runner: converts a list of PDFs in child processes (pipeline/cli/pool.ts),
 * `jobs` at a time, and tells the caller what happens through events: a document started, one of
 * its pages started, it converted (with its outputs rendered) or failed (with a one-line reason).
 * `undoc convert` is a layer over it that adds the manifest, the output files and the display.
 *
 * Each lane waits for the caller's handling of an event before taking the next document, so a
 * caller that writes outputs in `onEvent` never holds more than `jobs` documents in memory.
 */
import { basename } from 'node:path';
import { ConversionWorker } from './cli/pool.js';
import type { TaskResult } from './cli/protocol.js';
import { DEFAULT_FORMATS, type Format } from './emit/index.js';
import type { PageRanges } from './extract.js';

/** One conversion finished: what `undoc convert` writes, rendered, and its measurements. */
export type BatchConversion = Omit<Extract<TaskResult, { ok: true }>, 'id' | 'ok'>;

/** What the runner reports, in the order it happens for each document; `index` is its place in the list. */
export type BatchEvent =
  | { type: 'started'; index: number; path: string }
  | { type: 'page'; index: number; path: string; page: number; pages: number }
  | ({ type: 'converted'; index: number; path: string } & BatchConversion)
  | { type: 'failed'; index: number; path: string; reason: string; ms: number }
  /** Stopped by `abort` (the signal) while in flight: neither converted nor failed. */
  | { type: 'aborted'; index: number; path: string };

export interface BatchOptions {
  /** Formats rendered for each document (default: DEFAULT_FORMATS, all four; in FORMATS order). */
  formats?: readonly Format[];
  /** Documents converted at once, one worker process each (default 1). */
  jobs?: number;
  /**
   * Milliseconds one document may take before its worker is stopped, plus `timeoutPerPage` for
   * each page it reads (default: 120 s plus 50 ms a page; a `timeout` given alone is fixed).
   */
  timeout?: number;
  timeoutPerPage?: number;
  /** Only these pages of each document (see `convert`). */
  pages?: PageRanges;
  /** Receives every event; the document's lane waits for a returned promise. */
  onEvent?: (event: BatchEvent) => void | Promise<void>;
  /** Checked before each document is taken: false dispatches no more (those in flight finish). */
  proceed?: () => boolean;
  /** Aborting stops the documents in flight too: they end with an `aborted` event. */
  signal?: AbortSignal;
}

/** Time one document may take by default: far above any real UN document, and more for a long one. */
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_TIMEOUT_PER_PAGE_MS = 50;

/** Converts `paths` and resolves when every lane is done. Rejects only if `onEvent` throws. */
export async function convertBatch(paths: readonly string[], options: BatchOptions = {}): Promise<void> {
  const formats = [...(options.formats ?? DEFAULT_FORMATS)];
  const workers = Array.from(
    { length: Math.min(Math.max(1, options.jobs ?? 1), paths.length) },
    () =>
      new ConversionWorker({
        baseMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
        perPageMs: options.timeoutPerPage ?? (options.timeout === undefined ? DEFAULT_TIMEOUT_PER_PAGE_MS : 0),
      }),
  );
  const abortAll = (): void => workers.forEach((worker) => worker.abort());
  options.signal?.addEventListener('abort', abortAll);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const emit = async (event: BatchEvent): Promise<void> => options.onEvent?.(event);
  const lane = async (worker: ConversionWorker): Promise<void> => {
    while (failure === null && !options.signal?.aborted && (options.proceed?.() ?? true) && next < paths.length) {
      const index = next++;
      const path = paths[index]!;
      try {
        await emit({ type: 'started', index, path });
        const task = { id: index + 1, path, file: basename(path), formats, ...(options.pages ? { pages: options.pages } : {}) };
        const outcome = await worker.convert(task, (page, pages) => void emit({ type: 'page', index, path, page, pages }));
        if (outcome.ok) {
          const { id: _id, ok: _ok, ...conversion } = outcome;
          await emit({ type: 'converted', index, path, ...conversion });
        } else if ('aborted' in outcome && outcome.aborted) await emit({ type: 'aborted', index, path });
        else await emit({ type: 'failed', index, path, reason: outcome.reason, ms: outcome.ms });
      } catch (error) {
        // A lane never rejects while others run unattended: it stops dispatch and the batch rethrows.
        failure ??= { error };
      }
    }
  };
  try {
    await Promise.all(workers.map(lane));
  } finally {
    options.signal?.removeEventListener('abort', abortAll);
    await Promise.all(workers.map((worker) => worker.close()));
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
}
