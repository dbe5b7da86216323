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

/**
 * An input that cannot be taken, found while listing: a folder or file that cannot be read
 * (`failed`: one failure line, the rest of the batch converts), or a `*.pdf` that is no PDF file
 * at all (a dangling or looping link, a FIFO: one note, skipped).
 */
export interface InputProblem {
  display: string;
  reason: string;
  failed: boolean;
}

const PDF_EXTENSION = /\.pdf$/i;
const GLOB_MAGIC = /[*?[]/;

/** Expands every argument and returns the documents sorted by key. Throws UsageError. */
export async function resolveInputs(args: readonly string[], cwd = process.cwd(), problems: InputProblem[] = []): Promise<InputDocument[]> {
  const byKey = new Map<string, InputDocument>();
  for (const arg of args) {
    for (const document of await expandArgument(arg, cwd, problems)) {
      const existing = byKey.get(document.key);
      if (existing && existing.path !== document.path) {
        throw new UsageError(`${existing.display} and ${document.display} would both be written as ${document.key}.*`);
      }
      byKey.set(document.key, document);
    }
  }
  return [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
}

/** Code-unit order, not locale order: the same on every machine and in every CI runner. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function expandArgument(arg: string, cwd: string, problems: InputProblem[]): Promise<InputDocument[]> {
  const absolute = resolve(cwd, arg);
  const info = await stat(absolute).catch(() => null);
  if (info?.isDirectory()) {
    const files = await listPdfs(absolute, cwd, problems);
    return files.map((path) => makeInput(path, relative(absolute, path), cwd));
  }
  if (info?.isFile()) return [makeInput(absolute, basename(absolute), cwd)];
  if (info) {
    problems.push({ display: displayPath(absolute, cwd), reason: 'skipped: not a regular file (a FIFO, socket or device)', failed: false });
    return [];
  }
  // Shells expand globs themselves; an unexpanded one reaches us quoted, or from a shell without globbing.
  if (GLOB_MAGIC.test(arg)) return expandGlob(arg, cwd, problems);
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

/** Why a `*.pdf` that is not a regular file is skipped, in one clause. */
async function describeNonFile(path: string): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  if (info === 'ENOENT') return 'skipped: dangling symbolic link';
  if (info === 'ELOOP') return 'skipped: symbolic link loop';
  if (typeof info === 'string') return `skipped: cannot follow (${info})`;
  return info.isDirectory() ? 'skipped: a link to a directory (not followed)' : 'skipped: not a regular file (a FIFO, socket or device)';
}

/** The one-clause reason a folder cannot be listed. */
function describeUnreadableFolder(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot read folder: permission denied';
  return `cannot read folder: ${error.code ?? error.message}`;
}

/**
 * Every `*.pdf` below `root`, recursively. Symbolic links to files are followed; links to
 * directories are not, so a link cycle cannot make the walk endless. A folder that cannot be read
 * and a `*.pdf` that is not a file become `problems`; the walk goes on.
 */
async function listPdfs(root: string, cwd: string, problems: InputProblem[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ display: displayPath(dir, cwd), reason: describeUnreadableFolder(error as NodeJS.ErrnoException), failed: true });
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (PDF_EXTENSION.test(entry.name)) {
        if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile())) found.push(path);
        else problems.push({ display: displayPath(path, cwd), reason: await describeNonFile(path), failed: false });
      }
    }
  };
  await walk(root);
  return found;
}

/**
 * Expands `dir/**\/*.pdf`-style patterns: `**` spans any number of directories, `*` and `?` stay
 * within one name, `[...]` is a character class. Only PDFs are kept. Keys are relative to the
 * pattern's fixed leading directories, as if that directory had been given.
 */
async function expandGlob(pattern: string, cwd: string, problems: InputProblem[]): Promise<InputDocument[]> {
  const segments = pattern.split(/[\\/]+/);
  const fixed: string[] = [];
  while (segments.length > 1 && !GLOB_MAGIC.test(segments[0]!)) fixed.push(segments.shift()!);
  const base = resolve(cwd, fixed.length === 0 ? '.' : fixed.join('/') || '/');
  const matcher = globToRegExp(segments.join('/'));
  const baseInfo = await stat(base).catch(() => null);
  const files = baseInfo?.isDirectory() ? await listPdfs(base, cwd, problems) : [];
  const matches = files
    .map((path) => ({ path, relativePath: relative(base, path) }))
    .filter(({ relativePath }) => matcher.test(relativePath.split(sep).join('/')));
  if (matches.length === 0) throw new UsageError(`${pattern}: no PDF matches this pattern`);
  return matches.map(({ path, relativePath }) => makeInput(path, relativePath, cwd));
}

/** Translates a `/`-separated glob into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole directories; a trailing `**` matches anything.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
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
