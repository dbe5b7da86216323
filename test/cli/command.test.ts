/** The command table's shared parts: option help lines, parse errors as UsageError, the first line of an error. */
import { describe, expect, it } from 'vitest';
import { formatOptions, HELP, helpColumn, parseOptions, type OptionSpec } from '../../pipeline/cli/command.js';
import { alignCommand } from '../../pipeline/cli/commands/align.js';
import { inspectCommand } from '../../pipeline/cli/commands/inspect.js';
import { firstLine, UsageError } from '../../pipeline/cli/exit.js';

describe('option help', () => {
  const options: Array<[string, OptionSpec]> = [
    ['out', { type: 'string', short: 'o', value: '<file>', help: 'write the JSON there' }],
    ['tsv', { type: 'string', value: '<file>', help: 'write a TSV there' }],
  ];

  it('puts every help text in one column, four spaces right of the widest option', () => {
    expect(helpColumn(options)).toBe('  -o, --out <file>'.length + 4);
    expect(formatOptions(options).split('\n')).toEqual([
      '  -o, --out <file>    write the JSON there',
      '      --tsv <file>    write a TSV there',
    ]);
  });

  it('takes the column of a page that lists several commands', () => {
    expect(formatOptions(options.slice(1), 30)).toBe('      --tsv <file>'.padEnd(30) + 'write a TSV there');
  });
});

describe('parsing', () => {
  it('turns a parseArgs error into a UsageError of one sentence', () => {
    expect(() => parseOptions(['--colour'], alignCommand.options)).toThrow(UsageError);
    expect(() => parseOptions(['--colour'], alignCommand.options)).toThrow(/^Unknown option '--colour'$/);
  });

  it('answers --help before checking the rest of the command line', () => {
    expect(inspectCommand.parse(['--help'])).toBe(HELP);
    expect(alignCommand.parse(['-h'])).toBe(HELP);
  });
});

describe('firstLine', () => {
  it('keeps the first line of a message, of an error or of anything thrown', () => {
    expect(firstLine(new Error('damaged PDF: bad xref\n    at parse (pdf.js:1)'))).toBe('damaged PDF: bad xref');
    expect(firstLine('plain\nrest')).toBe('plain');
  });
});
