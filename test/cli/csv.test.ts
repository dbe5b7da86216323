/**
 * `undoc convert --format csv`: a CSV file per table beside the document's other outputs, listed
 * in the manifest, kept up to date on reruns (a table's file removed when the table is gone), and
 * refused on --stdout.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../pipeline/emit/csv.js';
import type { UnDocument } from '../../pipeline/model.js';
import { CLI_TEST_TIMEOUT_MS, copyReplica, makeTempDir, readTree, runCli } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

describe('convert --format csv', () => {
  it(
    "A/61/187: writes each table as <document>.<table id>.csv with the JSON's cells, lists them in the manifest, and removes a table's file once the table is gone",
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      const first = await runCli(['convert', 'in', '--out', 'out', '--format', 'json,csv'], dir);
      expect(first.code).toBe(0);
      const document = JSON.parse(await readFile(join(dir, 'out', 'A_61_187-fr.json'), 'utf8')) as UnDocument;
      const tables = toCsv(document);
      expect(tables.length).toBeGreaterThan(0);
      const tree = await readTree(join(dir, 'out'));
      const csvFiles = [...tree.keys()].filter((name) => name.endsWith('.csv')).sort();
      expect(csvFiles).toEqual(tables.map((table) => `A_61_187-fr.${table.id}.csv`).sort());
      for (const table of tables) expect(await readFile(join(dir, 'out', `A_61_187-fr.${table.id}.csv`), 'utf8')).toBe(table.csv);
      // The annex timetable: its morning session's time slot and theme in their own columns.
      const timetable = tables.find((table) => table.csv.includes('10 heures'));
      expect(timetable?.csv).toMatch(/^10 heures[^,\r\n]*,/m);

      const manifestPath = join(dir, 'out', '.undoc-manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      const entry = manifest.documents['A_61_187-fr'];
      expect(Object.keys(entry.outputs).sort()).toEqual(['A_61_187-fr.json', ...csvFiles].sort());

      // Unchanged on a rerun, and --check passes.
      expect((await runCli(['convert', 'in', '--out', 'out', '--format', 'json,csv'], dir)).stdout).toMatch(/unchanged/);
      expect((await runCli(['convert', 'in', '--out', 'out', '--format', 'json,csv', '--check'], dir)).code).toBe(0);

      // A table an earlier conversion found and this one does not: its file goes with the rerun.
      await writeFile(join(dir, 'out', 'A_61_187-fr.table-99.csv'), 'gone,table\r\n');
      entry.outputs['A_61_187-fr.table-99.csv'] = 'gone,table\r\n'.length;
      await writeFile(manifestPath, JSON.stringify(manifest));
      const check = await runCli(['convert', 'in', '--out', 'out', '--format', 'json,csv', '--check'], dir);
      expect(check.code).toBe(0);
      const rerun = await runCli(['convert', 'in', '--out', 'out', '--format', 'json,csv', '--force'], dir);
      expect(rerun.code).toBe(0);
      expect(existsSync(join(dir, 'out', 'A_61_187-fr.table-99.csv'))).toBe(false);
      const after = JSON.parse(await readFile(manifestPath, 'utf8'));
      expect(Object.keys(after.documents['A_61_187-fr'].outputs).sort()).toEqual(['A_61_187-fr.json', ...csvFiles].sort());
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('refuses csv on --stdout: one stream cannot hold a file per table', async () => {
    await copyReplica(dir, ['in/A_61_187-fr.pdf']);
    const result = await runCli(['convert', 'in/A_61_187-fr.pdf', '--stdout', '--format', 'csv'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--stdout cannot write csv \(one file per table\): use --out <dir>/);
    expect(result.stdout).toBe('');
  });

  it('lists csv in --help, with the default formats', async () => {
    const result = await runCli(['convert', '--help'], dir);
    expect(result.stdout).toMatch(/json,md,html,csv \(default: json,md,html,csv; csv writes one file per table\)/);
  });
});
