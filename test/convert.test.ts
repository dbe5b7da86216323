/** The pipeline runner: every stage runs, in the order its names are listed, and inspect stops where asked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPdf, inspectStage, STAGE_NAMES } from '../pipeline/convert.js';

const REPLICA = new URL('../input/A_61_187-fr.pdf', import.meta.url);

describe('convert', () => {
  it('A/61/187: times every stage, in the order STAGE_NAMES lists them, then validation', async () => {
    const { timings } = await convertPdf(new Uint8Array(readFileSync(REPLICA)), 'A_61_187-fr.pdf');
    expect(Object.keys(timings)).toEqual([...STAGE_NAMES, 'validate']);
  });

  it('A/61/187: inspect returns the value of the stage asked for', async () => {
    const inspected = (await inspectStage(new Uint8Array(readFileSync(REPLICA)), 'A_61_187-fr.pdf', 'typography')) as {
      stage: string;
      result: { bodySize: number };
    };
    expect(inspected.stage).toBe('typography');
    expect(inspected.result.bodySize).toBeGreaterThan(0);
  });
});
