/**
 * One writer per output directory. Two runs writing the same directory would race on the manifest
 * and on each other's temporary files, so a run takes `<out>/.undoc-lock` (created exclusively)
 * and a second run is refused with a clear message.
 *
 * A lock is stale, and taken over, when its process no longer exists on this machine, or when its
 * holder stopped refreshing it: the holder touches it every LOCK_REFRESH_MS, so a lock untouched
 * for LOCK_STALE_MS belongs to no live run, whatever host wrote it (a shared or cached output
 * directory) and whichever process now has its PID. Taking a stale lock over is itself guarded by
 * an exclusive file, so that of several runs starting at once exactly one removes it.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = '.undoc-lock';
/** Held for the few milliseconds of removing a stale lock. */
export const TAKEOVER_FILE = '.undoc-lock.takeover';
/** A live run refreshes its lock this often… */
const LOCK_REFRESH_MS = 30_000;
/** …so one untouched this long is stale, on any host. */
export const LOCK_STALE_MS = 5 * 60_000;
/** A takeover guard older than this was left by a run killed during its takeover. */
const TAKEOVER_STALE_MS = 10_000;
/** Attempts before giving up when other runs keep taking the lock. */
const LOCK_ATTEMPTS = 50;
const RETRY_MS = 20;

/** The output directory is being written by another run. */
export class LockedError extends Error {
  override name = 'LockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  /** Unique per acquisition: tells a fresh lock from the stale one it replaced, even with the same PID. */
  token: string;
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock's text and age, or null when there is none. */
async function readLock(path: string): Promise<{ text: string; ageMs: number } | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? null : { text, ageMs: Date.now() - info.mtimeMs };
}

/** Why a lock is still held, or null when it is stale. */
function holderOf(lock: { text: string; ageMs: number }, path: string): string | null {
  if (lock.ageMs >= LOCK_STALE_MS) return null;
  const owner = parseOwner(lock.text);
  // A lock being written right now is empty for a moment: held while young, stale after.
  if (!owner) return lock.ageMs < TAKEOVER_STALE_MS ? `another undoc run is taking ${path}` : null;
  if (owner.host !== hostname()) {
    const minutes = Math.ceil((LOCK_STALE_MS - lock.ageMs) / 60_000);
    return `${path} is held by process ${owner.pid} on ${owner.host} (taken over if not refreshed within ${minutes} min)`;
  }
  if (processIsAlive(owner.pid)) return `another undoc run (process ${owner.pid}) is writing to this directory`;
  return null;
}

/** Removes the stale lock whose text is `staleText`, under the takeover guard; false when another run holds the guard. */
async function removeStaleLock(outDir: string, staleText: string): Promise<boolean> {
  const guard = join(outDir, TAKEOVER_FILE);
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await rm(guard, { force: true });
    return false;
  }
  try {
    // Re-read under the guard: another run may have removed the stale lock and taken a fresh one.
    const path = join(outDir, LOCK_FILE);
    if ((await readFile(path, 'utf8').catch(() => null)) === staleText) await rm(path, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

/** Takes the lock of `outDir` (which must exist) and returns its release function. Throws LockedError. */
export async function lockOutputDirectory(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me) + '\n', { flag: 'wx' });
      return holdLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lock = await readLock(path);
    if (!lock) continue;
    const holder = holderOf(lock, path);
    if (holder) throw new LockedError(holder);
    if (!(await removeStaleLock(outDir, lock.text))) await sleep(RETRY_MS);
  }
  throw new LockedError(`could not take ${path}: other runs keep taking it`);
}

/** Keeps the lock fresh while the run lasts; the returned function releases it. */
function holdLock(path: string): () => Promise<void> {
  const refresh = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, LOCK_REFRESH_MS);
  refresh.unref();
  return async () => {
    clearInterval(refresh);
    await rm(path, { force: true });
  };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, token: typeof owner.token === 'string' ? owner.token : '' };
  } catch {
    return null;
  }
}
