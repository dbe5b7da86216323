/**
 * One UN document PDF → a validated UnDocument. The stage order lives in stages/index.ts;
 * this module runs it, times it, and validates the result.
 */
import { ConversionError, extract } from './extract.js';
import type { Diagnostic, Reporter, UnDocument } from './model.js';
import { STAGES, type StageName, type StageOutputs } from './stages/index.js';
import { SCHEMA_VERSION, validateDocument } from './validate.js';
import { CONVERTER_VERSION } from './version.js';

export { ConversionError, CONVERTER_VERSION, SCHEMA_VERSION };

export type { StageName };
export const STAGE_NAMES: readonly StageName[] = ['extract', ...STAGES.map((stage) => stage.name)];

/** Milliseconds spent per stage, for the benchmark's breakdown. */
export type StageTimings = Partial<Record<StageName | 'validate', number>>;

export interface Conversion {
  document: UnDocument;
  timings: StageTimings;
}

function collectingReporter(diagnostics: Diagnostic[]): Reporter {
  return {
    report(rule, message, page) {
      diagnostics.push(page === undefined ? { rule, message } : { rule, message, page });
    },
  };
}

/**
 * Runs the stages in order up to `until` (inclusive) and returns every intermediate value.
 * Stages are pure functions; the only I/O is pdf.js reading the bytes in `extract`.
 */
export async function runStages(data: Uint8Array, file: string, until?: StageName) {
  const diagnostics: Diagnostic[] = [];
  const reporter = collectingReporter(diagnostics);
  const timings: StageTimings = {};
  let started = performance.now();
  const outputs: Partial<StageOutputs> = { extract: await extract(data, file) };
  timings.extract = performance.now() - started;
  if (until !== 'extract') {
    for (const stage of STAGES) {
      started = performance.now();
      // Each stage reads the outputs of the stages before it; the table in stages/index.ts types them.
      (outputs as Record<string, unknown>)[stage.name] = stage.run(outputs as StageOutputs, reporter);
      timings[stage.name] = performance.now() - started;
      if (stage.name === until) break;
    }
  }
  return { outputs, diagnostics, timings };
}

/** Converts one PDF. Throws ConversionError (a one-line reason) when it cannot. */
export async function convertPdf(data: Uint8Array, file: string): Promise<Conversion> {
  const { outputs, diagnostics, timings } = await runStages(data, file);
  const document = outputs.document;
  if (!document) throw new ConversionError('internal error: the pipeline produced no document');
  document.diagnostics = diagnostics;
  const started = performance.now();
  const errors = validateDocument(document);
  timings.validate = performance.now() - started;
  if (errors.length > 0) {
    throw new ConversionError(`invalid output: ${errors.slice(0, 3).join('; ')}`);
  }
  return { document, timings };
}

/** The intermediate result of one stage, for `undoc inspect`. */
export async function inspectStage(data: Uint8Array, file: string, stage: StageName): Promise<unknown> {
  const { outputs, diagnostics } = await runStages(data, file, stage);
  return { stage, result: outputs[stage], diagnostics };
}
