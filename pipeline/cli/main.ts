/**
 * undoc's command line: picks the command from the table, parses its options, runs it, turns
 * every outcome into an exit status and every error into one line. The help and the usage lines
 * are written from the same table. bin/undoc.js calls `main`.
 */
import { formatOptions, helpColumn, HELP, type Command, type OptionSpec } from './command.js';
import { alignCommand } from './commands/align.js';
import { convertCommand } from './commands/convert.js';
import { inspectCommand } from './commands/inspect.js';
import { DEBUG, EXIT, firstLine, InputError, isEnvironmentError, MismatchError, UsageError } from './exit.js';
import { escapeControls } from './format.js';
import { closest } from './suggest.js';
import { readVersions } from './versions.js';

/** Every command, in the order the help lists them; the first is the one a stray argument most likely meant. */
const COMMANDS: ReadonlyArray<Command<unknown>> = [convertCommand, inspectCommand, alignCommand];

/** undoc's own description and exit statuses, on its help page around the commands. */
const INTRO = `Convert UN document PDFs into JSON, Markdown and HTML. A directory means every *.pdf under it;
outputs mirror the inputs' relative paths (input/a/X.pdf -> <out>/a/X.json, X.md, X.html).`;
const EXIT_STATUS = `Exit status: 0 all documents converted or up to date, 1 one or more failed (other than
--known-failure ones) or --check found work to do, 2 usage error, 3 environment error naming no
document (output directory missing, read-only or full; manifest or lock not writable), 129 hangup,
130 interrupted, 143 terminated.`;

/** Runs undoc with `argv` (the arguments after the script) and returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  // A reader that stops early (`undoc inspect … | head`) closes the pipe: not an error of ours.
  // `convert` goes on without its log, so that the batch completes (and reports its real status)
  // and its lock is released; any other command stops there, having nothing left to do.
  const onClosedLog = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    if (first !== 'convert') process.exit(process.exitCode ?? EXIT.ok);
  };
  process.stdout.on('error', onClosedLog);
  process.stderr.on('error', onClosedLog);
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return printHelp(undocHelp());
  if (first === '--version' || first === '-V') {
    const versions = readVersions();
    process.stdout.write(`undoc ${versions.version} (converter ${versions.converter}, document schema ${versions.schema})\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command) return runCommand(command, rest);
  const names = COMMANDS.map((candidate) => candidate.name);
  const suggestion = closest(first, names);
  const reason = first.startsWith('-')
    ? `unknown option ${first} before the command`
    : suggestion
      ? `unknown command "${first}" (did you mean ${suggestion}?)`
      : `unknown command "${first}" (expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)})`;
  return reportError(new UsageError(reason), COMMANDS[0]!);
}

/** Parses and runs one command with the arguments after its name; returns the exit status. */
export async function runCommand<Options>(command: Command<Options>, argv: readonly string[]): Promise<number> {
  try {
    const options = command.parse(argv);
    if (options === HELP) return printHelp(command.page ? commandHelp(command) : undocHelp());
    return await command.run(options);
  } catch (error) {
    return reportError(error, command);
  }
}

/** One line on stderr for `error` (plus the usage line for a usage error); its exit status. */
function reportError(error: unknown, command: Command<unknown>): number {
  if (error instanceof UsageError || error instanceof InputError) {
    process.stderr.write(`undoc: ${escapeControls(error.message)}\n`);
    if (error instanceof UsageError) process.stderr.write(usageLine(command) + '\n');
    return error instanceof MismatchError ? EXIT.mismatch : EXIT.usage;
  }
  if (DEBUG) console.error(error);
  if (isEnvironmentError(error)) {
    process.stderr.write(`undoc: ${escapeControls(firstLine(error))}\n`);
    return EXIT.environment;
  }
  process.stderr.write(`undoc: ${escapeControls(firstLine(error))}${DEBUG ? '' : ' (UNDOC_DEBUG=1 shows the stack trace)'}\n`);
  return EXIT.failed;
}

function printHelp(text: string): number {
  process.stdout.write(text + '\n');
  return EXIT.ok;
}

/** `usage: undoc inspect <file.pdf> --stage <name>; undoc --help for more`: under a usage error. */
function usageLine(command: Command<unknown>): string {
  const help = command.page ? `undoc ${command.name} --help` : 'undoc --help';
  return `usage: undoc ${command.name} ${command.synopsis}; ${help} for more`;
}

/** The options a help page lists: those of undoc's page leave out --help, which its usage shows. */
function listedOptions(command: Command<unknown>, withHelp: boolean): Array<[string, OptionSpec]> {
  return Object.entries(command.options).filter(([name]) => withHelp || name !== 'help');
}

/** `undoc --help`: every command's usage, then the options of those without a page of their own. */
function undocHelp(): string {
  const usage = ['Usage:', ...COMMANDS.map((command) => `  undoc ${command.name} ${command.synopsis}`), '  undoc --help | --version'];
  const listed = COMMANDS.filter((command) => !command.page);
  const column = helpColumn(listed.flatMap((command) => listedOptions(command, false)));
  const sections = COMMANDS.map((command) =>
    command.page
      ? `${command.name}: ${command.page.summary}\n(undoc ${command.name} --help for its options).`
      : `${command.name} options:\n${formatOptions(listedOptions(command, false), column)}`,
  );
  return [usage.join('\n'), INTRO, ...sections, EXIT_STATUS].join('\n\n');
}

/** `undoc <command> --help` for a command with a page of its own. */
function commandHelp(command: Command<unknown>): string {
  const { description, notes } = command.page!;
  const usage = `Usage:\n  undoc ${command.name} ${command.synopsis}`;
  return [usage, description, `options:\n${formatOptions(listedOptions(command, true))}`, notes].join('\n\n');
}
