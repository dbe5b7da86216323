/**
 * The conversion processes of `undoc convert` (pipeline/cli/pool.ts), from the built module: the
 * worker they fork is JavaScript and runs only from dist/ (built by `npm run build`, which
 * `npm test` runs first).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPLICA, REPO_ROOT } from './helpers.js';

const POOL_ENTRY = pathToFileURL(join(REPO_ROOT, 'dist/pipeline/cli/pool.js')).href;
const { ConversionWorker, prestartWorkers } = (await import(POOL_ENTRY)) as typeof import('../../pipeline/cli/pool.js');

/** A conversion takes about a second alone, several on a loaded machine. */
const CONVERSION_TEST_MS = 60_000;

describe('conversion processes', { timeout: CONVERSION_TEST_MS }, () => {
  it('A/61/187: a process started before the batch plans converts the first document', async () => {
    prestartWorkers(1);
    const worker = new ConversionWorker({ baseMs: CONVERSION_TEST_MS, perPageMs: 0 });
    try {
      const outcome = await worker.convert({ id: 1, path: REPLICA, file: 'A_61_187-fr.pdf', formats: ['md'] });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.outputs.md).toContain('A/61/187');
    } finally {
      await worker.close();
    }
  });

  it('a process started and never given a document does not keep the batch alive', () => {
    const script = `const { prestartWorkers } = await import(${JSON.stringify(POOL_ENTRY)}); prestartWorkers(2);`;
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: CONVERSION_TEST_MS });
    expect(run.status).toBe(0);
    // Exiting at once, not after the spares' start-up: well under the time one takes to load pdf.js on a loaded machine.
    expect(performance.now() - started).toBeLessThan(CONVERSION_TEST_MS / 2);
  });
});
