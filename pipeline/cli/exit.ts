/**
 * What every command's outcome comes down to: an exit status, and for an error one line a user
 * reads. Shared by the commands, the batch and its workers.
 */

/** Exit statuses of every undoc command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3, mismatch: 4, hangup: 129, interrupted: 130, terminated: 143 } as const;

/** Set UNDOC_DEBUG=1 to see stack traces of unexpected errors and the workers' stderr. */
export const DEBUG = process.env.UNDOC_DEBUG === '1';

/** A mistake in how undoc was called: one line, then the command's usage line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input the command cannot use (unreadable, not what it expects): one line, exit status 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Inputs that are each usable but do not belong together (align: versions of different documents): exit status 4. */
export class MismatchError extends InputError {
  override name = 'MismatchError';
}

/**
 * The environment stops the whole run, with no document to blame: the output directory cannot be
 * created or written (read-only, missing mount, full), the manifest cannot be saved. Exit status 3.
 */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** Error codes of the file system that say the environment, not a document, is at fault. */
const ENVIRONMENT_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOENT', 'ENOTDIR', 'EIO', 'EMFILE', 'ENFILE']);

/** Whether an error that reached the top of a command is the environment's (exit status 3). */
export function isEnvironmentError(error: unknown): boolean {
  return error instanceof EnvironmentError || ENVIRONMENT_CODES.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/** The first line of an error's message: a reason must fit on the one line a user reads. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
