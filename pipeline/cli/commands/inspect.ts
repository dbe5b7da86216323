/**
 * `undoc inspect FILE --stage NAME`: one stage's intermediate result as JSON on stdout, to see
 * what a stage made of a document when its output looks wrong.
 */
import { readFile } from 'node:fs/promises';
import { HELP, HELP_OPTION, parseOptions, type Command, type OptionTable } from '../command.js';
import { EXIT, UsageError } from '../exit.js';

export interface InspectOptions {
  file: string;
  stage: string;
}

const OPTIONS = {
  stage: { type: 'string', value: '<name>', help: "print that stage's intermediate result as JSON" },
  help: HELP_OPTION,
} as const satisfies OptionTable;

export const inspectCommand: Command<InspectOptions> = {
  name: 'inspect',
  synopsis: '<file.pdf> --stage <name>',
  options: OPTIONS,
  parse(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (values.help) return HELP;
    if (positionals.length !== 1) throw new UsageError('inspect takes exactly one PDF file');
    if (!values.stage) throw new UsageError('inspect needs --stage <name>');
    return { file: positionals[0]!, stage: values.stage };
  },
  run: runInspect,
};

async function runInspect(options: InspectOptions): Promise<number> {
  // The pipeline (pdf.js, ajv) is loaded only now: parsing arguments and --help stay instant.
  const { ConversionError, STAGE_NAMES, inspectStage } = await import('../../convert.js');
  const stage = STAGE_NAMES.find((name) => name === options.stage);
  if (!stage) throw new UsageError(`--stage: unknown stage "${options.stage}" (stages: ${STAGE_NAMES.join(', ')})`);
  let data: Uint8Array;
  try {
    data = await readFile(options.file);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    throw new UsageError(`${options.file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
  }
  try {
    const result = await inspectStage(data, options.file.split(/[\\/]/).pop()!, stage);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    process.stderr.write(`failed ${options.file}: ${error.message}\n`);
    return EXIT.failed;
  }
}
