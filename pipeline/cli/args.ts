/**
 * Command-line parsing: argv → a typed command, or a UsageError with a one-line reason.
 *
 * Built on node:util parseArgs so the CLI has no dependency of its own. Nothing here touches the
 * file system or loads the pipeline: `undoc --help` must answer instantly.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { availableParallelism } from 'node:os';
import { FORMATS, type Format } from '../emit/index.js';

/** A mistake in how undoc was called: printed as one line with a usage hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Seconds one document may take before its worker is stopped; far above any real UN document. */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** Which slice of the inputs this run converts: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export interface ConvertOptions {
  command: 'convert';
  inputs: string[];
  out: string;
  /** Requested formats in canonical FORMATS order, without duplicates. */
  formats: Format[];
  jobs: number;
  force: boolean;
  check: boolean;
  report: string | null;
  shard: Shard | null;
  timeoutMs: number;
  quiet: boolean;
  verbose: boolean;
}

export interface InspectOptions {
  command: 'inspect';
  file: string;
  stage: string;
}

export type Command =
  | ConvertOptions
  | InspectOptions
  | { command: 'help'; topic?: 'convert' | 'inspect' }
  | { command: 'version' };

export const USAGE = `Usage:
  undoc convert <file|dir|glob>... --out <dir> [options]
  undoc inspect <file.pdf> --stage <name>
  undoc align <A.json> <B.json> [<C.json>...] [--out FILE.json] [--tsv FILE]
  undoc --help | --version

Convert UN document PDFs into JSON, Markdown and HTML. A directory means every *.pdf under it;
outputs mirror the inputs' relative paths (input/a/X.pdf -> <out>/a/X.json, X.md, X.html).

convert options:
  -o, --out <dir>        output directory (required)
  -f, --format <list>    formats to write, comma-separated: ${FORMATS.join(',')} (default: all)
  -j, --jobs <n>         documents converted in parallel (default: ${availableParallelism()}, the available cores)
      --force            reconvert every document, even those the manifest says are up to date
      --check            write nothing; exit 1 listing outputs that are missing, stale or orphaned
      --report <file>    write a JSON report of the run (schema: schemas/report.schema.json)
      --shard <k/n>      convert only the k-th of n deterministic slices of the inputs
      --timeout <sec>    stop a document that takes longer than this (default: ${DEFAULT_TIMEOUT_SECONDS})
  -q, --quiet            print failures only
  -v, --verbose          also print one line per unchanged document, with the reason

inspect options:
      --stage <name>     print that stage's intermediate result as JSON

align: pairs the numbered paragraphs and headings of language versions of one document
(undoc align --help for its options).

Exit status: 0 all documents converted or up to date, 1 one or more failed (or --check found
work to do), 2 usage error, 130 interrupted.`;

const CONVERT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  check: { type: 'boolean' },
  report: { type: 'string' },
  shard: { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

const INSPECT_OPTIONS = {
  stage: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** Turns argv (without node and the script) into a Command. Throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-V') return { command: 'version' };
  if (first === 'convert') return parseConvert(rest);
  if (first === 'inspect') return parseInspect(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first} before the command`);
  throw new UsageError(`unknown command "${first}" (expected convert, inspect or align)`);
}

/** parseArgs with its errors turned into UsageError; its own messages are already one line. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(String((error as Error).message).split('\n')[0]!.replace(/\. To specify a positional.*$/, ''));
  }
}

function parseConvert(args: readonly string[]): Command {
  const { values, positionals } = parse(args, CONVERT_OPTIONS);
  if (values.help) return { command: 'help', topic: 'convert' };
  if (positionals.length === 0) throw new UsageError('convert needs at least one input file, directory or glob');
  if (values.out === undefined || values.out === '') throw new UsageError('convert needs --out <dir>');
  if (values.check && values.force) throw new UsageError('--check and --force cannot be combined (a check converts nothing)');
  if (values.check && values.report !== undefined) {
    throw new UsageError('--report cannot be combined with --check (a check writes nothing)');
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose cannot be combined');
  return {
    command: 'convert',
    inputs: positionals,
    out: values.out,
    formats: parseFormats(values.format),
    jobs: values.jobs === undefined ? availableParallelism() : parsePositiveInteger('--jobs', values.jobs),
    force: values.force ?? false,
    check: values.check ?? false,
    report: values.report ?? null,
    shard: values.shard === undefined ? null : parseShard(values.shard),
    timeoutMs: Math.round(parseTimeoutSeconds(values.timeout) * 1000),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}

function parseInspect(args: readonly string[]): Command {
  const { values, positionals } = parse(args, INSPECT_OPTIONS);
  if (values.help) return { command: 'help', topic: 'inspect' };
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one PDF file');
  if (!values.stage) throw new UsageError('inspect needs --stage <name>');
  return { command: 'inspect', file: positionals[0]!, stage: values.stage };
}

/** `md,json` → ['json', 'md']: canonical order, so the manifest key does not depend on spelling. */
export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const requested = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
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
  const index = Number(match?.[1]), count = Number(match?.[2]);
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
