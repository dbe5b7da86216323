/**
 * Planning a batch: for every input, whether its outputs are up to date (and why, or why not),
 * and which recorded outputs lost their source. Reads only; nothing is written here.
 *
 * A document is unchanged when the manifest records the same converter version, schema version
 * and formats, its outputs are on disk as written, and the source's sha256 matches. The sha256 is
 * the truth; an unchanged size and mtime only spare reading the file to compute it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { EXTENSIONS, type Format } from '../emit/index.js';
import { inShard, type InputDocument } from './inputs.js';
import type { Shard } from './commands/convert.js';
import type { Manifest, ManifestEntry } from './manifest.js';

/** Everything besides the source that decides an output's bytes. */
export interface BuildIdentity {
  converter: string;
  schema: string;
  formats: Format[];
  /** `--pages`, canonically spelled; null for every page. */
  pageSelection: string | null;
}

/** An input with its verdict. */
export interface PlannedDocument extends InputDocument {
  size: number;
  mtimeMs: number;
  /** Source path as recorded in the manifest: relative to the output directory. */
  source: string;
  /** `unchanged`, or why it must be converted: `new` (never converted), `stale`, `forced`. */
  verdict: 'unchanged' | 'new' | 'stale' | 'forced';
  /** One clause saying why, for logs and `--check`. */
  reason: string;
}

/** A manifest entry whose source PDF is gone: its outputs are to be removed. */
export interface Orphan {
  key: string;
  entry: ManifestEntry;
}

export interface BatchPlan {
  documents: PlannedDocument[];
  orphans: Orphan[];
}

/** Files hashed at once while planning: enough to keep a disk busy, few enough to bound memory. */
const HASH_CONCURRENCY = 4;

/**
 * The output files of `key` known before it is converted, relative to the output directory: one
 * per one-file format. CSV's files (one per table) are known once converted, from the manifest.
 */
export function outputPaths(key: string, formats: readonly Format[]): string[] {
  return formats.flatMap((format) => (format === 'csv' ? [] : [key + EXTENSIONS[format]]));
}

/** sha256 of a file, streamed: a PDF is never held in memory whole to hash it. */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** Runs `work` over `items` with at most `limit` at a time, results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/** Paths recorded in the manifest use `/` and are relative to the output directory. */
function toManifestPath(outDir: string, path: string): string {
  return relative(outDir, path).split(sep).join('/');
}

/**
 * Decides every selected input's verdict and finds the orphans. `allInputs` is the whole input
 * set (before sharding): a document that moved to another shard is not an orphan.
 */
export async function planBatch(
  selected: readonly InputDocument[],
  allInputs: readonly InputDocument[],
  manifest: Manifest,
  identity: BuildIdentity,
  outDir: string,
  options: { force: boolean; shard: Shard | null },
): Promise<BatchPlan> {
  const documents = await mapLimit(selected, HASH_CONCURRENCY, async (input): Promise<PlannedDocument> => {
    // A source that vanished or cannot be read since it was listed is converted all the same: its
    // worker then reports the one-line reason, and the rest of the batch goes on.
    const info = await stat(input.path).catch(() => null);
    const base = { ...input, size: info?.size ?? 0, mtimeMs: info?.mtimeMs ?? 0, source: toManifestPath(outDir, input.path) };
    const entry = manifest.get(input.key);
    if (options.force) return { ...base, verdict: 'forced', reason: '--force reconverts every document' };
    if (!entry) return { ...base, verdict: 'new', reason: 'not converted yet' };
    // Hashing a FIFO put in the PDF's place would wait forever for a writer.
    if (!info?.isFile()) return { ...base, verdict: 'stale', reason: 'the source is no longer a readable file' };
    const staleness = await findStaleness(entry, base, identity, outDir, input.key);
    if (staleness) return { ...base, verdict: 'stale', reason: staleness };
    // Up to date: remember where the source is now and its stat, so the next run skips hashing.
    manifest.refreshSource(input.key, base.source, base.size, base.mtimeMs);
    return { ...base, verdict: 'unchanged', reason: describeMatch(entry) };
  });

  const known = new Set(allInputs.map((input) => input.key));
  const orphans: Orphan[] = [];
  for (const key of manifest.keys()) {
    if (known.has(key) || !inShard(key, options.shard)) continue;
    const entry = manifest.get(key)!;
    // Another run may have converted it from a source still present: only a vanished source orphans it.
    const sourceInfo = await stat(resolve(outDir, entry.source)).catch(() => null);
    if (!sourceInfo?.isFile()) orphans.push({ key, entry });
  }
  return { documents, orphans };
}

/** Why the outputs recorded in `entry` no longer fit the input, or null when they still do. */
async function findStaleness(
  entry: ManifestEntry,
  input: { path: string; size: number; mtimeMs: number },
  identity: BuildIdentity,
  outDir: string,
  key: string,
): Promise<string | null> {
  if (entry.converter !== identity.converter) {
    return `converter version changed (${entry.converter} -> ${identity.converter})`;
  }
  if (entry.schema !== identity.schema) return `schema version changed (${entry.schema} -> ${identity.schema})`;
  if (entry.formats.join(',') !== identity.formats.join(',')) {
    return `formats changed (${entry.formats.join(',')} -> ${identity.formats.join(',')})`;
  }
  const pageSelection = entry.pageSelection ?? null;
  if (pageSelection !== identity.pageSelection) {
    return `page selection changed (${pageSelection ?? 'all'} -> ${identity.pageSelection ?? 'all'})`;
  }
  // The files written last time (a CSV per table) as well as those every run writes.
  for (const output of new Set([...outputPaths(key, identity.formats), ...Object.keys(entry.outputs)])) {
    const info = await stat(join(outDir, output)).catch(() => null);
    if (!info) return `output ${output} is missing`;
    if (info.size !== entry.outputs[output]) return `output ${output} was modified since it was written`;
  }
  if (input.size === entry.size && input.mtimeMs === entry.mtimeMs) return null;
  const sha256 = await hashFile(input.path).catch((error: NodeJS.ErrnoException) => error);
  if (sha256 instanceof Error) return `source cannot be read to hash (${sha256.code ?? sha256.message})`;
  if (sha256 !== entry.sha256) return `source changed (sha256 ${entry.sha256.slice(0, 12)} -> ${sha256.slice(0, 12)})`;
  return null;
}

function describeMatch(entry: ManifestEntry): string {
  return (
    `source sha256 ${entry.sha256.slice(0, 12)}, converter ${entry.converter}, schema ${entry.schema} ` +
    `and formats ${entry.formats.join(',')} match the manifest`
  );
}
