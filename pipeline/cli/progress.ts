/**
 * What the user sees while a batch runs. On a terminal: one live line (documents done, pages read
 * so far, pages per second, ETA, and every document in flight with the page it is on) redrawn in
 * place from the moment conversion starts, with failures printed above it. Elsewhere (pipes, CI
 * logs, CI=true): one plain line per document. `--quiet`: failures only.
 *
 * Per-document lines and the summary go to stdout; failures and the live line go to stderr.
 */
import { basename } from 'node:path';
import { escapeControls, formatBar, formatCount, formatDuration, formatNumber } from './format.js';

export type ProgressMode = 'live' | 'plain' | 'quiet';

/** Live mode needs a terminal on stderr and no CI (CI log viewers show every redraw as a line). */
export function chooseProgressMode(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (quiet) return 'quiet';
  const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
  return stream.isTTY && !ci ? 'live' : 'plain';
}

/** Time between redraws of the live line: smooth to the eye, negligible cost. */
const REDRAW_INTERVAL_MS = 100;
/** Characters of the live progress bar. */
const BAR_WIDTH = 20;

export interface ProgressTotals {
  converted: number;
  unchanged: number;
  failed: number;
  removed: number;
  /** Pages of the documents converted in this run. */
  pages: number;
}

/** Receives the batch's events and renders them for the chosen mode. */
export class Progress {
  private firstConversionAt: number | null = null;
  private documentsToConvert = 0;
  private bytesToConvert = 0;
  private documentsDone = 0;
  private bytesDone = 0;
  private pagesDone = 0;
  /** Pages started, finished documents' and in-flight ones' alike: work shown from the first page. */
  private pagesStarted = 0;
  /** Each document in flight → the page it is on and its page count (0 until its first page starts). */
  private readonly inFlight = new Map<string, { page: number; pages: number }>();
  private liveLineShown = false;
  private redrawTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly mode: ProgressMode,
    private readonly verbose: boolean,
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly err: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Conversion is about to start on `documents` PDFs totalling `bytes` (bytes drive the ETA). */
  beginConversions(documents: number, bytes: number): void {
    this.documentsToConvert = documents;
    this.bytesToConvert = bytes;
    if (this.mode === 'live' && documents > 0) {
      this.redrawTimer = setInterval(() => this.drawLiveLine(), REDRAW_INTERVAL_MS);
      this.redrawTimer.unref();
      this.drawLiveLine();
    }
  }

  documentStarted(display: string): void {
    this.firstConversionAt ??= performance.now();
    this.inFlight.set(display, { page: 0, pages: 0 });
  }

  /** Page `page` of the `pages` to read in `display` has started. */
  pageStarted(display: string, page: number, pages: number): void {
    const current = this.inFlight.get(display);
    if (!current) return;
    this.pagesStarted += Math.max(0, page - current.page);
    this.inFlight.set(display, { page, pages });
  }

  converted(display: string, bytes: number, pages: number, ms: number): void {
    this.finishDocument(display, bytes, pages);
    this.pagesDone += pages;
    if (this.mode === 'plain') this.print(`converted ${display} (${formatCount(pages, 'page')}, ${Math.round(ms)} ms)`);
  }

  /** One line naming the file and the reason: the whole story of a failed document. */
  failed(display: string, bytes: number, reason: string): void {
    this.finishDocument(display, bytes);
    this.printError(`failed ${display}: ${reason}`);
  }

  /** A document that never finished because the run was aborted. */
  abandoned(display: string): void {
    this.inFlight.delete(display);
  }

  unchanged(display: string, reason: string): void {
    if (this.verbose) this.print(`unchanged ${display}: ${reason}`);
  }

  /** One line for all unchanged documents, unless each got its own (--verbose); `why` is one clause. */
  unchangedSummary(count: number, why: string): void {
    if (count === 0 || this.verbose || this.mode === 'quiet') return;
    this.print(`unchanged ${formatCount(count, 'document')}: ${why} (--force reconverts them)`);
  }

  removed(display: string, outputs: readonly string[]): void {
    if (this.mode !== 'quiet') this.print(`removed ${outputs.join(', ')} (source ${display} is gone)`);
  }

  /** A message about the run itself (interruption), shown in every mode but quiet. */
  notice(message: string): void {
    if (this.mode === 'quiet') return;
    this.withLiveLineCleared(() => this.err.write(`undoc: ${escapeControls(message)}\n`));
  }

  /** Stops the live line and prints the closing summary. */
  finish(totals: ProgressTotals, interrupted: boolean): void {
    if (this.redrawTimer) clearInterval(this.redrawTimer);
    this.redrawTimer = null;
    this.clearLiveLine();
    if (this.mode === 'quiet') return;
    // performance.now() counts from the process start: the summary's time is the whole run's.
    const seconds = performance.now() / 1000;
    const conversionSeconds = this.firstConversionAt === null ? 0 : (performance.now() - this.firstConversionAt) / 1000;
    const rate = conversionSeconds > 0 && totals.pages > 0 ? ` (${(totals.pages / conversionSeconds).toFixed(1)} pages/s)` : '';
    this.print(
      `${interrupted ? 'interrupted: ' : ''}${formatNumber(totals.converted)} converted, ${formatNumber(totals.unchanged)} unchanged, ` +
        `${formatNumber(totals.failed)} failed, ${formatNumber(totals.removed)} removed; ` +
        `${formatCount(totals.pages, 'page')} in ${seconds.toFixed(1)} s${rate}`,
    );
  }

  private finishDocument(display: string, bytes: number, pages = 0): void {
    // A document whose pages were not all heard of (it failed early) counts what it read.
    const read = this.inFlight.get(display)?.page ?? 0;
    this.pagesStarted += Math.max(0, pages - read);
    this.inFlight.delete(display);
    this.documentsDone++;
    this.bytesDone += bytes;
  }

  private print(line: string): void {
    this.withLiveLineCleared(() => this.out.write(escapeControls(line) + '\n'));
  }

  private printError(line: string): void {
    this.withLiveLineCleared(() => this.err.write(escapeControls(line) + '\n'));
  }

  private withLiveLineCleared(write: () => void): void {
    const wasShown = this.liveLineShown;
    this.clearLiveLine();
    write();
    if (wasShown) this.drawLiveLine();
  }

  private clearLiveLine(): void {
    if (!this.liveLineShown) return;
    this.err.write('\r\x1b[K');
    this.liveLineShown = false;
  }

  private drawLiveLine(): void {
    const fraction = this.bytesToConvert > 0 ? this.bytesDone / this.bytesToConvert : 0;
    const parts = [
      `${formatBar(fraction, BAR_WIDTH)} ${this.documentsDone}/${this.documentsToConvert} documents`,
      `${formatCount(this.pagesStarted, 'page')} read`,
    ];
    const elapsed = this.firstConversionAt === null ? 0 : (performance.now() - this.firstConversionAt) / 1000;
    if (elapsed > 0 && this.pagesDone > 0) parts.push(`${(this.pagesDone / elapsed).toFixed(1)} pages/s`);
    // Bytes, known for every PDF before it is opened, predict the remaining work far better than a count.
    if (elapsed > 0 && this.bytesDone > 0 && this.bytesToConvert > this.bytesDone) {
      parts.push(`ETA ${formatDuration(((this.bytesToConvert - this.bytesDone) / this.bytesDone) * elapsed)}`);
    }
    for (const [display, { page, pages }] of this.inFlight) {
      parts.push(pages > 0 ? `${basename(display)} p. ${page}/${pages}` : basename(display));
    }
    const width = Math.max(20, (this.err.columns || 80) - 1);
    let line = escapeControls(parts.join(' · '));
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    this.err.write('\r\x1b[K' + line);
    this.liveLineShown = true;
  }
}
