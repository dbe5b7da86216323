/**
 * `--report FILE`: the JSON account of a run, validated against schemas/report.schema.json before
 * it is written (atomically, like every output), so a CI step can rely on its shape.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMAS_DIR } from '../paths.js';
import { compareKeys } from './inputs.js';
import { writeFileAtomic } from './write.js';

export const REPORT_VERSION = '1.1.0';
const REPORT_SCHEMA_ID = `urn:undoc:schema:report:${REPORT_VERSION}`;

export type DocumentStatus = 'converted' | 'unchanged' | 'failed' | 'removed';

/** One document's line in the report. */
export interface ReportDocument {
  input: string;
  outputs: string[];
  status: DocumentStatus;
  reason?: string;
  pages?: number;
  ms?: number;
  diagnostics?: number;
  timings?: Record<string, number>;
  drawnPages?: number[];
}

export interface RunReport {
  reportVersion: string;
  undoc: { version: string; converter: string; schema: string };
  options: {
    out: string;
    formats: string[];
    jobs: number;
    force: boolean;
    shard: string | null;
    timeoutSeconds: number;
  };
  interrupted: boolean;
  documents: ReportDocument[];
  totals: {
    documents: number;
    converted: number;
    unchanged: number;
    failed: number;
    removed: number;
    pages: number;
    ms: number;
  };
}

/** Collects the documents' outcomes as they come, in any order, and builds the sorted report. */
export class ReportBuilder {
  /** Keyed by output key, so the report lists documents in the same order whatever --jobs did. */
  private readonly documents = new Map<string, ReportDocument>();

  add(key: string, document: ReportDocument): void {
    this.documents.set(key, document);
  }

  count(status: DocumentStatus): number {
    let count = 0;
    for (const document of this.documents.values()) if (document.status === status) count++;
    return count;
  }

  /** Pages of the documents converted in this run. */
  pagesConverted(): number {
    let pages = 0;
    for (const document of this.documents.values()) if (document.status === 'converted') pages += document.pages ?? 0;
    return pages;
  }

  build(header: Pick<RunReport, 'undoc' | 'options' | 'interrupted'>, ms: number): RunReport {
    const documents = [...this.documents.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, document]) => document);
    return {
      reportVersion: REPORT_VERSION,
      ...header,
      documents,
      totals: {
        documents: documents.length,
        converted: this.count('converted'),
        unchanged: this.count('unchanged'),
        failed: this.count('failed'),
        removed: this.count('removed'),
        pages: this.pagesConverted(),
        ms: Math.round(ms),
      },
    };
  }
}

/** Checks the report against its schema (ajv loaded only now: most runs write no report). */
export async function validateReport(report: RunReport): Promise<string[]> {
  const schema = JSON.parse(await readFile(join(SCHEMAS_DIR, 'report.schema.json'), 'utf8')) as { $id?: string };
  if (schema.$id !== REPORT_SCHEMA_ID) {
    return [`schemas/report.schema.json has $id ${JSON.stringify(schema.$id)}, expected "${REPORT_SCHEMA_ID}"`];
  }
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'is invalid'}`);
}

/** Validates and writes the report; throws with the schema errors when it does not validate. */
export async function writeReport(target: string | NodeJS.WritableStream, report: RunReport): Promise<void> {
  const errors = await validateReport(report);
  if (errors.length > 0) throw new Error(`the run report does not match its schema: ${errors.slice(0, 3).join('; ')}`);
  const text = JSON.stringify(report, null, 2) + '\n';
  if (typeof target === 'string') await writeFileAtomic(target, text);
  else await new Promise<void>((resolve, reject) => target.write(text, (error) => (error ? reject(error) : resolve())));
}
