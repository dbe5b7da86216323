/**
 * One UN document PDF → a validated UnDocument. The stage order lives in stages/index.ts;
 * this module runs it, times it, and validates the result.
 */
import { ConversionError, type ExtractOptions } from './extract.js';
import type { Block, Diagnostic, ItemBlock, Reporter, UnDocument } from './model.js';
import { runPipeline, STAGE_NAMES, type StageName, type StageTimer } from './stages/index.js';
import { SCHEMA_VERSION, validateDocument } from './validate.js';
import { CONVERTER_VERSION } from './version.js';

export { ConversionError, CONVERTER_VERSION, SCHEMA_VERSION, STAGE_NAMES };
export type { ExtractOptions, StageName };

/** Milliseconds spent per stage, for the benchmark's breakdown. */
export type StageTimings = Partial<Record<StageName | 'validate', number>>;

export interface Conversion {
  document: UnDocument;
  timings: StageTimings;
  /** The pages whose drawings pdf.js read besides their text (the tables stage's candidates, right-to-left pages). */
  drawnPages: number[];
}

function collectingReporter(diagnostics: Diagnostic[]): Reporter {
  return {
    report(rule, message, page) {
      diagnostics.push(page === undefined ? { rule, message } : { rule, message, page });
    },
  };
}

/** Carries the value of the stage `undoc inspect` asked for out of the pipeline, which stops there. */
class StageReached {
  constructor(readonly value: unknown) {}
}

/** Records each stage's time in `timings`; after the stage `until`, if given, stops the pipeline. */
function stageTimer(timings: StageTimings, until?: StageName): StageTimer {
  const finished = <T>(name: StageName, started: number, value: T): T => {
    timings[name] = performance.now() - started;
    if (name === until) throw new StageReached(value);
    return value;
  };
  return {
    timed: (name, run) => {
      const started = performance.now();
      return finished(name, started, run());
    },
    timedAsync: async (name, run) => {
      const started = performance.now();
      return finished(name, started, await run());
    },
  };
}

/**
 * A document whose body and annexes keep fewer characters of text than this is no conversion: a
 * UN document's shortest body (a one-paragraph note) is several times longer. Damaged content
 * streams that pdf.js skips while recovering leave such bodies; they fail with a reason rather
 * than convert silently to nothing.
 */
const MIN_BODY_CHARACTERS = 40;

function itemCharacters(items: readonly ItemBlock[] | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + item.text.trim().length + itemCharacters(item.items), 0);
}

/** Characters of text in blocks: headings, paragraphs and their items, table cells, contents entries. */
function blockCharacters(blocks: readonly Block[]): number {
  let characters = 0;
  for (const block of blocks) {
    if (block.type === 'table') {
      for (const row of block.rows) characters += row.reduce((sum, cell) => sum + cell.text.trim().length, 0);
    } else if (block.type === 'contents') {
      characters += block.entries.reduce((sum, entry) => sum + entry.title.trim().length, 0);
    } else characters += block.text.trim().length + ('items' in block ? itemCharacters(block.items) : 0);
  }
  return characters;
}

export function checkBodyNotEmpty(document: UnDocument): void {
  const characters = blockCharacters(document.body) + document.annexes.reduce((sum, annex) => sum + blockCharacters(annex.body), 0);
  if (characters < MIN_BODY_CHARACTERS) {
    throw new ConversionError(
      `empty body: ${characters} characters of text outside the masthead, running heads and notes (damaged content streams?)`,
    );
  }
}

/** Converts one PDF (or the pages `options.pages` keeps). Throws ConversionError (a one-line reason) when it cannot. */
export async function convertPdf(data: Uint8Array, file: string, options: ExtractOptions = {}): Promise<Conversion> {
  const diagnostics: Diagnostic[] = [];
  const timings: StageTimings = {};
  const { document, drawnPages } = await runPipeline(data, file, collectingReporter(diagnostics), stageTimer(timings), options);
  document.diagnostics = diagnostics;
  checkBodyNotEmpty(document);
  const started = performance.now();
  const errors = validateDocument(document);
  timings.validate = performance.now() - started;
  if (errors.length > 0) {
    throw new ConversionError(`invalid output: ${errors.slice(0, 3).join('; ')}`);
  }
  return { document, timings, drawnPages };
}

/** The intermediate result of one stage, for `undoc inspect`: the stages after it do not run. */
export async function inspectStage(data: Uint8Array, file: string, stage: StageName): Promise<unknown> {
  const diagnostics: Diagnostic[] = [];
  try {
    await runPipeline(data, file, collectingReporter(diagnostics), stageTimer({}, stage));
  } catch (error) {
    if (error instanceof StageReached) return { stage, result: error.value, diagnostics };
    throw error;
  }
  throw new Error(`internal error: the pipeline has no stage "${stage}"`);
}
