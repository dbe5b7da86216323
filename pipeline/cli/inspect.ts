/**
 * `undoc inspect FILE --stage NAME`: one stage's intermediate result as JSON on stdout, to see
 * what a stage made of a document when its output looks wrong.
 */
import { readFile } from 'node:fs/promises';
import { UsageError, type InspectOptions } from './args.js';
import { EXIT } from './batch.js';

/** Runs `undoc inspect` and returns its exit status. Throws UsageError for a bad command line. */
export async function runInspect(options: InspectOptions): Promise<number> {
  // The pipeline (pdf.js, ajv) is loaded only now: parsing arguments and --help stay instant.
  const { ConversionError, STAGE_NAMES, inspectStage } = await import('../convert.js');
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
    console.error(`failed ${options.file}: ${error.message}`);
    return EXIT.failed;
  }
}
