/** The CLI's pure parts on small literal inputs: argument parsing, globs, shards, the manifest journal. */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertCommand, parseFormats, parseShard } from '../../pipeline/cli/commands/convert.js';
import { UsageError } from '../../pipeline/cli/exit.js';
import { inShard, resolveInputs } from '../../pipeline/cli/inputs.js';
import { JOURNAL_FILE, Manifest, MANIFEST_FILE, type ManifestEntry } from '../../pipeline/cli/manifest.js';
import { makeTempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

describe('arguments', () => {
  it('takes formats in any order and spelling, written in canonical order', () => {
    expect(parseFormats('HTML, json')).toEqual(['json', 'html']);
    expect(parseFormats(undefined)).toEqual(['json', 'md', 'html', 'csv']);
    expect(() => parseFormats(',')).toThrow(UsageError);
  });

  it('reads shards as 1-based K/N', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1/0', '1-2', '/2']) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });

  it('fills in the defaults of convert', () => {
    const options = convertCommand.parse(['input', '-o', 'output']);
    expect(options).toMatchObject({
      inputs: ['input'],
      out: 'output',
      force: false,
      check: false,
      report: null,
      shard: null,
      timeoutMs: 120_000,
    });
  });
});

describe('globs', () => {
  /** Empty files at `paths` below the test directory: globs only look at names. */
  async function tree(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), '');
    }
  }
  const keysOf = async (args: string[], exclude: string[] = []): Promise<string[]> =>
    (await resolveInputs(args, dir, exclude)).map((input) => input.key);

  it('** spans directories, * stays within one name, [..] is a class, {a,b} a choice', async () => {
    await tree(['A_61_187-fr.pdf', 'ga/80/A_80_1-en.pdf', 'ga/A_8_2-ar.pdf', 'ga/A_8_2-fr.pdf', 'ga/A_8_2-ru.pdf', 'aXpdf']);
    expect(await keysOf(['**/*.pdf'])).toEqual(['A_61_187-fr', 'ga/80/A_80_1-en', 'ga/A_8_2-ar', 'ga/A_8_2-fr', 'ga/A_8_2-ru']);
    expect(await keysOf(['*.pdf'])).toEqual(['A_61_187-fr']);
    expect(await keysOf(['A_[0-9]?_*.pdf'])).toEqual(['A_61_187-fr']);
    expect(await keysOf(['ga/*-{ar,fr}.pdf'])).toEqual(['A_8_2-ar', 'A_8_2-fr']);
    await expect(keysOf(['a.pdf'])).rejects.toThrow(/a.pdf: no such file/);
  });

  it('--exclude leaves out PDFs by path, or by name at any depth; leaving out all is an error', async () => {
    await tree(['in/A_1-en.pdf', 'in/scans/A_2-en.pdf', 'in/fr/A_1-fr.pdf']);
    expect(await keysOf(['in'], ['in/scans/**'])).toEqual(['A_1-en', 'fr/A_1-fr']);
    expect(await keysOf(['in'], ['A_1-*.pdf'])).toEqual(['scans/A_2-en']);
    expect(await keysOf(['in'], ['./in/{fr,scans}/*'])).toEqual(['A_1-en']);
    expect(await keysOf(['in/**/*.pdf'], [join(dir, 'in/fr/*.pdf')])).toEqual(['A_1-en', 'scans/A_2-en']);
    await expect(keysOf(['in'], ['*.pdf'])).rejects.toThrow(/--exclude leaves none of the 3 PDFs found/);
  });

  it('a directory without a PDF is an error, as a glob matching none is', async () => {
    await tree(['empty/notes.txt']);
    await expect(keysOf(['empty'])).rejects.toThrow(/^empty: no PDF in this directory$/);
    await expect(keysOf(['empty/*.pdf'])).rejects.toThrow(/no PDF matches this pattern/);
  });

  it('keys a glob match by its path below the pattern’s fixed directories', async () => {
    await mkdir(join(dir, 'in', 'ga'), { recursive: true });
    await writeFile(join(dir, 'in', 'ga', 'A_80_1-en.pdf'), '');
    await writeFile(join(dir, 'in', 'notes.txt'), '');
    const inputs = await resolveInputs(['in/**/*.pdf'], dir);
    expect(inputs.map((input) => [input.key, input.display])).toEqual([['ga/A_80_1-en', 'in/ga/A_80_1-en.pdf']]);
  });

  it('refuses two inputs that would write the same outputs', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'X.pdf'), '');
    await writeFile(join(dir, 'b', 'X.pdf'), '');
    await expect(resolveInputs(['a/X.pdf', 'b/X.pdf'], dir)).rejects.toThrow(/would both be written as X/);
  });
});

describe('shards', () => {
  it('put every key in exactly one shard, the same one whatever else is in the batch', () => {
    const keys = Array.from({ length: 200 }, (_, index) => `ga/A_${index}_1-en`);
    const count = 3;
    const sizes = [1, 2, 3].map((index) => keys.filter((key) => inShard(key, { index, count })).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(keys.length);
    for (const size of sizes) expect(size).toBeGreaterThan(40); // roughly even
    for (const key of keys) expect([1, 2, 3].filter((index) => inShard(key, { index, count }))).toHaveLength(1);
  });
});

describe('manifest', () => {
  const entry = (sha256: string): ManifestEntry => ({
    source: '../in/a.pdf',
    sha256,
    size: 10,
    mtimeMs: 1,
    pages: 2,
    converter: '0.1.0+r1',
    schema: '1.0.0',
    formats: ['json'],
    outputs: { 'a.json': 5 },
  });

  it('replays the journal of a killed run, skipping a line cut short', async () => {
    const manifest = await Manifest.load(dir);
    await manifest.record('a', entry('1'.repeat(64)));
    await manifest.record('b', entry('2'.repeat(64)));
    await manifest.forget('a');
    // A kill in the middle of an append leaves a partial last line.
    await appendFile(join(dir, JOURNAL_FILE), '{"key":"c","entry":{"sour');
    const reloaded = await Manifest.load(dir);
    expect(reloaded.keys()).toEqual(['b']);
    expect(reloaded.get('b')?.sha256).toBe('2'.repeat(64));
    // The next run's lines start on a line of their own, so they survive a second replay.
    await reloaded.record('d', entry('5'.repeat(64)));
    expect((await Manifest.load(dir)).keys()).toEqual(['b', 'd']);
  });

  it('rewrites itself sorted and empties the journal', async () => {
    const manifest = await Manifest.load(dir);
    await manifest.record('z', entry('3'.repeat(64)));
    await manifest.record('m', entry('4'.repeat(64)));
    await manifest.flush();
    const file = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
    expect(Object.keys(file.documents)).toEqual(['m', 'z']);
    await expect(readFile(join(dir, JOURNAL_FILE), 'utf8')).rejects.toThrow();
    expect((await Manifest.load(dir)).keys()).toEqual(['m', 'z']);
  });
});
