/** The output formats and their emitters, in one table the CLI iterates over. */
import type { UnDocument } from '../model.js';
import { toCsv } from './csv.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';

/** An output format, as named on the command line (`--format json,md,html,csv`). */
export type Format = 'json' | 'md' | 'html' | 'csv';

/** A format written as one file per document. */
export type DocumentFormat = Exclude<Format, 'csv'>;

/** Every format, in the order outputs are written and listed. */
export const FORMATS: readonly Format[] = ['json', 'md', 'html', 'csv'];

/** The formats written as one file per document, in FORMATS order. */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['json', 'md', 'html'];

/**
 * The formats written when none is asked for: every one, since the contract gives every table as a
 * CSV file too (for data users) beside the document's JSON, Markdown and HTML; a run that wants
 * fewer files names its formats.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['json', 'md', 'html', 'csv'];

/** The function that renders a document in each one-file format; each returns the complete file text. */
export const EMITTERS = {
  json: toJson,
  md: toMarkdown,
  html: toHtml,
} satisfies Record<DocumentFormat, (document: UnDocument) => string>;

/** File extension of each one-file format's output, with its dot: `X.pdf` → `X.json`, `X.md`, `X.html`. */
export const EXTENSIONS = {
  json: '.json',
  md: '.md',
  html: '.html',
} as const satisfies Record<DocumentFormat, string>;

/** One output file of a document: what follows the document's name (`.json`, `.table-3.csv`) and its text. */
export interface OutputFile {
  suffix: string;
  content: string;
}

/** What a conversion renders: the text of each one-file format, and CSV's files. */
export type RenderedOutputs = { [F in DocumentFormat]?: string } & { csv?: OutputFile[] };

/** Renders the document in each of `formats`. */
export function renderOutputs(
  document: UnDocument,
  formats: readonly Format[],
  timed: (format: Format, run: () => void) => void = (_, run) => run(),
): RenderedOutputs {
  const outputs: RenderedOutputs = {};
  for (const format of formats) {
    timed(format, () => {
      if (format === 'csv') outputs.csv = renderFiles(document, 'csv');
      else outputs[format] = EMITTERS[format](document);
    });
  }
  return outputs;
}

/** The files of the rendered outputs, in `formats` order, each with its suffix; null when a format was not rendered. */
export function outputFiles(outputs: RenderedOutputs, formats: readonly Format[]): OutputFile[] | null {
  const files: OutputFile[] = [];
  for (const format of formats) {
    if (format === 'csv') {
      if (outputs.csv === undefined) return null;
      files.push(...outputs.csv);
    } else {
      const content = outputs[format];
      if (content === undefined) return null;
      files.push({ suffix: EXTENSIONS[format], content });
    }
  }
  return files;
}

/** The files a document is written as in `format`: one, or for CSV one per table (none for a document without tables). */
export function renderFiles(document: UnDocument, format: Format): OutputFile[] {
  if (format === 'csv') return toCsv(document).map((table) => ({ suffix: `.${table.id}.csv`, content: table.csv }));
  return [{ suffix: EXTENSIONS[format], content: EMITTERS[format](document) }];
}
