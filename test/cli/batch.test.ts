/**
 * `undoc convert` over batches: bad files among good ones, incremental reruns, --check, removal of
 * outputs whose source is gone, and the --report file.
 */
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BAD_PDFS,
  CLI_TEST_TIMEOUT_MS,
  copyReplica,
  HAVE_SHARED,
  lines,
  makeTempDir,
  readMtimes,
  readTree,
  runCli,
  validateOutputJson,
} from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

/** What each file of ../shared/corpus/bad must be refused for (corpus/bad/README.md). */
const EXPECTED_CAUSES: Record<string, RegExp> = {
  'empty.pdf': /empty/,
  'not-a-pdf.pdf': /not a PDF/,
  'truncated.pdf': /damaged|unreadable/,
  'garbage.pdf': /damaged|unreadable/,
  'encrypted.pdf': /encrypted: a password is required/,
  'scanned.pdf': /no text layer/,
};

describe.skipIf(!HAVE_SHARED)('bad files mixed with the good replica (needs ../shared/corpus/bad)', () => {
  it(
    'fails each bad file in one line naming file and cause, converts the good one, exits 1',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      for (const name of Object.keys(EXPECTED_CAUSES)) await copyFile(join(BAD_PDFS, name), join(dir, 'in', name));
      const result = await runCli(['convert', 'in', '--out', 'out', '--report', 'report.json'], dir);

      expect(result.code).toBe(1);
      const failures = lines(result.stderr);
      expect(failures).toHaveLength(Object.keys(EXPECTED_CAUSES).length);
      for (const [name, cause] of Object.entries(EXPECTED_CAUSES)) {
        const line = failures.filter((failure) => failure.startsWith(`failed in/${name}: `));
        expect(line, name).toHaveLength(1);
        expect(line[0], name).toMatch(cause);
      }
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.stdout).toMatch(/^converted in\/A_61_187-fr\.pdf \(\d+ pages, \d+ ms\)$/m);

      expect(await validateOutputJson(join(dir, 'out', 'A_61_187-fr.json'))).toEqual([]);
      for (const extension of ['md', 'html']) {
        expect((await readFile(join(dir, 'out', `A_61_187-fr.${extension}`), 'utf8')).length).toBeGreaterThan(0);
      }
      // Nothing at all is written for a failed document.
      const written = (await readdir(join(dir, 'out'))).filter((name) => !name.startsWith('.'));
      expect(written.sort()).toEqual(['A_61_187-fr.annex-1-table-1.csv', 'A_61_187-fr.html', 'A_61_187-fr.json', 'A_61_187-fr.md']);

      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.totals).toMatchObject({ documents: 7, converted: 1, failed: 6, unchanged: 0, removed: 0 });
      expect(report.documents.map((document: { input: string }) => document.input)).toEqual(
        [...Object.keys(EXPECTED_CAUSES), 'A_61_187-fr.pdf'].map((name) => `in/${name}`).sort(),
      );
      const good = report.documents.find((document: { input: string }) => document.input === 'in/A_61_187-fr.pdf');
      expect(good).toMatchObject({
        status: 'converted',
        outputs: ['out/A_61_187-fr.json', 'out/A_61_187-fr.md', 'out/A_61_187-fr.html', 'out/A_61_187-fr.annex-1-table-1.csv'],
      });
      expect(good.pages).toBeGreaterThan(0);
      // The pdf.js work beyond text: the drawings of the annex timetable's page among few others.
      expect(good.drawnPages).toContain(20);
      expect(good.drawnPages.length).toBeLessThan(good.pages / 2);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('incremental regeneration', () => {
  it(
    'a second run says unchanged and writes nothing',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf', 'in/sub/copy.pdf']);
      const first = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(first.code).toBe(0);
      expect(lines(first.stdout).filter((line) => line.startsWith('converted '))).toHaveLength(2);
      expect(existsSync(join(dir, 'out', 'sub', 'copy.json'))).toBe(true); // mirrors in/sub/copy.pdf

      const before = await readTree(join(dir, 'out'));
      const mtimesBefore = await readMtimes(join(dir, 'out'));
      const second = await runCli(['convert', 'in', '--out', 'out', '--report', 'report.json'], dir);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(
        /^unchanged 2 documents: the manifest records the same source sha256, converter \S+, schema \S+ and formats json,md,html,csv \(--force reconverts them\)$/m,
      );
      expect(second.stdout).not.toMatch(/^converted /m);
      expect(await readTree(join(dir, 'out'))).toEqual(before);
      expect(await readMtimes(join(dir, 'out'))).toEqual(mtimesBefore);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.totals).toMatchObject({ documents: 2, unchanged: 2, converted: 0 });

      const verbose = await runCli(['convert', 'in', '--out', 'out', '--verbose'], dir);
      expect(lines(verbose.stdout).filter((line) => /^unchanged in\/\S+: source sha256 [0-9a-f]{12}, /.test(line))).toHaveLength(2);

      const forced = await runCli(['convert', 'in', '--out', 'out', '--force'], dir);
      expect(forced.code).toBe(0);
      expect(lines(forced.stdout).filter((line) => line.startsWith('converted '))).toHaveLength(2);
      // Same input, same bytes.
      expect(await readTree(join(dir, 'out'))).toEqual(before);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    '--check before and after a source change; replacing one PDF reconverts exactly that one',
    async () => {
      await copyReplica(dir, ['in/a.pdf', 'in/b.pdf']);
      const missing = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(/^missing in\/a\.pdf: not converted yet$/m);
      expect(existsSync(join(dir, 'out'))).toBe(false); // a check writes nothing

      expect((await runCli(['convert', 'in', '--out', 'out'], dir)).code).toBe(0);
      const upToDate = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(upToDate.code).toBe(0);
      expect(upToDate.stdout).toMatch(/^check: 2 documents up to date$/m);

      // Bytes after %%EOF are ignored by PDF readers: a changed file, still a valid PDF.
      await appendFile(join(dir, 'in', 'b.pdf'), '\n% revised\n');
      const before = await readTree(join(dir, 'out'));
      const stale = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(stale.code).toBe(1);
      expect(stale.stdout).toMatch(/^stale in\/b\.pdf: source changed \(sha256 [0-9a-f]{12} -> [0-9a-f]{12}\)$/m);
      expect(stale.stdout).not.toMatch(/in\/a\.pdf/);
      expect(await readTree(join(dir, 'out'))).toEqual(before);

      const rerun = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(rerun.code).toBe(0);
      expect(lines(rerun.stdout).filter((line) => line.startsWith('converted '))).toEqual([
        expect.stringMatching(/^converted in\/b\.pdf /),
      ]);
      expect((await runCli(['convert', 'in', '--out', 'out', '--check'], dir)).code).toBe(0);

      // An output edited or deleted by hand is stale too.
      await rm(join(dir, 'out', 'a.md'));
      const damaged = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(damaged.code).toBe(1);
      expect(damaged.stdout).toMatch(/^stale in\/a\.pdf: output a\.md is missing$/m);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'removing a source removes its outputs',
    async () => {
      await copyReplica(dir, ['in/keep.pdf', 'in/gone/drop.pdf']);
      expect((await runCli(['convert', 'in', '--out', 'out'], dir)).code).toBe(0);
      await rm(join(dir, 'in', 'gone', 'drop.pdf'));

      const check = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(
        /^orphaned out\/gone\/drop\.json, out\/gone\/drop\.md, out\/gone\/drop\.html, out\/gone\/drop\.annex-1-table-1\.csv: source in\/gone\/drop\.pdf is gone$/m,
      );

      const result = await runCli(['convert', 'in', '--out', 'out', '--report', 'report.json'], dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^removed out\/gone\/drop\.json, out\/gone\/drop\.md, out\/gone\/drop\.html, out\/gone\/drop\.annex-1-table-1\.csv \(source in\/gone\/drop\.pdf is gone\)$/m,
      );
      const remaining = [...(await readTree(join(dir, 'out'))).keys()];
      expect(remaining).toEqual(['.undoc-manifest.json', 'keep.annex-1-table-1.csv', 'keep.html', 'keep.json', 'keep.md']);
      const manifest = JSON.parse(await readFile(join(dir, 'out', '.undoc-manifest.json'), 'utf8'));
      expect(Object.keys(manifest.documents)).toEqual(['keep']);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.documents).toContainEqual(
        expect.objectContaining({
          input: 'in/gone/drop.pdf',
          status: 'removed',
          outputs: ['out/gone/drop.json', 'out/gone/drop.md', 'out/gone/drop.html', 'out/gone/drop.annex-1-table-1.csv'],
        }),
      );
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'converting a subset keeps the outputs of other sources that still exist',
    async () => {
      await copyReplica(dir, ['in/a.pdf', 'in/b.pdf']);
      expect((await runCli(['convert', 'in/a.pdf', '--out', 'out', '--format', 'json'], dir)).code).toBe(0);
      const second = await runCli(['convert', 'in/b.pdf', '--out', 'out', '--format', 'json'], dir);
      expect(second.code).toBe(0);
      expect(second.stdout).not.toMatch(/^removed /m);
      expect([...(await readTree(join(dir, 'out'))).keys()]).toEqual(['.undoc-manifest.json', 'a.json', 'b.json']);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'a change of formats reconverts and drops the outputs of formats no longer asked for',
    async () => {
      await copyReplica(dir, ['in/a.pdf']);
      expect((await runCli(['convert', 'in', '--out', 'out'], dir)).code).toBe(0);
      const check = await runCli(['convert', 'in', '--out', 'out', '--format', 'md', '--check'], dir);
      expect(check.stdout).toMatch(/^stale in\/a\.pdf: formats changed \(json,md,html,csv -> md\)$/m);
      expect((await runCli(['convert', 'in', '--out', 'out', '--format', 'md'], dir)).code).toBe(0);
      expect([...(await readTree(join(dir, 'out'))).keys()]).toEqual(['.undoc-manifest.json', 'a.md']);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('one run per output directory', () => {
  it(
    'refuses to write a directory another live run holds, and leaves its lock alone',
    async () => {
      await copyReplica(dir, ['in/a.pdf']);
      await mkdir(join(dir, 'out'));
      // This test process stands in for the other run: alive, on this host.
      const lock = JSON.stringify({ pid: process.pid, host: hostname() }) + '\n';
      await writeFile(join(dir, 'out', '.undoc-lock'), lock);
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(result.code).toBe(2);
      expect(lines(result.stderr)[0]).toBe(`undoc: --out out: another undoc run (process ${process.pid}) is writing to this directory`);
      expect(await readFile(join(dir, 'out', '.undoc-lock'), 'utf8')).toBe(lock);
      expect(existsSync(join(dir, 'out', 'a.json'))).toBe(false);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
