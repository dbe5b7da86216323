/**
 * `undoc convert`: plan the batch, remove orphaned outputs, convert what is new or stale in
 * child processes, write each document's outputs atomically from this thread, keep the manifest
 * current, and account for every document in the progress display and the report.
 *
 *   inputs → plan (manifest + hashes) → [--check: list, stop] → lock → remove orphans
 *          → workers convert → write outputs → record in manifest → report, summary, exit status
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { outputFiles, type Format } from '../emit/index.js';
import type { ConvertOptions } from './commands/convert.js';
import { EnvironmentError, EXIT, firstLine, UsageError } from './exit.js';
import { formatCount } from './format.js';
import { displayPath, inShard, pathMatcher, resolveInputs, type InputDocument, type InputProblem } from './inputs.js';
import { LOCK_FILE, LockedError, lockOutputDirectory, TAKEOVER_FILE } from './lock.js';
import { JOURNAL_FILE, Manifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';
import { prestartWorkers } from './pool.js';
import { outputPaths, planBatch, type BatchPlan, type BuildIdentity, type PlannedDocument } from './plan.js';
import { convertBatch, type BatchConversion, type BatchEvent } from '../batch.js';
import { chooseProgressMode, Progress } from './progress.js';
import { ReportBuilder, writeReport } from './report.js';
import { readVersions } from './versions.js';
import { removeLeftoverTempFiles, removeOutput, writeFilesAtomic } from './write.js';

/**
 * The journal makes every finished document durable at once; the manifest itself is rewritten
 * after this many changes or this much time, only to keep the journal short.
 */
const MANIFEST_REWRITE_CHANGES = 500;
const MANIFEST_REWRITE_MS = 60_000;

/** undoc's own files in an output directory: a document whose output would take one of these names is refused. */
const RESERVED_NAMES: ReadonlySet<string> = new Set([MANIFEST_FILE, JOURNAL_FILE, LOCK_FILE, TAKEOVER_FILE]);

/** Signals that stop a run: the first lets documents in flight finish, a second stops them. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup };

/** Why a document cannot be converted into this output directory at all, or null. */
function refusalOf(key: string, formats: readonly Format[]): string | null {
  const taken = outputPaths(key, formats).find((output) => RESERVED_NAMES.has(output));
  return taken ? `refused: its output ${taken} would overwrite undoc's own file of that name` : null;
}

/** Creates the output directory; a failure is the environment's (exit status 3). */
async function prepareOutputDirectory(outDir: string, shown: string): Promise<() => Promise<void>> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new EnvironmentError(
      `--out ${shown}: cannot create the output directory (${(error as NodeJS.ErrnoException).code ?? firstLine(error)})`,
    );
  }
  try {
    // Locked before the manifest is read: a run that just finished cannot have its entries overwritten.
    return await lockOutputDirectory(outDir);
  } catch (error) {
    if (error instanceof LockedError) throw new UsageError(`--out ${shown}: ${error.message}`);
    throw new EnvironmentError(`--out ${shown}: cannot write the lock (${(error as NodeJS.ErrnoException).code ?? firstLine(error)})`);
  }
}

/** Runs `undoc convert` and returns its exit status. Throws UsageError for a bad command line. */
export async function runConvert(options: ConvertOptions): Promise<number> {
  const versions = readVersions();
  const identity: BuildIdentity = {
    converter: versions.converter,
    schema: versions.schema,
    formats: options.formats,
    pageSelection: options.pages?.spec ?? null,
  };
  const problems: InputProblem[] = [];
  const inputs = await resolveInputs(options.inputs, process.cwd(), options.exclude, problems);
  if (options.stdout) return (await import('./stdout.js')).convertToStdout(inputs, options);
  const outDir = resolve(options.out);
  const outInfo = await stat(outDir).catch(() => null);
  if (outInfo && !outInfo.isDirectory()) throw new UsageError(`--out ${options.out} exists and is not a directory`);
  const inShardInputs = inputs.filter((input) => inShard(input.key, options.shard));
  const refused = inShardInputs.filter((input) => refusalOf(input.key, identity.formats) !== null);
  const selected = inShardInputs.filter((input) => !refused.includes(input));
  if (options.check) {
    const plan = await planBatch(selected, inputs, await Manifest.load(outDir), identity, outDir, options);
    return listCheckFindings(plan, outDir, options.quiet, pathMatcher(options.knownFailures));
  }

  // Conversion processes start now, before the lock, the manifest and the hashing of planning,
  // which they overlap: a cold run of one document otherwise waits for their start-up after it.
  prestartWorkers(Math.min(options.jobs, selected.length));
  const releaseLock = await prepareOutputDirectory(outDir, options.out);
  try {
    const manifest = await Manifest.load(outDir);
    const plan = await planBatch(selected, inputs, manifest, identity, outDir, options);
    for (const input of refused) problems.push({ display: input.display, reason: refusalOf(input.key, identity.formats)!, failed: true });
    return await new BatchRun(options, identity, versions.version, outDir, manifest, plan, problems).run();
  } finally {
    await releaseLock();
  }
}

/**
 * `--check`: lists what a run would do and writes nothing. Exit 1 when anything is to do. A known
 * failure (`--known-failure`) never converted is accepted: no run would give it outputs.
 */
function listCheckFindings(plan: BatchPlan, outDir: string, quiet: boolean, knownFailure: (document: InputDocument) => boolean): number {
  const accepted = plan.documents.filter((document) => document.verdict === 'new' && knownFailure(document));
  const toConvert = plan.documents.filter((document) => document.verdict !== 'unchanged' && !accepted.includes(document));
  for (const document of toConvert) {
    console.log(`${document.verdict === 'new' ? 'missing' : 'stale'} ${document.display}: ${document.reason}`);
  }
  for (const { entry } of plan.orphans) {
    const outputs = Object.keys(entry.outputs).map((output) => displayPath(join(outDir, output)));
    console.log(`orphaned ${outputs.join(', ')}: source ${displayPath(resolve(outDir, entry.source))} is gone`);
  }
  const upToDate = plan.documents.length - toConvert.length - accepted.length;
  if (toConvert.length === 0 && plan.orphans.length === 0) {
    const known = accepted.length > 0 ? `, ${formatCount(accepted.length, 'known failure')} accepted (--known-failure)` : '';
    if (!quiet) console.log(`check: ${formatCount(upToDate, 'document')} up to date${known}`);
    return EXIT.ok;
  }
  if (!quiet) {
    console.log(
      `check: ${toConvert.length} of ${formatCount(plan.documents.length, 'document')} to convert, ` +
        `${plan.orphans.length} orphaned to remove; run the same command without --check`,
    );
  }
  return EXIT.failed;
}

/** One conversion run over a planned batch, holding the output directory's lock. */
class BatchRun {
  private readonly progress: Progress;
  private readonly report = new ReportBuilder();
  /** Aborted by a second interruption: stops the documents in flight. */
  private readonly abort = new AbortController();
  private stopSignal: NodeJS.Signals | null = null;
  /** `--known-failure`: whether a document's failure is expected, and how many were. */
  private readonly knownFailure: (document: InputDocument) => boolean;
  private knownFailed = 0;
  private inFlight = 0;
  private lastManifestRewrite = performance.now();
  private readonly started = performance.now();

  constructor(
    private readonly options: ConvertOptions,
    private readonly identity: BuildIdentity,
    private readonly packageVersion: string,
    private readonly outDir: string,
    private readonly manifest: Manifest,
    private readonly plan: BatchPlan,
    /** Inputs found unusable while listing: failure lines and notes, the batch goes on. */
    private readonly problems: readonly InputProblem[] = [],
  ) {
    // `--report -` takes stdout for the report: the per-document lines and the summary move to stderr.
    const lines = options.report === '-' ? process.stderr : process.stdout;
    this.progress = new Progress(chooseProgressMode(options.quiet), options.verbose, lines);
    this.knownFailure = pathMatcher(options.knownFailures);
  }

  async run(): Promise<number> {
    const onSignal = (signal: NodeJS.Signals): void => this.interrupt(signal);
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    try {
      this.accountProblems();
      this.accountUnchanged();
      // Every folder, not only those converted into now: a kill may have left one anywhere.
      await removeLeftoverTempFiles(this.outDir);
      await this.removeOrphans();
      await this.convertAll();
      await this.saveManifest();
    } finally {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    }
    let reportFailed = false;
    if (this.options.report !== null) {
      reportFailed = !(await this.writeReportFile(this.options.report));
    }
    const totals = {
      converted: this.report.count('converted'),
      unchanged: this.report.count('unchanged'),
      failed: this.report.count('failed'),
      removed: this.report.count('removed'),
      pages: this.report.pagesConverted(),
    };
    this.progress.finish(totals, this.stopSignal !== null);
    if (this.stopSignal) return SIGNAL_EXIT[this.stopSignal] ?? EXIT.interrupted;
    return totals.failed > this.knownFailed || reportFailed ? EXIT.failed : EXIT.ok;
  }

  /** First signal: dispatch nothing more, let documents in flight finish. Second: stop them too. */
  private interrupt(signal: NodeJS.Signals): void {
    if (this.stopSignal === null) {
      this.stopSignal = signal;
      const waiting =
        this.inFlight > 0 ? `; finishing ${formatCount(this.inFlight, 'document')} in flight (Ctrl-C again to stop them)` : '';
      this.progress.notice(`interrupted: converting no more documents${waiting}`);
      return;
    }
    this.progress.notice('interrupted again: stopping the documents in flight');
    this.abort.abort();
  }

  /** The manifest cannot be saved: no document is to blame, the run stops with exit status 3. */
  private async saveManifest(): Promise<void> {
    try {
      await this.manifest.flush();
    } catch (error) {
      throw new EnvironmentError(
        `cannot write the manifest in ${displayPath(this.outDir)}: ${(error as NodeJS.ErrnoException).code ?? firstLine(error)}`,
      );
    }
  }

  private accountProblems(): void {
    for (const problem of this.problems) {
      if (!problem.failed) {
        this.progress.notice(`${problem.display}: ${problem.reason}`);
        continue;
      }
      this.report.add(`\u0000${problem.display}`, { input: problem.display, outputs: [], status: 'failed', reason: problem.reason });
      this.progress.failed(problem.display, 0, problem.reason);
    }
  }

  private accountUnchanged(): void {
    const unchanged = this.plan.documents.filter((document) => document.verdict === 'unchanged');
    for (const document of unchanged) {
      const entry = this.manifest.get(document.key)!;
      this.report.add(document.key, {
        input: document.display,
        outputs: this.displayOutputs(Object.keys(entry.outputs)),
        status: 'unchanged',
        reason: document.reason,
        pages: entry.pages,
      });
      this.progress.unchanged(document.display, document.reason);
    }
    const { converter, schema, formats } = this.identity;
    this.progress.unchangedSummary(
      unchanged.length,
      `the manifest records the same source sha256, converter ${converter}, schema ${schema} and formats ${formats.join(',')}`,
    );
  }

  private async removeOrphans(): Promise<void> {
    for (const { key, entry } of this.plan.orphans) {
      if (this.stopSignal) return;
      const outputs = Object.keys(entry.outputs);
      try {
        for (const output of outputs) await removeOutput(join(this.outDir, output), this.outDir);
      } catch (error) {
        // A symbolic link where an output's folder was: nothing outside --out is removed.
        this.progress.notice(`not removing ${outputs.join(', ')}: ${firstLine(error)}`);
        continue;
      }
      await this.manifest.forget(key);
      const source = displayPath(resolve(this.outDir, entry.source));
      this.report.add(key, {
        input: source,
        outputs: this.displayOutputs(outputs),
        status: 'removed',
        reason: 'the source PDF is gone',
      });
      this.progress.removed(source, this.displayOutputs(outputs));
    }
  }

  private async convertAll(): Promise<void> {
    const queue = this.plan.documents.filter((document) => document.verdict !== 'unchanged');
    if (queue.length === 0) return;
    // Largest first when several workers share the queue: a big document started last would keep
    // one worker busy while the others idle (longest-processing-time-first scheduling).
    if (this.options.jobs > 1) queue.sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
    if (this.options.verbose) {
      for (const document of queue) if (document.verdict === 'stale') this.progress.notice(`stale ${document.display}: ${document.reason}`);
    }
    this.progress.beginConversions(
      queue.length,
      queue.reduce((sum, document) => sum + document.size, 0),
    );
    // The library's runner keeps `jobs` documents in flight, each in its worker, and waits for
    // each event's handling (the outputs written) before its lane takes the next document.
    try {
      await convertBatch(
        queue.map((document) => document.path),
        {
          formats: this.identity.formats,
          jobs: this.options.jobs,
          timeout: this.options.timeoutMs,
          timeoutPerPage: this.options.timeoutPerPageMs,
          ...(this.options.pages ? { pages: this.options.pages.ranges } : {}),
          proceed: () => this.stopSignal === null,
          signal: this.abort.signal,
          onEvent: (event) => this.handle(queue[event.index]!, event),
        },
      );
    } catch (error) {
      // Only the handling of an event rejects (writing outputs fails per document, not here): the
      // manifest journal could not be appended, which no document is to blame for.
      throw new EnvironmentError(`cannot write the manifest journal: ${(error as NodeJS.ErrnoException).code ?? firstLine(error)}`);
    }
  }

  /** One event of the runner for `document`: the display, and the outputs of a conversion. */
  private async handle(document: PlannedDocument, event: BatchEvent): Promise<void> {
    if (event.type === 'started') {
      this.inFlight++;
      this.progress.documentStarted(document.display);
    } else if (event.type === 'page') this.progress.pageStarted(document.display, event.page, event.pages);
    else {
      this.inFlight--;
      if (event.type === 'aborted') this.progress.abandoned(document.display);
      else if (event.type === 'failed') this.recordFailure(document, event.reason, event.ms);
      else await this.writeConverted(document, event);
    }
  }

  /**
   * Writes the three (or requested) outputs as one unit (a CSV per table included), then records
   * them in the manifest; files of the last run no longer written (a table gone) are removed.
   */
  private async writeConverted(document: PlannedDocument, result: BatchConversion): Promise<void> {
    const rendered = outputFiles(result.outputs, this.identity.formats);
    if (rendered === null) {
      const missing = this.identity.formats.find((format) => result.outputs[format] === undefined);
      this.recordFailure(document, `internal error: the worker rendered no ${missing} output`, result.ms);
      return;
    }
    const paths = rendered.map((file) => document.key + file.suffix);
    const taken = paths.find((output) => RESERVED_NAMES.has(output));
    if (taken) {
      this.recordFailure(document, `refused: its output ${taken} would overwrite undoc's own file of that name`, result.ms);
      return;
    }
    const files = rendered.map((file, index) => ({ path: join(this.outDir, paths[index]!), content: file.content }));
    const previous = this.manifest.get(document.key);
    try {
      await writeFilesAtomic(files, this.outDir);
      // Outputs of formats no longer requested would be stale leftovers nothing tracks.
      for (const output of Object.keys(previous?.outputs ?? {})) {
        if (!paths.includes(output)) await removeOutput(join(this.outDir, output), this.outDir);
      }
      const entry: ManifestEntry = {
        source: document.source,
        sha256: result.sha256,
        size: document.size,
        mtimeMs: document.mtimeMs,
        pages: result.pages,
        converter: this.identity.converter,
        schema: this.identity.schema,
        formats: [...this.identity.formats],
        outputs: Object.fromEntries(files.map((file, index) => [paths[index]!, Buffer.byteLength(file.content)])),
      };
      if (this.identity.pageSelection !== null) entry.pageSelection = this.identity.pageSelection;
      await this.manifest.record(document.key, entry);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      this.recordFailure(document, `cannot write outputs: ${code ?? firstLine(error)}`, result.ms);
      return;
    }
    await this.rewriteManifestWhenDue();
    this.report.add(document.key, {
      input: document.display,
      outputs: this.displayOutputs(paths),
      status: 'converted',
      pages: result.pages,
      ms: Math.round(result.ms),
      diagnostics: result.diagnostics,
      timings: Object.fromEntries(Object.entries(result.timings).map(([stage, ms]) => [stage, Math.round(ms * 10) / 10])),
      drawnPages: result.drawnPages,
    });
    this.progress.converted(document.display, document.size, result.pages, result.ms);
  }

  private recordFailure(document: PlannedDocument, reason: string, ms: number): void {
    // An earlier run's outputs stay: a transient failure (a timeout on a busy machine) must not
    // destroy good files. The manifest keeps the old entry, so --check still reports them stale.
    const previous = this.manifest.get(document.key);
    this.report.add(document.key, {
      input: document.display,
      outputs: this.displayOutputs(Object.keys(previous?.outputs ?? {})),
      status: 'failed',
      reason,
      ms: Math.round(ms),
    });
    const known = this.knownFailure(document);
    if (known) this.knownFailed++;
    this.progress.failed(document.display, document.size, known ? `${reason} (known failure, accepted by --known-failure)` : reason);
  }

  private async rewriteManifestWhenDue(): Promise<void> {
    const due =
      this.manifest.changesSinceFlush >= MANIFEST_REWRITE_CHANGES || performance.now() - this.lastManifestRewrite >= MANIFEST_REWRITE_MS;
    if (!due) return;
    this.lastManifestRewrite = performance.now();
    await this.manifest.flush();
  }

  private displayOutputs(outputs: readonly string[]): string[] {
    return outputs.map((output) => displayPath(join(this.outDir, output)));
  }

  /** Writes the report; on failure says so in one line and returns false (exit status 1). */
  private async writeReportFile(path: string): Promise<boolean> {
    const { shard } = this.options;
    const report = this.report.build(
      {
        undoc: { version: this.packageVersion, converter: this.identity.converter, schema: this.identity.schema },
        options: {
          out: displayPath(this.outDir),
          formats: [...this.identity.formats],
          jobs: this.options.jobs,
          force: this.options.force,
          shard: shard ? `${shard.index}/${shard.count}` : null,
          timeoutSeconds: this.options.timeoutMs / 1000,
        },
        interrupted: this.stopSignal !== null,
      },
      performance.now() - this.started,
    );
    try {
      if (path === '-') await writeReport(process.stdout, report);
      else await writeReport(resolve(path), report);
      return true;
    } catch (error) {
      console.error(`undoc: cannot write the report ${path}: ${firstLine(error)}`);
      return false;
    }
  }
}
