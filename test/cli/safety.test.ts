/**
 * What users leaving undoc on ten thousand PDFs rely on: a killed or interrupted run leaves only
 * whole files and the next run completes the work; a stuck document is stopped by --timeout; the
 * output bytes do not depend on --jobs; shards split the inputs without overlap.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLI_TEST_TIMEOUT_MS,
  copyReplica,
  lines,
  makeTempDir,
  readTree,
  runCli,
  startCli,
  validateOutputJson,
  waitFor,
} from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

const COPIES = ['doc1.pdf', 'doc2.pdf', 'doc3.pdf', 'doc4.pdf', 'doc5.pdf'];

async function anyJsonWritten(out: string): Promise<boolean> {
  return (await readdir(out).catch(() => [] as string[])).some((name) => name.endsWith('.json') && !name.startsWith('.'));
}

/** Every visible output is whole: each JSON parses and validates; no temporary file is visible. */
async function expectOnlyWholeOutputs(out: string): Promise<void> {
  for (const name of await readdir(out)) {
    expect(name, 'temporary files are hidden').not.toMatch(/^[^.].*undoc-tmp/);
    if (name.endsWith('.json') && !name.startsWith('.')) expect(await validateOutputJson(join(out, name)), name).toEqual([]);
  }
}

async function expectComplete(out: string): Promise<void> {
  const names = (await readdir(out)).sort();
  // Each copy of the replica gives its JSON, Markdown and HTML and the CSV of its annex timetable.
  const expected = COPIES.flatMap((copy) =>
    ['annex-1-table-1.csv', 'html', 'json', 'md'].map((extension) => copy.replace(/pdf$/, extension)),
  );
  expect(names).toEqual(['.undoc-manifest.json', ...expected].sort());
  await expectOnlyWholeOutputs(out);
}

describe('interrupted runs', () => {
  it(
    'SIGKILL midway, then a rerun: outputs complete and valid, nothing left behind',
    async () => {
      await copyReplica(
        dir,
        COPIES.map((name) => `in/${name}`),
      );
      const out = join(dir, 'out');
      const { child, done } = startCli(['convert', 'in', '--out', 'out', '--jobs', '2'], dir);
      await waitFor(() => anyJsonWritten(out), CLI_TEST_TIMEOUT_MS / 2);
      child.kill('SIGKILL');
      const killed = await done;
      expect(killed.signal).toBe('SIGKILL');
      await expectOnlyWholeOutputs(out);

      const rerun = await runCli(['convert', 'in', '--out', 'out', '--jobs', '2'], dir);
      expect(rerun.code).toBe(0);
      await expectComplete(out);
      expect(existsSync(join(out, '.undoc-lock')), "the dead run's lock was taken over and released").toBe(false);
      expect(existsSync(join(out, '.undoc-manifest.journal'))).toBe(false);
      expect((await runCli(['convert', 'in', '--out', 'out', '--check'], dir)).code).toBe(0);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'Ctrl-C stops dispatching, finishes what is in flight, prints a summary and exits 130',
    async () => {
      await copyReplica(
        dir,
        COPIES.map((name) => `in/${name}`),
      );
      const out = join(dir, 'out');
      const { child, done } = startCli(['convert', 'in', '--out', 'out', '--jobs', '1', '--report', 'report.json'], dir);
      await waitFor(() => anyJsonWritten(out), CLI_TEST_TIMEOUT_MS / 2);
      child.kill('SIGINT');
      const interrupted = await done;
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toMatch(/^undoc: interrupted: converting no more documents/m);
      expect(interrupted.stdout).toMatch(/^interrupted: \d+ converted, 0 unchanged, 0 failed, 0 removed; /m);
      await expectOnlyWholeOutputs(out);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.interrupted).toBe(true);
      expect(report.totals.converted).toBeLessThan(COPIES.length);

      // The manifest kept what the interrupted run did: the rerun converts only the rest.
      const rerun = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(rerun.code).toBe(0);
      const convertedNow = lines(rerun.stdout).filter((line) => line.startsWith('converted ')).length;
      expect(convertedNow).toBe(COPIES.length - report.totals.converted);
      await expectComplete(out);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('per-document time limit', () => {
  it(
    'stops a document that exceeds --timeout, replaces its worker and goes on',
    async () => {
      await copyReplica(dir, ['in/first.pdf', 'in/second.pdf']);
      // No real conversion finishes in a millisecond: both documents hit the limit, the second on a fresh worker.
      const result = await runCli(['convert', 'in', '--out', 'out', '--jobs', '1', '--timeout', '0.001'], dir);
      expect(result.code).toBe(1);
      expect(lines(result.stderr).sort()).toEqual([
        'failed in/first.pdf: timeout: stopped after 0.001 s (--timeout)',
        'failed in/second.pdf: timeout: stopped after 0.001 s (--timeout)',
      ]);
      expect(existsSync(join(dir, 'out', 'first.json'))).toBe(false);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('determinism and sharding', () => {
  it(
    '--jobs 1 and --jobs 2 give byte-identical output trees',
    async () => {
      await copyReplica(dir, ['in/a.pdf', 'in/b.pdf', 'in/nested/c.pdf']);
      expect((await runCli(['convert', 'in', '--out', 'one', '--jobs', '1'], dir)).code).toBe(0);
      expect((await runCli(['convert', 'in', '--out', 'two', '--jobs', '2'], dir)).code).toBe(0);
      const one = await readTree(join(dir, 'one'));
      const two = await readTree(join(dir, 'two'));
      expect([...one.keys()]).toEqual([...two.keys()]);
      expect(one.size).toBe(13); // 3 documents × 4 files (JSON, Markdown, HTML, the timetable's CSV) + the manifest
      for (const [path, bytes] of one) expect(bytes.equals(two.get(path)!), path).toBe(true);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    '--shard 1/2 and --shard 2/2 together convert every document exactly once',
    async () => {
      await copyReplica(
        dir,
        COPIES.map((name) => `in/${name}`),
      );
      const converted: string[][] = [];
      for (const shard of ['1/2', '2/2']) {
        const result = await runCli(
          ['convert', 'in', '--out', 'out', '--format', 'json', '--shard', shard, '--report', `report-${shard[0]}.json`],
          dir,
        );
        expect(result.code).toBe(0);
        const report = JSON.parse(await readFile(join(dir, `report-${shard[0]}.json`), 'utf8'));
        expect(report.options.shard).toBe(shard);
        // The second shard writes into the same directory and must not take the first one's outputs for orphans.
        expect(report.totals.removed).toBe(0);
        converted.push(report.documents.filter((d: { status: string }) => d.status === 'converted').map((d: { input: string }) => d.input));
      }
      const all = [...converted[0]!, ...converted[1]!].sort();
      expect(all).toEqual(COPIES.map((name) => `in/${name}`));
      expect((await runCli(['convert', 'in', '--out', 'out', '--format', 'json', '--check'], dir)).code).toBe(0);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
