/**
 * What an undoc command is: a name, its options described once (for the parser and the help
 * alike), a parser from argv to typed options, and a runner that returns the exit status.
 *
 * The parser is undoc's own (a few rules, below) so that every usage error is a sentence of
 * undoc's, with a suggestion for a mistyped option. Nothing here touches the file system or loads
 * the pipeline: `undoc --help` must answer instantly.
 */
import { UsageError } from './exit.js';
import { closest } from './suggest.js';

/** One option: how the parser reads it, and its line in the help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** A string option that may be given several times; its value is then the list, in order. */
  multiple?: boolean;
  /** The value's placeholder in the help (`<dir>`); string options only. */
  value?: string;
  help: string;
}

/** A command's options by long name. */
export type OptionTable = Record<string, OptionSpec>;

/** What `parse` returns for `--help`: the command's help, not a run. */
export const HELP = 'help';

export interface Command<Options> {
  name: string;
  /** What follows `undoc <name>` on the usage line. */
  synopsis: string;
  options: OptionTable;
  /**
   * A help page of its own (`undoc <name> --help`): the summary is its paragraph on undoc's page,
   * which lists the options of the commands without one.
   */
  page?: { summary: string; description: string; notes: string };
  /** argv after the command's name → its options, or HELP. Throws UsageError. */
  parse(argv: readonly string[]): Options | typeof HELP;
  /** Runs the command; resolves to the exit status. Throws UsageError or InputError. */
  run(options: Options): Promise<number>;
}

/** The option every command takes: undoc's page, or the command's own. */
export const HELP_OPTION = { type: 'boolean', short: 'h', help: 'show this help' } as const satisfies OptionSpec;

/** An option's parsed value: a flag, a string, or for a `multiple` option every string given. */
type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S extends { multiple: true } ? string[] : string;

/** What parseOptions returns: the options given, by long name, and the other arguments in order. */
export interface ParsedOptions<T extends OptionTable> {
  values: { -readonly [K in keyof T]?: OptionValue<T[K]> };
  positionals: string[];
}

/**
 * Reads `argv` against the option table. The rules: `--name value` or `--name=value` for a string
 * option (the value may begin with `-`, as in `--timeout -1`, so that the value check, not the
 * parser, answers); `--flag` for a boolean; `-x`, `-x value` and `-xvalue` for short names, `-qv`
 * for several short flags; `-` alone is an argument; everything after `--` is an argument.
 * Throws UsageError, naming the closest option when one is unknown.
 */
export function parseOptions<T extends OptionTable>(argv: readonly string[], options: T): ParsedOptions<T> {
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  const set = (name: string, value: boolean | string): void => {
    if (options[name]!.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value as string];
    else values[name] = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const taken = arg.startsWith('--') ? readLong(arg, argv[i + 1], options) : readShort(arg, argv[i + 1], options);
    for (const [name, value] of taken.values) set(name, value);
    if (taken.consumedNext) i++;
  }
  return { values, positionals } as ParsedOptions<T>;
}

/** What one argument (and perhaps the next, its value) sets. */
interface Taken {
  values: Array<[string, boolean | string]>;
  consumedNext: boolean;
}

/** A string option's value from the next argument; another option there means it was forgotten. */
function valueAfter(flag: string, spec: OptionSpec, next: string | undefined, options: OptionTable): string {
  const looksLikeOption = next !== undefined && (isKnownLong(next, options) || /^-[a-zA-Z]$/.test(next));
  if (next === undefined || looksLikeOption) throw new UsageError(`${flag} needs a value${spec.value ? ` (${spec.value})` : ''}`);
  return next;
}

function isKnownLong(arg: string, options: OptionTable): boolean {
  return arg.startsWith('--') && Object.hasOwn(options, arg.slice(2).split('=')[0]!);
}

function readLong(arg: string, next: string | undefined, options: OptionTable): Taken {
  const equals = arg.indexOf('=');
  const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
  const spec = Object.hasOwn(options, name) ? options[name] : undefined;
  if (!spec) {
    const suggestion = closest(name, Object.keys(options));
    throw new UsageError(`unknown option --${name}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`);
  }
  if (spec.type === 'boolean') {
    if (equals !== -1) throw new UsageError(`--${name} takes no value (got "${arg.slice(equals + 1)}")`);
    return { values: [[name, true]], consumedNext: false };
  }
  if (equals !== -1) return { values: [[name, arg.slice(equals + 1)]], consumedNext: false };
  return { values: [[name, valueAfter(`--${name}`, spec, next, options)]], consumedNext: true };
}

function readShort(arg: string, next: string | undefined, options: OptionTable): Taken {
  const byShort = new Map(Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  const values: Array<[string, boolean | string]> = [];
  for (let k = 1; k < arg.length; k++) {
    const name = byShort.get(arg[k]!);
    if (name === undefined) {
      const long = closest(arg.slice(1), Object.keys(options));
      throw new UsageError(`unknown option -${arg[k]}${arg.length > 2 ? ` in ${arg}` : ''}${long ? ` (did you mean --${long}?)` : ''}`);
    }
    const spec = options[name]!;
    if (spec.type === 'boolean') {
      values.push([name, true]);
      continue;
    }
    // `-j4`: the rest of the argument is the value; `-j 4`: the next argument is.
    if (k + 1 < arg.length) return { values: [...values, [name, arg.slice(k + 1)]], consumedNext: false };
    return { values: [...values, [name, valueAfter(`-${arg[k]}`, spec, next, options)]], consumedNext: true };
  }
  return { values, consumedNext: false };
}

/** Spaces between the widest option and the help texts. */
const HELP_TEXT_GAP = 4;

/** `  -o, --out <dir>`: an option as the help shows it. */
function flags([name, spec]: readonly [string, OptionSpec]): string {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  return `  ${short}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`;
}

/** Where the help texts of these options start: just right of the widest. */
export function helpColumn(options: ReadonlyArray<readonly [string, OptionSpec]>): number {
  return Math.max(...options.map((option) => flags(option).length)) + HELP_TEXT_GAP;
}

/** The help lines of some options, their texts starting at `column`. */
export function formatOptions(options: ReadonlyArray<readonly [string, OptionSpec]>, column = helpColumn(options)): string {
  return options.map((option) => flags(option).padEnd(column) + option[1].help).join('\n');
}
