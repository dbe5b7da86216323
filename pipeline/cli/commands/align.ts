/**
 * `undoc align <A.json> <B.json> [<C.json>…] [--out FILE.json] [--tsv FILE]`: aligns the language
 * versions of one document, converted by `undoc convert`, paragraph by paragraph and heading by
 * heading, for translators and translation-memory builders.
 *
 *   read and check each JSON → one language per input → alignDocuments → JSON and/or TSV
 *
 * Exit status: 0 aligned, 1 an output could not be written, 2 a wrong command line or an input
 * that cannot be aligned (unreadable, not an undoc document, language missing or repeated), 4
 * inputs that are not versions of one document (their symbols differ).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  alignDocuments,
  AlignmentInputError,
  alignmentSummary,
  checkOneDocument,
  DifferentDocumentsError,
  documentLanguages,
  toTsv,
  type Alignment,
} from '../../align/align.js';
import { textLength } from '../../align/ratio.js';
import type { UnDocument } from '../../model.js';
import { HELP, HELP_OPTION, parseOptions, type Command, type OptionTable } from '../command.js';
import { EXIT, firstLine, InputError, MismatchError, UsageError } from '../exit.js';
import { writeFilesAtomic } from '../write.js';

interface AlignOptions {
  inputs: string[];
  out: string | null;
  tsv: string | null;
}

const OPTIONS = {
  out: { type: 'string', short: 'o', value: '<file>', help: 'write the alignment as JSON ({"languages": [...], "units": [...]})' },
  tsv: { type: 'string', value: '<file>', help: 'write it as tab-separated values: kind, scope, number, one column per language' },
  help: HELP_OPTION,
} as const satisfies OptionTable;

export const alignCommand: Command<AlignOptions> = {
  name: 'align',
  synopsis: '<A.json> <B.json> [<C.json>...] [--out FILE.json] [--tsv FILE]',
  options: OPTIONS,
  page: {
    summary: 'pairs the numbered paragraphs and headings of language versions of one document',
    description: `Align the language versions of one document (JSON written by undoc convert) by their structure:
numbered paragraphs by number, numbered headings by numbering, sub-items by label within their
paragraph, each annex on its own. Each input's language is its metadata.language; units that some
versions lack are kept, without those languages. A text whose length does not fit the ratio the
document shows for its pair of languages (the median over paragraphs paired by number, within a
factor learned from their spread, 2 to 2.5 either way) is rejected: listed under the unit's
"rejected", not paired.`,
    notes: `Without --out or --tsv the JSON goes to standard output.
Exit status: 0 aligned, 1 an output could not be written, 2 usage error or an input that cannot
be aligned, 4 the inputs are not versions of one document (their symbols differ).`,
  },
  parse(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (values.help) return HELP;
    if (positionals.length < 2) throw new UsageError('align needs at least two JSON documents, one per language version');
    if (values.out === '' || values.tsv === '') throw new UsageError(`--${values.out === '' ? 'out' : 'tsv'} needs a file name`);
    if (values.out !== undefined && values.tsv !== undefined && resolve(values.out) === resolve(values.tsv)) {
      throw new UsageError('--out and --tsv name the same file');
    }
    return { inputs: positionals, out: values.out ?? null, tsv: values.tsv ?? null };
  },
  run: runAlign,
};

async function runAlign(options: AlignOptions): Promise<number> {
  // One after the other, so that of several bad inputs the first on the command line is named.
  const documents: UnDocument[] = [];
  for (const input of options.inputs) documents.push(await readDocument(input));
  let alignment: Alignment;
  try {
    // Checked here as well as in alignDocuments so that the message names the files as typed.
    documentLanguages(documents, options.inputs);
    checkOneDocument(documents, options.inputs);
    alignment = alignDocuments(documents);
  } catch (error) {
    if (error instanceof DifferentDocumentsError) throw new MismatchError(error.message);
    throw error instanceof AlignmentInputError ? new InputError(error.message) : error;
  }
  return writeAlignment(alignment, options);
}

/** Reads one input and checks that it is an undoc document as far as aligning reads it. */
async function readDocument(path: string): Promise<UnDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    throw new InputError(`${path}: ${reason}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not JSON (${firstLine(error)})`);
  }
  const problem = documentShapeProblem(value);
  if (problem !== null) throw new InputError(`${path}: not an undoc document (${problem}); convert the PDF with undoc convert`);
  return value as UnDocument;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringOrNull = (value: unknown): boolean => typeof value === 'string' || value === null;

/**
 * The first way in which `value` is not shaped like an undoc document, as a JSON pointer and what
 * was expected; null when it is. Checks only what alignment reads, so that documents written by
 * other 1.x versions of the schema are accepted.
 */
function documentShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return '/: expected an object';
  if (typeof value.schemaVersion !== 'string' || !value.schemaVersion.startsWith('1.')) return '/schemaVersion: expected "1.x.y"';
  if (!isObject(value.source) || typeof value.source.file !== 'string') return '/source/file: expected a string';
  if (!isObject(value.metadata) || !isStringOrNull(value.metadata.language)) return '/metadata/language: expected a string or null';
  const bodyProblem = blocksShapeProblem(value.body, '/body');
  if (bodyProblem !== null) return bodyProblem;
  if (!Array.isArray(value.annexes)) return '/annexes: expected an array';
  for (const [index, annex] of value.annexes.entries()) {
    if (!isObject(annex) || typeof annex.id !== 'string') return `/annexes/${index}/id: expected a string`;
    const annexProblem = blocksShapeProblem(annex.body, `/annexes/${index}/body`);
    if (annexProblem !== null) return annexProblem;
  }
  return null;
}

function blocksShapeProblem(blocks: unknown, path: string): string | null {
  if (!Array.isArray(blocks)) return `${path}: expected an array`;
  for (const [index, block] of blocks.entries()) {
    const blockPath = `${path}/${index}`;
    if (!isObject(block) || typeof block.type !== 'string') return `${blockPath}/type: expected a string`;
    if (block.type !== 'heading' && block.type !== 'paragraph') continue;
    if (typeof block.text !== 'string') return `${blockPath}/text: expected a string`;
    if (!isStringOrNull(block.number)) return `${blockPath}/number: expected a string or null`;
    if (block.type === 'paragraph') {
      const itemsProblem = itemsShapeProblem(block.items, blockPath);
      if (itemsProblem !== null) return itemsProblem;
    }
  }
  return null;
}

function itemsShapeProblem(items: unknown, path: string): string | null {
  if (items === undefined) return null;
  if (!Array.isArray(items)) return `${path}/items: expected an array`;
  for (const [index, item] of items.entries()) {
    const itemPath = `${path}/items/${index}`;
    if (!isObject(item) || typeof item.text !== 'string') return `${itemPath}/text: expected a string`;
    if (!isStringOrNull(item.label)) return `${itemPath}/label: expected a string or null`;
    const nested = itemsShapeProblem(item.items, itemPath);
    if (nested !== null) return nested;
  }
  return null;
}

/** The usual reasons an output cannot be written, in words. */
const WRITE_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file stands where a directory is needed',
  ENOTDIR: 'a file stands where a directory is needed',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** Writes the requested outputs (both or neither, never one half-written), or the JSON to stdout. */
async function writeAlignment(alignment: Alignment, options: AlignOptions): Promise<number> {
  const json = JSON.stringify(alignment, null, 2) + '\n';
  if (options.out === null && options.tsv === null) {
    process.stdout.write(json);
    return EXIT.ok;
  }
  const files = [
    ...(options.out !== null ? [{ path: options.out, content: json }] : []),
    ...(options.tsv !== null ? [{ path: options.tsv, content: toTsv(alignment) }] : []),
  ];
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    // The error names the temporary file; the user knows the outputs by the names they gave.
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = (code !== undefined && WRITE_ERRORS[code]) || code || message;
    process.stderr.write(`undoc: cannot write ${files.map((file) => file.path).join(' and ')}: ${reason}\n`);
    return EXIT.failed;
  }
  process.stderr.write(summaryText(alignment));
  return EXIT.ok;
}

/** Rejected texts listed one per line, at most this many; the JSON has them all. */
const MAX_REJECTED_LINES = 20;

/**
 * The honest account of an alignment: units in every version, paired in some, unpaired; the
 * counts per kind; the ratios learned; and each rejected text with the lengths that rejected it.
 */
function summaryText(alignment: Alignment): string {
  const { complete, paired, unpaired, rejected, byKind } = alignmentSummary(alignment);
  const lines = [
    `aligned ${alignment.languages.join(', ')}: ${alignment.units.length} units, ${complete} in every version, ` +
      `${paired - complete} in some, ${unpaired} unpaired; ${rejected} texts rejected for their length`,
    `  in every version: ${byKind.paragraph.complete} of ${byKind.paragraph.total} numbered paragraphs, ` +
      `${byKind.heading.complete} of ${byKind.heading.total} numbered headings, ${byKind.item.complete} of ${byKind.item.total} sub-items`,
    '  length ratios: ' +
      alignment.ratios
        .map((r) =>
          r.median === null
            ? `${r.second}/${r.first} not learned (${r.samples} samples)`
            : `${r.second}/${r.first} ${r.median.toFixed(2)} ×÷${r.tolerance!.toFixed(2)} (${r.low!.toFixed(2)}-${r.high!.toFixed(2)}, ${r.samples} samples)`,
        )
        .join(', '),
  ];
  const rejections = alignment.units.flatMap((unit) =>
    Object.entries(unit.rejected ?? {}).map(([language, text]) => {
      const against = Object.entries(unit.texts)
        .map(([other, otherText]) => `${other} ${textLength(otherText)}`)
        .join(', ');
      return `  rejected ${unit.kind} ${unit.scope ?? 'body'} ${unit.number}: ${language} ${textLength(text)} characters against ${against}`;
    }),
  );
  lines.push(...rejections.slice(0, MAX_REJECTED_LINES));
  if (rejections.length > MAX_REJECTED_LINES)
    lines.push(`  … and ${rejections.length - MAX_REJECTED_LINES} more (see "rejected" in the JSON)`);
  return lines.join('\n') + '\n';
}
