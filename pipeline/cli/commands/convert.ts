/**
 * `undoc convert <file|dir|glob>... --out <dir> [options]`: its options and their checks. The
 * batch itself (pipeline/cli/batch.ts) is loaded only to run, so that `--help` stays instant.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_FORMATS, DOCUMENT_FORMATS, FORMATS, type Format } from '../../emit/index.js';
import type { PageRanges } from '../../extract.js';
import { HELP, HELP_OPTION, parseOptions, type Command, type OptionTable, type ParsedOptions } from '../command.js';
import { UsageError } from '../exit.js';

/**
 * Seconds one document may take before its worker is stopped, by default: a base plus an
 * allowance per page, since time grows with length (a 5,000-page document took 105 s on a quiet
 * machine). Both are far above any real UN document; `--timeout` sets one fixed limit instead.
 */
export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_TIMEOUT_PER_PAGE_SECONDS = 0.05;

/** Which slice of the inputs this run converts: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `--pages 1-3,7`: the ranges, and their canonical spelling (it keys the manifest). */
export interface PageSelection {
  ranges: PageRanges;
  spec: string;
}

export interface ConvertOptions {
  inputs: string[];
  /** The output directory; `-` with `stdout`. */
  out: string;
  /** `-o -` or `--stdout`: the one document's one format goes to standard output; nothing else is written. */
  stdout: boolean;
  pages: PageSelection | null;
  /** `--exclude` globs: matching PDFs are left out as if not given. */
  exclude: string[];
  /** `--known-failure` globs: matching PDFs may fail without failing the run or `--check`. */
  knownFailures: string[];
  /** Requested formats in canonical FORMATS order, without duplicates. */
  formats: Format[];
  jobs: number;
  force: boolean;
  check: boolean;
  /** The report's path; `-` writes it to standard output. */
  report: string | null;
  shard: Shard | null;
  timeoutMs: number;
  /** Added to `timeoutMs` per page once a document's page count is known; 0 with an explicit --timeout. */
  timeoutPerPageMs: number;
  quiet: boolean;
  verbose: boolean;
}

const OPTIONS = {
  out: { type: 'string', short: 'o', value: '<dir>', help: 'output directory (required); - writes one document to stdout' },
  stdout: { type: 'boolean', help: 'write the one input document to stdout in the one --format given (= -o -)' },
  format: {
    type: 'string',
    short: 'f',
    value: '<list>',
    help: `formats to write, comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')}; csv writes one file per table)`,
  },
  pages: { type: 'string', value: '<ranges>', help: 'convert only these pages, e.g. 1-3,7 or 5- (numbers as in the PDF)' },
  exclude: {
    type: 'string',
    multiple: true,
    value: '<glob>',
    help: 'leave out PDFs whose path (or, without /, name) matches; repeatable',
  },
  'known-failure': {
    type: 'string',
    multiple: true,
    value: '<glob>',
    help: 'PDFs expected to fail (scans): neither the run nor --check fails for them; repeatable',
  },
  jobs: {
    type: 'string',
    short: 'j',
    value: '<n>',
    help: `documents converted in parallel (default: ${availableParallelism()}, the available cores)`,
  },
  force: { type: 'boolean', help: 'reconvert every document, even those the manifest says are up to date' },
  check: { type: 'boolean', help: 'write nothing; exit 1 listing outputs that are missing, stale or orphaned' },
  report: { type: 'string', value: '<file>', help: 'write a JSON report of the run (schema: schemas/report.schema.json); - for stdout' },
  shard: { type: 'string', value: '<k/n>', help: 'convert only the k-th of n deterministic slices of the inputs' },
  timeout: {
    type: 'string',
    value: '<sec>',
    help:
      `stop a document that takes longer than this (default: ${DEFAULT_TIMEOUT_SECONDS} ` +
      `+ ${DEFAULT_TIMEOUT_PER_PAGE_SECONDS} per page)`,
  },
  quiet: { type: 'boolean', short: 'q', help: 'print failures only' },
  verbose: { type: 'boolean', short: 'v', help: 'also print one line per unchanged document, with the reason' },
  help: HELP_OPTION,
} as const satisfies OptionTable;

export const convertCommand: Command<ConvertOptions> = {
  name: 'convert',
  synopsis: '<file|dir|glob>... --out <dir> [options]',
  options: OPTIONS,
  parse(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (values.help) return HELP;
    if (positionals.length === 0) throw new UsageError('convert needs at least one input file, directory or glob');
    const stdout = values.stdout === true || values.out === '-';
    if (values.stdout && values.out !== undefined && values.out !== '-') {
      throw new UsageError('--stdout and --out <dir> cannot be combined (--stdout writes no directory)');
    }
    if (!stdout && (values.out === undefined || values.out === '')) throw new UsageError('convert needs --out <dir> (or --stdout)');
    checkCombinations(values, stdout);
    const formats = parseFormats(values.format);
    if (stdout && (values.format === undefined || formats.length !== 1)) {
      throw new UsageError(`--stdout writes one format: add --format with one of ${DOCUMENT_FORMATS.join(', ')}`);
    }
    // One stream cannot hold several CSV files without a framing no CSV reader knows.
    if (stdout && formats[0] === 'csv') throw new UsageError('--stdout cannot write csv (one file per table): use --out <dir>');
    return {
      inputs: positionals,
      out: stdout ? '-' : values.out!,
      stdout,
      formats,
      pages: values.pages === undefined ? null : parsePages(values.pages),
      exclude: values.exclude ?? [],
      knownFailures: values['known-failure'] ?? [],
      jobs: values.jobs === undefined ? availableParallelism() : parsePositiveInteger('--jobs', values.jobs),
      force: values.force ?? false,
      check: values.check ?? false,
      report: values.report ?? null,
      shard: values.shard === undefined ? null : parseShard(values.shard),
      timeoutMs: Math.round(parseTimeoutSeconds(values.timeout) * 1000),
      timeoutPerPageMs: values.timeout === undefined ? DEFAULT_TIMEOUT_PER_PAGE_SECONDS * 1000 : 0,
      quiet: values.quiet ?? false,
      verbose: values.verbose ?? false,
    };
  },
  async run(options) {
    // The batch (workers, manifest, pdf.js through them) is loaded only now.
    const { runConvert } = await import('../batch.js');
    return runConvert(options);
  },
};

/** Options that contradict each other, or contradict writing to stdout. */
function checkCombinations(values: ParsedOptions<typeof OPTIONS>['values'], stdout: boolean): void {
  if (values.check && values.force) throw new UsageError('--check and --force cannot be combined (a check converts nothing)');
  if (values.check && values.report !== undefined) {
    throw new UsageError('--report cannot be combined with --check (a check writes nothing)');
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose cannot be combined');
  if (!stdout) return;
  for (const option of ['check', 'report', 'shard'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} cannot be combined with --stdout (which converts one document)`);
  }
}

/** Most ranges one --pages value may hold: far more than anyone types, few enough to check quickly. */
const MAX_PAGE_RANGES = 1000;

/** `1-3,7,10-` → [[1, 3], [7, 7], [10, Infinity]], spelled back canonically as `1-3,7,10-`. */
export function parsePages(value: string): PageSelection {
  const parts = value.split(',').map((part) => part.trim());
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    const match = /^(\d+)(?:(-)(\d*))?$/.exec(part);
    const first = Number(match?.[1]);
    const last = match?.[2] === undefined ? first : match[3] === '' ? Infinity : Number(match[3]);
    if (!match || first < 1 || last < first || parts.length > MAX_PAGE_RANGES) {
      throw new UsageError(`--pages: expected page numbers and ranges from 1, like 1-3,7 or 5-, got "${value}"`);
    }
    ranges.push([first, last]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const spec = ranges
    .map(([first, last]) => (first === last ? `${first}` : last === Infinity ? `${first}-` : `${first}-${last}`))
    .join(',');
  return { ranges, spec };
}

/** `md,json` → ['json', 'md']: canonical order, so the manifest key does not depend on spelling. */
export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const requested = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (requested.length === 0) throw new UsageError('--format needs at least one of ' + FORMATS.join(','));
  for (const name of requested) {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`--format: unknown format "${name}" (expected ${FORMATS.join(', ')})`);
    }
  }
  return FORMATS.filter((format) => requested.includes(format));
}

/** `2/4` → {index: 2, count: 4}; 1-based so a CI matrix can pass its job number as is. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]),
    count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard: expected K/N with 1 <= K <= N (e.g. 2/4), got "${value}"`);
  }
  return { index, count };
}

function parsePositiveInteger(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`${option}: expected a positive whole number, got "${value}"`);
  }
  return Number(value);
}

function parseTimeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout: expected a positive number of seconds, got "${value}"`);
  }
  return seconds;
}
