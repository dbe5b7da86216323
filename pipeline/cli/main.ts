/**
 * undoc's command line: parses the arguments, runs the command, turns every outcome into an exit
 * status and every error into one line. bin/undoc.js calls `main`.
 */
import { parseCommandLine, USAGE, UsageError } from './args.js';
import { EXIT } from './batch.js';
import { readVersions } from './versions.js';

/** Set UNDOC_DEBUG=1 to see the stack trace of unexpected errors. */
const DEBUG = process.env.UNDOC_DEBUG === '1';

/** Shown under a usage error: the synopsis of the command that was meant. */
const USAGE_HINTS = {
  convert: 'usage: undoc convert <file|dir|glob>... --out <dir> [options]; undoc --help for more',
  inspect: 'usage: undoc inspect <file.pdf> --stage <name>; undoc --help for more',
};

/** Runs undoc with `argv` (the arguments after the script) and returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`undoc inspect … | head`) closes the pipe: not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  try {
    // `align` reads converted JSON, not PDFs: a command of its own with its own options.
    if (argv[0] === 'align') {
      const { runAlign } = await import('./align.js');
      return await runAlign(argv.slice(1));
    }
    const command = parseCommandLine(argv);
    switch (command.command) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return EXIT.ok;
      case 'version': {
        const versions = readVersions();
        process.stdout.write(`undoc ${versions.version} (converter ${versions.converter}, document schema ${versions.schema})\n`);
        return EXIT.ok;
      }
      case 'convert': {
        const { runConvert } = await import('./batch.js');
        return await runConvert(command);
      }
      case 'inspect': {
        const { runInspect } = await import('./inspect.js');
        return await runInspect(command);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`undoc: ${error.message}`);
      console.error(argv[0] === 'inspect' ? USAGE_HINTS.inspect : USAGE_HINTS.convert);
      return EXIT.usage;
    }
    if (DEBUG) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`undoc: ${message.split('\n')[0]}${DEBUG ? '' : ' (UNDOC_DEBUG=1 shows the stack trace)'}`);
    return EXIT.failed;
  }
}
