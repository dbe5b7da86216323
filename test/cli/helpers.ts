/**
 * Shared by the CLI tests: they run the built CLI (`node bin/undoc.js`, built by `npm run build`,
 * which `pretest` runs) in temporary directories, the way users and CI scripts run it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO_ROOT, 'bin', 'undoc.js');
/** The reference document, committed in input/. */
export const REPLICA = join(REPO_ROOT, 'input', 'A_61_187-fr.pdf');
/** The shared corpus lives beside the repository; tests that need it skip when it is absent. */
export const SHARED = resolve(REPO_ROOT, '../shared');
export const BAD_PDFS = join(SHARED, 'corpus', 'bad');
export const HAVE_SHARED = existsSync(BAD_PDFS);

/** Conversions on a busy two-core machine: generous, since no test asserts on time. */
export const CLI_TEST_TIMEOUT_MS = 240_000;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function startCli(args: readonly string[], cwd: string): { child: ChildProcess; done: Promise<CliResult> } {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.UNDOC_DEBUG;
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  return startCli(args, cwd).done;
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'undoc-cli-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies the replica to each of `names` (paths relative to `dir`). */
export async function copyReplica(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await copyFile(REPLICA, join(dir, name));
  }
}

/** Every file below `dir` (hidden ones included), relative path with `/` → its bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), await readFile(path));
    }
  };
  await walk(dir);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Relative path → mtime, to prove a run wrote nothing. */
export async function readMtimes(dir: string): Promise<Map<string, number>> {
  const mtimes = new Map<string, number>();
  for (const path of (await readTree(dir)).keys()) mtimes.set(path, (await stat(join(dir, path))).mtimeMs);
  return mtimes;
}

let documentValidator: ValidateFunction | undefined;
/** Validates a JSON output against the project's document schema (independently of the CLI's own check). */
export async function validateOutputJson(path: string): Promise<string[]> {
  if (!documentValidator) {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schemas', 'undoc.schema.json'), 'utf8'));
    documentValidator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  const document = JSON.parse(await readFile(path, 'utf8'));
  return documentValidator(document) ? [] : (documentValidator.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);
}

/** Waits until `predicate` holds, polling; throws after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 25));
  }
}

/** Lines of a stream's text, without the empty last one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
