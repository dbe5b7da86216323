/** The pipeline runner: every stage runs, in the order its names are listed, and inspect stops where asked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBodyNotEmpty, convertPdf, inspectStage, STAGE_NAMES } from '../pipeline/convert.js';
import { at, a61187 } from './fixtures/documents.js';

const REPLICA = new URL('../input/A_61_187-fr.pdf', import.meta.url);

describe('convert', () => {
  it('A/61/187: times every stage, in the order STAGE_NAMES lists them, then validation', async () => {
    const { timings } = await convertPdf(new Uint8Array(readFileSync(REPLICA)), 'A_61_187-fr.pdf');
    expect(Object.keys(timings)).toEqual([...STAGE_NAMES, 'validate']);
  });

  it("A/61/187: reads the drawings of the annex timetable's page and of few others, never of every page", async () => {
    const { document, drawnPages } = await convertPdf(new Uint8Array(readFileSync(REPLICA)), 'A_61_187-fr.pdf');
    const tablePages = document.annexes.flatMap((annex) =>
      annex.body.filter((block) => block.type === 'table').flatMap((block) => block.prov.map((p) => p.page)),
    );
    expect(tablePages).toEqual([20]);
    expect(drawnPages).toContain(20);
    expect(drawnPages.length).toBeLessThan(document.source.pages / 2);
  });

  it('A/61/187: inspect returns the value of the stage asked for', async () => {
    const inspected = (await inspectStage(new Uint8Array(readFileSync(REPLICA)), 'A_61_187-fr.pdf', 'typography')) as {
      stage: string;
      result: { bodySize: number };
    };
    expect(inspected.stage).toBe('typography');
    expect(inspected.result.bodySize).toBeGreaterThan(0);
  });

  it("a body that is one table counts its cells' text, never the cell objects themselves (empty cells are an empty body)", () => {
    const document = a61187();
    document.annexes = [];
    const table = (texts: string[]) => ({ type: 'table' as const, id: 'table-1', rows: [texts.map((text) => ({ text }))], prov: at(1) });
    document.body = [table(['', '', ''])];
    expect(() => checkBodyNotEmpty(document)).toThrow(/^empty body: 0 characters/);
    document.body = [table(['Military and police personnel', '37 339.0', '36 912.4'])];
    expect(() => checkBodyNotEmpty(document)).not.toThrow();
  });
});
