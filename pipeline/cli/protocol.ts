/** The messages between the batch's main thread and its conversion workers (see pool.ts, worker.ts). */
import type { Format } from '../emit/index.js';
import type { PageRanges } from '../extract.js';

/** Main thread → worker: convert the PDF at `path` and render it in `formats`. */
export interface ConvertTask {
  id: number;
  /** Absolute path: the worker reads the file itself, so PDFs never pile up in the main thread. */
  path: string;
  /** Base name recorded as `source.file` in the document (no directories: output must not depend on them). */
  file: string;
  formats: Format[];
  /** `--pages`: only these pages are converted. */
  pages?: PageRanges;
}

/** Worker → main thread, while converting: page `page` of the `pages` to read has started. */
export interface PageStarted {
  id: number;
  progress: 'page';
  page: number;
  pages: number;
}

/** Worker → main thread: the rendered outputs, or why the document could not be converted. */
export type TaskResult =
  | {
      id: number;
      ok: true;
      sha256: string;
      pages: number;
      diagnostics: number;
      /** Rendered text per requested format. */
      outputs: Partial<Record<Format, string>>;
      /** Milliseconds per pipeline stage and per emitter (`emit.json`, …), for the benchmark. */
      timings: Record<string, number>;
      /** Milliseconds from reading the file to the last emitter. */
      ms: number;
    }
  | { id: number; ok: false; reason: string; ms: number };
