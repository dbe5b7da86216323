/**
 * What an undoc command is: a name, its options described once (for the parser and the help
 * alike), a parser from argv to typed options, and a runner that returns the exit status.
 *
 * Built on node:util parseArgs so the CLI has no dependency of its own. Nothing here touches the
 * file system or loads the pipeline: `undoc --help` must answer instantly.
 */
import { parseArgs } from 'node:util';
import { firstLine, UsageError } from './exit.js';

/** One option: how parseArgs reads it, and its line in the help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
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

/** What parseOptions returns, spelled out so that the declaration build (`.d.ts`) can name it. */
type ParsedOptions<T extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/** parseArgs with its errors turned into UsageError; its messages are one sentence, sometimes followed by advice meant for scripts. */
export function parseOptions<T extends OptionTable>(argv: readonly string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(firstLine(error).replace(/\. To specify a positional.*$/, ''));
  }
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
