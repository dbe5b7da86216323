/**
 * Golden outputs: `undoc convert input/` must write, byte for byte, the JSON, Markdown, HTML and CSV
 * committed in output/. Any change to the converter that changes what a user gets shows up here
 * and, once regenerated with `npm run golden`, as a diff of output/ for review.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, makeTempDir, readTree, REPO_ROOT, runCli } from './cli/helpers.js';

const REGENERATE = 'if the change is intended, run `npm run golden` and review the diff of output/ before committing it';

/** The converter's own files in an output directory (manifest, journal, lock), not outputs. */
const isBookkeeping = (path: string): boolean => path.split('/').pop()!.startsWith('.undoc-');

const outputsIn = async (dir: string): Promise<Map<string, Buffer>> =>
  new Map([...(await readTree(dir))].filter(([path]) => !isBookkeeping(path)));

let converted: Map<string, Buffer>;
let committed: Map<string, Buffer>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  const result = await runCli(['convert', join(REPO_ROOT, 'input'), '--out', temp.dir, '--quiet'], REPO_ROOT);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  converted = await outputsIn(temp.dir);
  committed = await outputsIn(join(REPO_ROOT, 'output'));
}, CLI_TEST_TIMEOUT_MS);
afterAll(() => cleanup());

describe('golden outputs of input/ (A/61/187 replica)', () => {
  it('writes the files committed in output/, no more and no fewer', () => {
    expect([...converted.keys()], `output/ does not hold what input/ converts to: ${REGENERATE}`).toEqual([...committed.keys()]);
  });

  it('writes each of them byte for byte', () => {
    for (const [path, bytes] of converted) {
      const expected = committed.get(path);
      if (expected === undefined || bytes.equals(expected)) continue;
      const message = `output/${path} differs from what the converter writes now: ${REGENERATE}`;
      expect(bytes.toString('utf8'), message).toBe(expected.toString('utf8'));
      expect(bytes.equals(expected), message).toBe(true);
    }
  });
});
