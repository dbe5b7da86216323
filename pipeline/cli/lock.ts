/**
 * One writer per output directory. Two runs writing the same directory would race on the manifest
 * and on each other's temporary files, so a run takes `<out>/.undoc-lock` (created exclusively)
 * and a second run is refused with a clear message. A lock left by a killed run is taken over
 * when its process no longer exists on this machine.
 */
import { hostname } from 'node:os';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = '.undoc-lock';

/** The output directory is being written by another run. */
export class LockedError extends Error {
  override name = 'LockedError';
}

interface LockOwner {
  pid: number;
  host: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `outDir` (which must exist) and returns its release function. Throws LockedError. */
export async function lockOutputDirectory(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me) + '\n', { flag: 'wx' });
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
    if (owner && owner.host !== me.host) {
      throw new LockedError(`${path} is held by process ${owner.pid} on ${owner.host}; remove it if no run is active there`);
    }
    if (owner && processIsAlive(owner.pid)) {
      throw new LockedError(`another undoc run (process ${owner.pid}) is writing to this directory`);
    }
    // The owner is gone (killed run) or the file is unreadable: take the lock over.
    await rm(path, { force: true });
  }
  throw new LockedError(`could not take ${path}: another run keeps taking it`);
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null;
  }
}
