/** The messages between the batch and its conversion processes (see pool.ts, worker.ts). */
import type { Format, RenderedOutputs } from '../emit/index.js';
import type { PageRanges } from '../extract.js';

/** Batch → worker: convert the PDF at `path` and render it in `formats`. */
export interface ConvertTask {
  id: number;
  /** Absolute path: the worker reads the file itself, so PDFs never pile up in the batch process. */
  path: string;
  /** Base name recorded as `source.file` in the document (no directories: output must not depend on them). */
  file: string;
  formats: Format[];
  /** `--pages`: only these pages are converted. */
  pages?: PageRanges;
}

/** Worker → batch: the rendered outputs, or why the document could not be converted. */
export type TaskResult =
  | {
      id: number;
      ok: true;
      sha256: string;
      pages: number;
      diagnostics: number;
      /** Rendered text per requested format; CSV as its files, one per table. */
      outputs: RenderedOutputs;
      /** Milliseconds per pipeline stage and per emitter (`emit.json`, …), for the benchmark. */
      timings: Record<string, number>;
      /** Pages whose drawings pdf.js read besides their text. */
      drawnPages: number[];
      /** Milliseconds from reading the file to the last emitter. */
      ms: number;
    }
  | { id: number; ok: false; reason: string; ms: number };

/**
 * Everything a worker sends: the rank of the page it has started and the number of pages to read
 * (the progress line shows them; the first page's message also sets the time limit of a long
 * document), then the result. Page messages come for the first and the last page and at most a few
 * times a second between: each stands for every page up to its rank.
 */
export type WorkerMessage = { type: 'page'; id: number; page: number; pages: number } | { type: 'result'; id: number; result: TaskResult };
