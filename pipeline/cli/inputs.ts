/**
 * Input resolution: the command line's files, directories and globs → the sorted list of PDFs to
 * convert, each with the output-relative key its outputs are named after.
 *
 * The key mirrors the input's path below the directory (or the glob's fixed prefix) it was found
 * under: `input/a/X.pdf` given as `input` → key `a/X`, outputs `<out>/a/X.json`, … A file named
 * directly has its base name as key. Keys always use `/`, so manifests travel between systems.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Shard } from './commands/convert.js';
import { UsageError } from './exit.js';

/** One PDF to convert. */
export interface InputDocument {
  /** Absolute path of the PDF. */
  path: string;
  /** Output-relative path without extension, `/`-separated: `a/X` for `<out>/a/X.json`. */
  key: string;
  /** The path as shown to the user: relative to the working directory when below it. */
  display: string;
}

/** An input that is skipped (a `*.pdf` that is no file) or fails (a folder that cannot be read), with its one-clause reason. */
export interface InputProblem {
  display: string;
  reason: string;
  failed: boolean;
}

const PDF_EXTENSION = /\.pdf$/i;

/**
 * How every walk reads the tree: hidden files and directories included (a directory means every
 * PDF under it), and symbolic links followed, to files and directories alike (tinyglobby walks a
 * link cycle once, so the walk always ends).
 */
const WALK = { dot: true, followSymbolicLinks: true, onlyFiles: true, expandDirectories: false } as const;

/**
 * Expands every argument and returns the documents sorted by key; inputs that cannot be used are
 * added to `problems` and the others go on. Throws UsageError.
 */
export async function resolveInputs(
  args: readonly string[],
  cwd = process.cwd(),
  exclude: readonly string[] = [],
  problems: InputProblem[] = [],
): Promise<InputDocument[]> {
  const byKey = new Map<string, InputDocument>();
  const excluded = pathMatcher(exclude, cwd);
  let found = 0;
  for (const arg of args) {
    const documents = await expandArgument(arg, cwd, problems);
    found += documents.length;
    for (const document of documents.filter((candidate) => !excluded(candidate))) {
      const existing = byKey.get(document.key);
      if (existing && existing.path !== document.path) {
        throw new UsageError(`${existing.display} and ${document.display} would both be written as ${document.key}.*`);
      }
      byKey.set(document.key, document);
    }
  }
  if (byKey.size === 0 && found > 0) throw new UsageError(`--exclude leaves none of the ${formatPdfs(found)} found to convert`);
  return [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
}

function formatPdfs(count: number): string {
  return count === 1 ? '1 PDF' : `${count} PDFs`;
}

/**
 * Whether a document matches one of `patterns` (globs, braces included): a pattern with a `/` is
 * matched against the document's path relative to `cwd` and against its absolute path, one
 * without against its file name, wherever it lies (`--exclude '*-scan.pdf'`).
 */
export function pathMatcher(patterns: readonly string[], cwd = process.cwd()): (document: InputDocument) => boolean {
  if (patterns.length === 0) return () => false;
  // As in .gitignore: a pattern without a slash may match at any depth.
  const anchored = patterns
    .map((pattern) => pattern.replace(/^\.\//, ''))
    .map((pattern) => (pattern.includes('/') ? pattern : `**/${pattern}`));
  const matches = picomatch(anchored, { dot: true });
  return (document) => {
    const absolute = document.path.split(sep).join('/');
    const fromCwd = relative(cwd, document.path).split(sep).join('/');
    return matches(fromCwd) || matches(absolute);
  };
}

/** Code-unit order, not locale order: the same on every machine and in every CI runner. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function expandArgument(arg: string, cwd: string, problems: InputProblem[]): Promise<InputDocument[]> {
  const absolute = resolve(cwd, arg);
  const info = await stat(absolute).catch(() => null);
  if (info?.isDirectory()) {
    const before = problems.length;
    const files = await listPdfs(absolute, '**/*.[pP][dD][fF]', cwd, problems);
    // A mistyped folder must not pass as a successful run over nothing: the same error as an empty
    // glob. (A folder whose unreadable parts are the reason is reported through them instead.)
    if (files.length === 0 && problems.length === before) throw new UsageError(`${arg}: no PDF in this directory`);
    return files.map((path) => makeInput(path, relative(absolute, path), cwd));
  }
  if (info?.isFile()) return [makeInput(absolute, basename(absolute), cwd)];
  if (info) {
    problems.push({ display: displayPath(absolute, cwd), reason: 'skipped: not a regular file (a FIFO, socket or device)', failed: false });
    return [];
  }
  // Shells expand globs themselves; an unexpanded one reaches us quoted, or from a shell without globbing.
  if (isDynamicPattern(arg)) return expandGlob(arg, cwd, problems);
  throw new UsageError(`${arg}: no such file or directory`);
}

function makeInput(path: string, relativePath: string, cwd: string): InputDocument {
  const key = relativePath.split(sep).join('/').replace(PDF_EXTENSION, '');
  return { path, key, display: displayPath(path, cwd) };
}

/** A path relative to `cwd` when it lies below it, else absolute; always with `/`. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const fromCwd = relative(cwd, path);
  const shown = fromCwd && !fromCwd.startsWith('..') && !fromCwd.startsWith(sep) ? fromCwd : path;
  return shown.split(sep).join('/');
}

/**
 * The PDFs below `root` that `pattern` (relative to it) matches, absolute and sorted. What the
 * walk passes over in silence becomes a problem: a folder that cannot be read (one failure line
 * for it; the rest converts) and a matching `*.pdf` that is no file (a dangling link, a link loop,
 * a FIFO: one note each).
 */
async function listPdfs(root: string, pattern: string, cwd: string, problems: InputProblem[]): Promise<string[]> {
  const [paths, folders] = await Promise.all([
    glob(pattern, { ...WALK, cwd: root, absolute: true }),
    glob('**', { ...WALK, onlyFiles: false, onlyDirectories: true, cwd: root, absolute: true }),
  ]);
  const files = paths.filter((path) => PDF_EXTENSION.test(path)).map((path) => resolve(path));
  const found = new Set(files);
  const matches = picomatch(pattern, { dot: true });
  for (const folder of [root, ...folders.map((path) => resolve(path))]) {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ display: displayPath(folder, cwd), reason: describeUnreadableFolder(error as NodeJS.ErrnoException), failed: true });
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() || found.has(path) || !PDF_EXTENSION.test(entry.name)) continue;
      if (!matches(relative(root, path).split(sep).join('/'))) continue;
      problems.push({ display: displayPath(path, cwd), reason: await describeNonFile(path), failed: false });
    }
  }
  return files.sort(compareKeys);
}

/** Why a `*.pdf` that the walk did not take as a file is skipped, in one clause. */
async function describeNonFile(path: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  if (info === 'ENOENT') return 'skipped: dangling symbolic link';
  if (info === 'ELOOP') return 'skipped: symbolic link loop';
  if (typeof info === 'string') return `skipped: cannot follow (${info})`;
  return info.isDirectory() ? 'skipped: a directory named like a PDF' : 'skipped: not a regular file (a FIFO, socket or device)';
}

/** The one-clause reason a folder cannot be listed. */
function describeUnreadableFolder(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot read folder: permission denied';
  return `cannot read folder: ${error.code ?? error.message}`;
}

/**
 * Expands a glob (`dir/**\/*.pdf`, `corpus/{ar,fr}/*.pdf`, `A_[0-9]*.pdf`) with tinyglobby. Only
 * PDFs are kept. Keys are relative to the pattern's fixed leading directories, as if that
 * directory had been given.
 */
async function expandGlob(pattern: string, cwd: string, problems: InputProblem[]): Promise<InputDocument[]> {
  const segments = pattern.split(/[\\/]+/);
  const fixed: string[] = [];
  while (segments.length > 1 && !isDynamicPattern(segments[0]!)) fixed.push(segments.shift()!);
  const base = resolve(cwd, fixed.length === 0 ? '.' : fixed.join('/') || '/');
  const baseInfo = await stat(base).catch(() => null);
  const before = problems.length;
  const files = baseInfo?.isDirectory() ? await listPdfs(base, segments.join('/'), cwd, problems) : [];
  if (files.length === 0 && problems.length === before) throw new UsageError(`${pattern}: no PDF matches this pattern`);
  return files.map((path) => makeInput(path, relative(base, path), cwd));
}

/**
 * Whether `key` belongs to the given shard. Assignment hashes the key rather than using its rank
 * in the sorted list, so adding or removing a PDF never moves the other documents between shards:
 * a shard's cached output directory stays valid as the collection grows.
 */
export function inShard(key: string, shard: Shard | null): boolean {
  if (!shard) return true;
  const bucket = createHash('sha256').update(key).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
