/**
 * Conversion workers for the batch: long-lived child processes, one pdf.js each, started only
 * when a document needs converting, and replaced when one is stopped (time limit, memory, crash).
 *
 * Processes rather than threads: a worker thread shares its process's native memory, so a PDF
 * whose streams inflate to gigabytes (a decompression bomb) grows the whole batch until the
 * machine or its memory cgroup kills everything. A child process is measured from here (its
 * resident memory, read from /proc) and killed alone when it goes over its bound; the document
 * is one failure line and the next one gets a fresh process, the way Apache Tika's forked parser
 * survives bad files.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { DEBUG } from './exit.js';
import type { ConvertTask, TaskResult, WorkerMessage } from './protocol.js';

/**
 * Resident memory allowed per conversion process. A real UN document needs a small fraction of it
 * (the largest of the corpus stays under 400 MiB); two of them plus the batch itself still fit a
 * 4 GiB machine or cgroup with room to spare.
 */
export const WORKER_MEMORY_LIMIT_MB = 1536;
/**
 * The JavaScript heap ceiling, a second guard that needs no polling (and the only one off Linux).
 * It stands above the resident limit, which on Linux acts first: a ceiling of 1280 MiB made V8
 * collect so much more often that conversions took 20% more CPU (17 corpus PDFs, --jobs 1: 26 s
 * user time against 21 s at 2048 MiB, the same as at 4096).
 */
const WORKER_HEAP_LIMIT_MB = 2048;
/** How often a busy worker's resident memory is read: a bomb inflates at about 1 GiB/s. */
const MEMORY_POLL_MS = 50;

/**
 * Conversion processes started before any document was handed out (see prestartWorkers), taken
 * by the first workers that need one.
 */
const spares: ChildProcess[] = [];

/**
 * Starts `count` conversion processes now, so that their start-up (Node, the pipeline's modules,
 * pdf.js) runs on the other cores while the batch plans; a cold single-document run otherwise
 * waits for it after planning. A spare never taken exits with the batch, whose channel it loses.
 */
export function prestartWorkers(count: number): void {
  while (spares.length < count) spares.push(forkWorker());
}

/** A conversion process, idle until it is sent a task. */
function forkWorker(): ChildProcess {
  // The worker must be JavaScript at run time: dist/pipeline/cli/worker.js beside this module.
  const child = fork(new URL('./worker.js', import.meta.url), [], {
    execArgv: [`--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`],
    // pdf.js prints warnings about damaged-but-readable PDFs; the batch reports its own one-line
    // outcome per document instead, and a live progress line must not be broken by stray output.
    stdio: ['ignore', 'ignore', DEBUG ? 'inherit' : 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  // A failed send or spawn shows up as the child's exit, which convert() blames on its document.
  child.on('error', () => undefined);
  child.on('exit', () => {
    const spare = spares.indexOf(child);
    if (spare >= 0) spares.splice(spare, 1);
  });
  // An idle worker must not keep the batch alive on its own; a task's timer does while it runs.
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  return child;
}

/** What became of one task: the worker's result, or why the worker was stopped. */
export type TaskOutcome = TaskResult | { id: number; ok: false; reason: string; ms: number; aborted?: boolean };

/** Resident memory of a process in MiB, from /proc (Linux); null where it cannot be read. */
async function residentMemoryMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const match = status === null ? null : /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : null;
}

/** How a document's time limit is set: fixed, or a base plus an allowance per page once the page count is known. */
export interface TimeLimit {
  baseMs: number;
  perPageMs: number;
}

/** One conversion process; it restarts itself lazily after being stopped. */
export class ConversionWorker {
  private child: ChildProcess | null = null;
  /** Rejects the task in flight when the batch is aborted (second Ctrl-C). */
  private abortCurrent: (() => void) | null = null;

  constructor(
    private readonly limit: TimeLimit,
    private readonly memoryLimitMb = WORKER_MEMORY_LIMIT_MB,
  ) {}

  /** Converts one document; never rejects: every failure is an outcome with a reason. `onPage` hears each page start. */
  convert(task: ConvertTask, onPage?: (page: number, pages: number) => void): Promise<TaskOutcome> {
    const child = this.ensureChild();
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    return new Promise<TaskOutcome>((resolve) => {
      let timer: NodeJS.Timeout;
      let allowedMs = this.limit.baseMs;
      let pagesReported = 0;
      const armTimer = (): void => {
        clearTimeout(timer);
        timer = setTimeout(
          () => {
            const reason = `timeout: stopped after ${allowedMs / 1000} s (--timeout)`;
            finish({ id: task.id, ok: false, reason, ms: elapsed() }, true);
          },
          Math.max(0, allowedMs - (performance.now() - started)),
        );
      };
      const finish = (outcome: TaskOutcome, stopChild: boolean): void => {
        clearTimeout(timer);
        clearInterval(memoryWatch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        this.abortCurrent = null;
        if (stopChild) this.stop(child);
        resolve(outcome);
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.id !== task.id) return;
        // A failed document may leave pdf.js work behind (a promise rejected later, a stream still
        // inflating): the next document gets a fresh process rather than inherit it.
        if (message.type === 'result') {
          finish(message.result, !message.result.ok);
          return;
        }
        if (message.page === 1 && this.limit.perPageMs > 0) {
          // The page count is known once pdf.js has opened the document: a long one gets more time.
          allowedMs = this.limit.baseMs + this.limit.perPageMs * message.pages;
          armTimer();
        }
        // A message stands for every page up to its rank: each still gets its own event.
        for (let page = pagesReported + 1; page <= message.page; page++) onPage?.(page, message.pages);
        pagesReported = Math.max(pagesReported, message.page);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        finish({ id: task.id, ok: false, reason: `worker exited unexpectedly (${how})`, ms: elapsed() }, true);
      };
      const memoryWatch = setInterval(() => {
        void residentMemoryMb(child.pid ?? -1).then((mb) => {
          if (mb === null || mb <= this.memoryLimitMb || this.child !== child) return;
          const reason = `out of memory: conversion needed more than ${this.memoryLimitMb} MiB (decompression bomb?)`;
          finish({ id: task.id, ok: false, reason, ms: elapsed() }, true);
        });
      }, MEMORY_POLL_MS);
      this.abortCurrent = () => {
        finish({ id: task.id, ok: false, reason: 'interrupted', ms: elapsed(), aborted: true }, true);
      };
      armTimer();
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(task);
    });
  }

  /** Stops the document in flight, if any; its outcome is marked `aborted`. */
  abort(): void {
    this.abortCurrent?.();
  }

  /** Ends the process; safe to call when none is running. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.disconnect();
    // An idle worker leaves as soon as its channel closes; one stuck in a read is killed.
    const kill = setTimeout(() => child.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(kill);
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const child = spares.shift() ?? forkWorker();
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    this.child = child;
    return child;
  }

  private stop(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    // SIGKILL: a process stuck in native code or a blocking read (a FIFO) ignores anything gentler.
    child.kill('SIGKILL');
  }
}
