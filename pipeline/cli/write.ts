/**
 * Writing outputs so that no reader ever sees a half-written file: each file is written under a
 * temporary name in its own directory and renamed into place. A rename within one directory is
 * atomic, so a run killed at any moment leaves either the old file or the new one, whole.
 *
 * No fsync: the rename already protects against a killed or crashed process, which is what a
 * batch run meets; a disk flush per file would only add power-loss safety at a high cost.
 *
 * Nothing is written or removed outside the output directory: paths are checked to lie below it,
 * and a symbolic link to a directory inside it is refused rather than followed.
 */
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Temporary files: `.undoc-tmp-<pid>-<n>`, short and of fixed length, so that an output whose
 * own name is near the file system's 255-byte limit can still be written through one. The
 * second pattern is the longer form earlier versions used, cleaned up all the same.
 */
const TEMP_FILE = /^\.undoc-tmp-\d+-\d+$|^\..+\.\d+\.undoc-tmp$/;
let tempCounter = 0;

function tempPathFor(path: string): string {
  return join(dirname(path), `.undoc-tmp-${process.pid}-${++tempCounter}`);
}

/** A path that is not inside the output directory, or passes through a symbolic link there. */
export class OutsideOutputError extends Error {
  override name = 'OutsideOutputError';
}

/**
 * Checks that `path` lies below `root` and that no directory between them is a symbolic link
 * (which would carry writes or deletes elsewhere). Directories not created yet are fine.
 */
export async function assertInsideRoot(path: string, root: string): Promise<void> {
  const fromRoot = relative(resolve(root), resolve(path));
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith('..' + sep) || resolve(fromRoot) === fromRoot) {
    throw new OutsideOutputError(`${path} is outside the output directory`);
  }
  let current = resolve(root);
  for (const part of dirname(fromRoot)
    .split(sep)
    .filter((segment) => segment !== '.' && segment !== '')) {
    current = join(current, part);
    const info = await lstat(current).catch(() => null);
    if (!info) return;
    if (info.isSymbolicLink()) throw new OutsideOutputError(`${current} is a symbolic link (outputs stay inside --out)`);
  }
}

/** Writes `content` to `path` atomically, creating the directory when needed. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files as one unit: every file goes to its temporary name first, and only when
 * all are written are they renamed into place. A failure while writing leaves the old files as
 * they were; what remains is a window of a few renames in which a kill leaves some files new and
 * some old, each one whole, and the manifest (updated after) makes the next run redo them.
 */
export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; content: string }>, root: string | null = null): Promise<void> {
  // `root`: the output directory the files must stay in (a batch); null for paths the user named.
  if (root !== null) for (const { path } of files) await assertInsideRoot(path, root);
  const temps: string[] = [];
  try {
    for (const { path, content } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = tempPathFor(path);
      temps.push(temp);
      await writeFile(temp, content);
    }
    for (const [index, { path }] of files.entries()) await rename(temps[index]!, path);
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw error;
  }
}

/**
 * Deletes temporary files that a killed run left behind anywhere below `root` (symbolic links are
 * not followed). Only called while holding the output directory's lock, so no other undoc run can
 * be writing them.
 */
export async function removeLeftoverTempFiles(root: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() && TEMP_FILE.test(entry.name) ? rm(path, { force: true }) : undefined;
      }),
    );
  };
  await walk(root);
}

/** Removes a file if it exists, then the directories above it that became empty, up to `root`. */
export async function removeOutput(path: string, root: string): Promise<void> {
  await assertInsideRoot(path, root);
  await rm(path, { force: true });
  let dir = dirname(path);
  while (dir.startsWith(root + sep)) {
    // rmdir refuses a directory that is not empty: exactly the check wanted, without a race.
    if (
      !(await rmdir(dir).then(
        () => true,
        () => false,
      ))
    )
      break;
    dir = dirname(dir);
  }
}
