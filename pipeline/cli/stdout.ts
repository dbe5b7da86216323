/**
 * `undoc convert X.pdf --stdout --format md` (or `-o -`): one document, one format, written to
 * standard output for a pipe. A thin layer over the library API (pipeline/index.ts): no output
 * directory, manifest or lock, and a failure is one line on stderr with exit status 1.
 */
import { basename } from 'node:path';
import { ConversionError, convert, emit } from '../index.js';
import type { ConvertOptions } from './commands/convert.js';
import { EXIT, firstLine, UsageError } from './exit.js';
import type { InputDocument } from './inputs.js';

export async function convertToStdout(inputs: readonly InputDocument[], options: ConvertOptions): Promise<number> {
  if (inputs.length !== 1) {
    throw new UsageError(`--stdout writes one document, but the inputs hold ${inputs.length} PDFs (name one file, or use --out <dir>)`);
  }
  const [input] = inputs as [InputDocument];
  const format = options.formats[0]!;
  // The command refuses csv with --stdout before any input is read (one file per table).
  if (format === 'csv') throw new UsageError('--stdout cannot write csv (one file per table): use --out <dir>');
  try {
    const document = await convert(input.path, {
      file: basename(input.path),
      timeout: options.timeoutMs,
      ...(options.pages ? { pages: options.pages.ranges } : {}),
    });
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(emit(document, format), (error) => (error ? reject(error) : resolve())),
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    process.stderr.write(`failed ${input.display}: ${firstLine(error)}\n`);
    return EXIT.failed;
  }
}
