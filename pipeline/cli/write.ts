/**
 * Writing outputs so that no reader ever sees a half-written file: each file is written under a
 * temporary name in its own directory and renamed into place. A rename within one directory is
 * atomic, so a run killed at any moment leaves either the old file or the new one, whole.
 *
 * No fsync: the rename already protects against a killed or crashed process, which is what a
 * batch run meets; a disk flush per file would only add power-loss safety at a high cost.
 */
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

/** Temporary files carry this suffix (and a leading dot, so listings and globs skip them). */
const TEMP_SUFFIX = '.undoc-tmp';
const TEMP_FILE = /^\..+\.\d+\.undoc-tmp$/;

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}${TEMP_SUFFIX}`);
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
export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  const written: string[] = [];
  try {
    for (const { path, content } of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = tempPathFor(path);
      written.push(temp);
      await writeFile(temp, content);
    }
  } catch (error) {
    await Promise.all(written.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  for (const { path } of files) await rename(tempPathFor(path), path);
}

/**
 * Deletes temporary files that a killed run left behind in `dir`. Only called while holding the
 * output directory's lock, so no other undoc run can be writing them.
 */
export async function removeLeftoverTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => TEMP_FILE.test(name)).map((name) => rm(join(dir, name), { force: true })));
}

/** Removes a file if it exists, then the directories above it that became empty, up to `root`. */
export async function removeOutput(path: string, root: string): Promise<void> {
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
