/** The command line's contract outside conversion: usage errors (exit 2), --help, --version, inspect. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, copyReplica, lines, makeTempDir, runCli } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
  await copyReplica(dir, ['in/A_61_187-fr.pdf']);
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'empty', 'notes.txt'), 'no PDF here');
});
afterAll(() => cleanup());

describe('usage errors: exit 2, one line naming the problem, then the usage hint', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no command', [], /^Usage:/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['convert without inputs', ['convert', '--out', 'out'], /at least one input/],
    ['convert without --out', ['convert', 'in'], /needs --out/],
    ['unknown option', ['convert', 'in', '--out', 'out', '--colour'], /^undoc: unknown option --colour$/],
    ['mistyped option', ['convert', 'in', '--out', 'out', '--fromat', 'md'], /unknown option --fromat \(did you mean --format\?\)/],
    ['mistyped command', ['conver', 'in'], /unknown command "conver" \(did you mean convert\?\)/],
    ['option without its value', ['convert', 'in', '--out'], /^undoc: --out needs a value \(<dir>\)$/],
    ['--jobs 0', ['convert', 'in', '--out', 'out', '--jobs', '0'], /--jobs: expected a positive whole number/],
    ['--shard 3/2', ['convert', 'in', '--out', 'out', '--shard', '3/2'], /--shard: expected K\/N/],
    ['--format pdf', ['convert', 'in', '--out', 'out', '--format', 'json,pdf'], /unknown format "pdf"/],
    ['--timeout soon', ['convert', 'in', '--out', 'out', '--timeout', 'soon'], /--timeout: expected a positive number/],
    [
      '--timeout -1',
      ['convert', 'in', '--out', 'out', '--timeout', '-1'],
      /^undoc: --timeout: expected a positive number of seconds, got "-1"$/,
    ],
    ['--pages 3-1', ['convert', 'in', '--out', 'out', '--pages', '3-1'], /--pages: expected page numbers and ranges from 1/],
    ['--stdout without --format', ['convert', 'in', '--stdout'], /--stdout writes one format: add --format/],
    ['-o - with two formats', ['convert', 'in', '-o', '-', '-f', 'md,json'], /--stdout writes one format/],
    ['--stdout with --check', ['convert', 'in', '--stdout', '-f', 'md', '--check'], /--check cannot be combined with --stdout/],
    ['--stdout with --out', ['convert', 'in', '--stdout', '-f', 'md', '--out', 'out'], /--stdout and --out <dir> cannot be combined/],
    ['directory without PDFs', ['convert', 'empty', '--out', 'out'], /^undoc: empty: no PDF in this directory$/],
    ['everything excluded', ['convert', 'in', '--out', 'out', '--exclude', '*-fr.pdf'], /--exclude leaves none of the 1 PDF found/],
    ['--check with --force', ['convert', 'in', '--out', 'out', '--check', '--force'], /cannot be combined/],
    ['missing input', ['convert', 'nowhere', '--out', 'out'], /nowhere: no such file or directory/],
    ['glob matching nothing', ['convert', 'in/**/*.docx.pdf', '--out', 'out'], /no PDF matches/],
    ['inspect without --stage', ['inspect', 'in/A_61_187-fr.pdf'], /needs --stage/],
    ['inspect with an unknown stage', ['inspect', 'in/A_61_187-fr.pdf', '--stage', 'ocr'], /unknown stage "ocr"/],
  ];
  for (const [name, args, message] of cases) {
    it(
      name,
      async () => {
        const result = await runCli(args, dir);
        if (args.length === 0) {
          // Bare `undoc` is a request for help, not an error.
          expect(result.code).toBe(0);
          expect(result.stdout).toMatch(message);
          return;
        }
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        const [first, hint, ...rest] = lines(result.stderr);
        expect(first).toMatch(/^undoc: /);
        expect(first).toMatch(message);
        expect(hint).toMatch(args[0] === 'inspect' ? /^usage: undoc inspect / : /^usage: undoc convert /);
        expect(rest).toEqual([]);
      },
      CLI_TEST_TIMEOUT_MS,
    );
  }

  it('writes nothing when the command line is wrong', async () => {
    await runCli(['convert', 'in', '--out', 'never', '--jobs', 'many'], dir);
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${dir}/never`)).toBe(false);
  });
});

describe('help and version', () => {
  it('--help prints the usage with every convert option', async () => {
    const result = await runCli(['--help'], dir);
    expect(result.code).toBe(0);
    for (const option of [
      '--out',
      '--stdout',
      '--format',
      '--pages',
      '--exclude',
      '--known-failure',
      '--jobs',
      '--force',
      '--check',
      '--report',
      '--shard',
      '--timeout',
      '--quiet',
    ]) {
      expect(result.stdout).toContain(option);
    }
  });

  it('--version names the converter and schema versions that key the manifest', async () => {
    const result = await runCli(['--version'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^undoc \d+\.\d+\.\d+ \(converter \S+, document schema \d+\.\d+\.\d+\)\n$/);
  });
});

describe('inspect', () => {
  it(
    'prints the extract stage of A/61/187 as JSON',
    async () => {
      const result = await runCli(['inspect', 'in/A_61_187-fr.pdf', '--stage', 'extract'], dir);
      expect(result.code).toBe(0);
      const inspected = JSON.parse(result.stdout) as { stage: string; result: { pages: unknown[] } };
      expect(inspected.stage).toBe('extract');
      expect(inspected.result.pages.length).toBeGreaterThan(0);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
