/**
 * The command-line conventions users bring from other converters: one document to stdout, page
 * ranges, --exclude and accepted known failures for --check, the report on stdout, and a live
 * line that shows every document in flight from the start.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Progress } from '../../pipeline/cli/progress.js';
import { CLI_TEST_TIMEOUT_MS, copyReplica, lines, makeTempDir, readTree, REPO_ROOT, runCli } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

const { convert, toJson } = (await import(
  pathToFileURL(join(REPO_ROOT, 'dist/pipeline/index.js')).href
)) as typeof import('../../pipeline/index.js');

describe('one document to stdout', () => {
  it(
    'A/61/187: -o - writes the Markdown that convert --out writes, and nothing else anywhere',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      const result = await runCli(['convert', 'in/A_61_187-fr.pdf', '-o', '-', '--format', 'md'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(await readFile(join(REPO_ROOT, 'output', 'A_61_187-fr.md'), 'utf8'));
      expect([...(await readTree(dir)).keys()]).toEqual(['in/A_61_187-fr.pdf']);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'A/61/187: --stdout --pages 2-3 writes the JSON of the library for those pages',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      const result = await runCli(['convert', 'in', '--stdout', '-f', 'json', '--pages', '3,2'], dir);
      expect(result.code).toBe(0);
      const expected = toJson(await convert(join(dir, 'in/A_61_187-fr.pdf'), { pages: [[2, 3]] }));
      expect(result.stdout).toBe(expected);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('refuses more than one document, with exit status 2', async () => {
    await copyReplica(dir, ['in/a.pdf', 'in/b.pdf']);
    const result = await runCli(['convert', 'in', '--stdout', '-f', 'md'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)[0]).toBe(
      'undoc: --stdout writes one document, but the inputs hold 2 PDFs (name one file, or use --out <dir>)',
    );
  });
});

describe('--pages', () => {
  it(
    'A/61/187: pages 2-3 keep their numbers, their notes and running heads, and no masthead; page 1 keeps the whole masthead',
    async () => {
      const pdf = join(REPO_ROOT, 'input', 'A_61_187-fr.pdf');
      const [whole, first, middle] = await Promise.all([
        convert(pdf),
        convert(pdf, { pages: [[1, 1]] }),
        convert(pdf, { pages: [[2, 3]] }),
      ]);
      expect(first.metadata).toEqual(whole.metadata);
      expect(first.footnotes.map((note) => note.page)).toEqual([1]);
      expect(middle.source.pages).toBe(whole.source.pages);
      expect(middle.metadata).toMatchObject({ symbol: 'A/61/187', jobNumber: '06-44787', title: null, date: null });
      expect(middle.masthead).toEqual([]);
      expect(middle.body[0]).toMatchObject({ type: 'heading', text: 'Introduction' });
      const middleText = middle.body.map((block) => ('text' in block ? block.text : '')).join('\n');
      expect(middleText).not.toContain(whole.metadata.title!.slice(0, 40));
      expect(middleText).toMatch(/Les rencontres interactives informelles de l’Assemblée générale/);
      await expect(convert(pdf, { pages: [[30, Infinity]] })).rejects.toThrow(/^no pages selected: the PDF has 20 pages$/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'A/61/187: a run with other --pages reconverts: the selection keys the manifest',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      expect((await runCli(['convert', 'in', '--out', 'out', '-f', 'json', '--pages', '1'], dir)).code).toBe(0);
      const again = await runCli(['convert', 'in', '--out', 'out', '-f', 'json', '--pages', '1-1', '-v'], dir);
      expect(again.stdout).toMatch(/^unchanged in\/A_61_187-fr\.pdf: /m);
      const check = await runCli(['convert', 'in', '--out', 'out', '-f', 'json', '--check'], dir);
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/^stale in\/A_61_187-fr\.pdf: page selection changed \(1 -> all\)$/m);
      const onePage = JSON.parse(await readFile(join(dir, 'out', 'A_61_187-fr.json'), 'utf8')) as { body: unknown[] };
      expect(onePage.body).toHaveLength(1);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('known failures and --exclude', () => {
  it(
    'A/61/187 and a scan: --known-failure lets the run and --check pass; without it --check fails',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      // Bytes that are no PDF fail as a scan does: what matters is that the document cannot convert.
      await writeFile(join(dir, 'in', 'scan.pdf'), 'scanned pages, no text layer');
      const run = await runCli(['convert', 'in', '--out', 'out', '--known-failure', 'scan.pdf'], dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^failed in\/scan\.pdf: not a PDF.*\(known failure, accepted by --known-failure\)$/m);

      const accepted = await runCli(['convert', 'in', '--out', 'out', '--check', '--known-failure', 'in/*scan*'], dir);
      expect(accepted.stdout).toBe('check: 1 document up to date, 1 known failure accepted (--known-failure)\n');
      expect(accepted.code).toBe(0);
      const strict = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toMatch(/^missing in\/scan\.pdf: not converted yet$/m);
      const excluded = await runCli(['convert', 'in', '--out', 'out', '--check', '--exclude', '*.pdf'], dir);
      expect(excluded.code).toBe(2);
      const without = await runCli(['convert', 'in', '--out', 'out', '--check', '--exclude', 'scan.pdf'], dir);
      expect(without.stdout).toBe('check: 1 document up to date\n');
      expect(without.code).toBe(0);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('--report -', () => {
  it(
    'A/61/187: writes the report to stdout and moves the progress lines to stderr; no file named -',
    async () => {
      await copyReplica(dir, ['in/A_61_187-fr.pdf']);
      const result = await runCli(['convert', 'in', '--out', 'out', '-f', 'md', '--report', '-'], dir);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { documents: Array<{ input: string; status: string }> };
      expect(report.documents).toMatchObject([{ input: 'in/A_61_187-fr.pdf', status: 'converted' }]);
      expect(result.stderr).toMatch(/^converted in\/A_61_187-fr\.pdf/m);
      expect(existsSync(join(dir, '-'))).toBe(false);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

/** A stand-in for a terminal: collects what is written, 200 columns wide. */
function fakeTerminal(): NodeJS.WriteStream & { text: string } {
  const stream = { text: '', isTTY: true, columns: 200, write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('live progress', () => {
  it('shows the line from the start, pages as they start, and every document in flight', () => {
    const err = fakeTerminal();
    const progress = new Progress('live', false, fakeTerminal(), err);
    progress.beginConversions(10, 1000);
    expect(err.text).toMatch(/0\/10 documents · 0 pages read$/);
    progress.documentStarted('in/a/A_1.pdf');
    progress.documentStarted('in/b/B_2.pdf');
    progress.pageStarted('in/a/A_1.pdf', 1, 40);
    progress.pageStarted('in/a/A_1.pdf', 2, 40);
    progress.pageStarted('in/b/B_2.pdf', 1, 9);
    progress.notice('redraw');
    const last = err.text.split('\r\x1b[K').at(-1)!;
    expect(last).toBe('[--------------------] 0/10 documents · 3 pages read · A_1.pdf p. 2/40 · B_2.pdf p. 1/9');
    progress.converted('in/b/B_2.pdf', 100, 9, 1000);
    progress.notice('redraw');
    expect(err.text.split('\r\x1b[K').at(-1)).toMatch(/ 1\/10 documents · 11 pages read · .* · A_1\.pdf p\. 2\/40$/);
    progress.finish({ converted: 1, unchanged: 0, failed: 0, removed: 0, pages: 9 }, false);
  });
});
