/** The command table's shared parts: option help lines, the parser and its errors (UsageError, with suggestions), the first line of an error. */
import { describe, expect, it } from 'vitest';
import { formatOptions, HELP, helpColumn, parseOptions, type OptionSpec } from '../../pipeline/cli/command.js';
import { alignCommand } from '../../pipeline/cli/commands/align.js';
import { inspectCommand } from '../../pipeline/cli/commands/inspect.js';
import { firstLine, UsageError } from '../../pipeline/cli/exit.js';
import { closest, editDistance } from '../../pipeline/cli/suggest.js';

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
  const table = {
    out: { type: 'string', short: 'o', value: '<dir>', help: '' },
    format: { type: 'string', short: 'f', value: '<list>', help: '' },
    timeout: { type: 'string', value: '<sec>', help: '' },
    exclude: { type: 'string', multiple: true, value: '<glob>', help: '' },
    quiet: { type: 'boolean', short: 'q', help: '' },
    verbose: { type: 'boolean', short: 'v', help: '' },
  } as const satisfies Record<string, OptionSpec>;

  it('reads long and short options, joined values, grouped flags, repeated options and --', () => {
    const { values, positionals } = parseOptions(
      ['in', '--out=o', '-fmd', '-qv', '--exclude', 'a/**', '--exclude=*.scan.pdf', '-', '--', '--quiet'],
      table,
    );
    expect(values).toEqual({ out: 'o', format: 'md', quiet: true, verbose: true, exclude: ['a/**', '*.scan.pdf'] });
    expect(positionals).toEqual(['in', '-', '--quiet']);
    expect(parseOptions(['-o', '-'], table).values.out).toBe('-');
  });

  it('gives a value that begins with - to its option, for the value check to judge (--timeout -1)', () => {
    expect(parseOptions(['--timeout', '-1'], table).values.timeout).toBe('-1');
  });

  it('names the option a mistyped one most likely meant, in its own words', () => {
    expect(() => parseOptions(['--fromat', 'md'], table)).toThrow(new UsageError('unknown option --fromat (did you mean --format?)'));
    expect(() => parseOptions(['--form', 'md'], table)).toThrow(new UsageError('unknown option --form (did you mean --format?)'));
    expect(() => parseOptions(['--colour'], table)).toThrow(new UsageError('unknown option --colour'));
    expect(() => parseOptions(['-x'], table)).toThrow(new UsageError('unknown option -x'));
    expect(() => parseOptions(['--colour'], alignCommand.options)).toThrow(UsageError);
  });

  it('says when a value is missing or given to a flag', () => {
    expect(() => parseOptions(['--out'], table)).toThrow(new UsageError('--out needs a value (<dir>)'));
    expect(() => parseOptions(['--out', '--quiet'], table)).toThrow(new UsageError('--out needs a value (<dir>)'));
    expect(() => parseOptions(['-o', '-q'], table)).toThrow(new UsageError('-o needs a value (<dir>)'));
    expect(() => parseOptions(['--quiet=yes'], table)).toThrow(new UsageError('--quiet takes no value (got "yes")'));
  });

  it('answers --help before checking the rest of the command line', () => {
    expect(inspectCommand.parse(['--help'])).toBe(HELP);
    expect(alignCommand.parse(['-h'])).toBe(HELP);
  });
});

describe('suggestions', () => {
  it('counts a swap of two letters as one edit and suggests only what is close', () => {
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('conver', ['convert', 'inspect', 'align'])).toBe('convert');
    expect(closest('inpsect', ['convert', 'inspect', 'align'])).toBe('inspect');
    expect(closest('zzz', ['convert', 'inspect', 'align'])).toBeNull();
  });
});

describe('firstLine', () => {
  it('keeps the first line of a message, of an error or of anything thrown', () => {
    expect(firstLine(new Error('damaged PDF: bad xref\n    at parse (pdf.js:1)'))).toBe('damaged PDF: bad xref');
    expect(firstLine('plain\nrest')).toBe('plain');
  });
});
