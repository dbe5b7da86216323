/**
 * Conversion workers for the batch: long-lived threads, one pdf.js each, started only when a
 * document needs converting, and replaced when one is stopped (time limit, memory, crash).
 */
import { Worker } from 'node:worker_threads';
import { DEBUG, firstLine } from './exit.js';
import type { ConvertTask, PageStarted, TaskResult } from './protocol.js';

/**
 * Heap ceiling per worker. A real UN document needs a small fraction of it; the ceiling exists so
 * a PDF that makes pdf.js explode in memory kills its worker (reported as a failure) instead of
 * the machine. Workers are threads of one process, so this bounds each thread's JavaScript heap.
 */
const WORKER_HEAP_LIMIT_MB = 1536;

/** What became of one task: the worker's result, or why the worker was stopped. */
export type TaskOutcome = TaskResult | { id: number; ok: false; reason: string; ms: number; aborted?: boolean };

/** One conversion thread; it restarts itself lazily after being stopped. */
export class ConversionWorker {
  private worker: Worker | null = null;
  /** Rejects the task in flight when the batch is aborted (second Ctrl-C). */
  private abortCurrent: (() => void) | null = null;

  constructor(private readonly timeoutMs: number) {}

  /** Converts one document; never rejects: every failure is an outcome with a reason. `onPage` hears each page start. */
  convert(task: ConvertTask, onPage?: (page: number, pages: number) => void): Promise<TaskOutcome> {
    const worker = this.ensureWorker();
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    return new Promise<TaskOutcome>((resolve) => {
      const finish = (outcome: TaskOutcome, stopWorker: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.abortCurrent = null;
        if (stopWorker) this.stop(worker);
        resolve(outcome);
      };
      const onMessage = (message: TaskResult | PageStarted): void => {
        if (message.id !== task.id) return;
        if ('progress' in message) onPage?.(message.page, message.pages);
        else finish(message, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        const reason =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `out of memory: conversion needed more than ${WORKER_HEAP_LIMIT_MB} MiB of heap`
            : `worker crashed: ${firstLine(error)}`;
        finish({ id: task.id, ok: false, reason, ms: elapsed() }, true);
      };
      const onExit = (code: number): void => {
        finish({ id: task.id, ok: false, reason: `worker exited unexpectedly (code ${code})`, ms: elapsed() }, true);
      };
      const timer = setTimeout(() => {
        const reason = `timeout: stopped after ${this.timeoutMs / 1000} s (--timeout)`;
        finish({ id: task.id, ok: false, reason, ms: elapsed() }, true);
      }, this.timeoutMs);
      this.abortCurrent = () => {
        finish({ id: task.id, ok: false, reason: 'interrupted', ms: elapsed(), aborted: true }, true);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }

  /** Stops the document in flight, if any; its outcome is marked `aborted`. */
  abort(): void {
    this.abortCurrent?.();
  }

  /** Ends the thread; safe to call when none is running. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The worker must be JavaScript at run time: dist/pipeline/cli/worker.js beside this module.
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    // pdf.js prints warnings about damaged-but-readable PDFs; the batch reports its own one-line
    // outcome per document instead, and a live progress line must not be broken by stray output.
    worker.stdout.resume();
    // UNDOC_DEBUG=1 lets it through (pdf.js warnings, stacks of pipeline bugs).
    if (DEBUG) worker.stderr.pipe(process.stderr);
    else worker.stderr.resume();
    // During a task, convert() listens for errors and blames the document. An error outside a
    // task (a late one from a worker being stopped) has no document to blame, and an 'error'
    // event without a listener would bring down the whole batch.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    // An idle worker must not keep the process alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}
