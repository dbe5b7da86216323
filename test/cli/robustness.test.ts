/**
 * What a collection may throw at a batch (issue: survive hostile PDFs, kills, pipes, races and
 * tampered state): each test is named after the defect it guards against. The PDFs are built here
 * (test/cli/hostile.ts); nothing large is committed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockOutputDirectory, LOCK_FILE, LOCK_STALE_MS } from '../../pipeline/cli/lock.js';
import { CLI, CLI_TEST_TIMEOUT_MS, REPO_ROOT, SHARED, copyReplica, lines, makeTempDir, runCli, startCli, waitFor } from './helpers.js';
import { decompressionBomb, textPdf } from './hostile.js';

const run = promisify(execFile);
/** The built lock module, run by separate processes as concurrent undoc runs would. */
const LOCK_MODULE = join(REPO_ROOT, 'dist', 'pipeline', 'cli', 'lock.js');

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

/** A small readable PDF: converts in about a second. */
const TEXT = 'The General Assembly, recalling its resolution on the question, decides to continue the consideration of the item.';

async function writeTextPdfs(names: readonly string[]): Promise<void> {
  for (const name of names) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), textPdf(TEXT));
  }
}

async function outputNames(out: string): Promise<string[]> {
  return (await readdir(out)).sort();
}

describe('1. decompression bombs', () => {
  it(
    'a bomb inflating to 3 GiB is killed at the memory bound as one failure line; the batch goes on',
    async () => {
      await mkdir(join(dir, 'in'));
      await writeFile(join(dir, 'in', 'bomb.pdf'), decompressionBomb(3));
      await writeTextPdfs(['in/good.pdf']);
      const result = await runCli(['convert', 'in', '--out', 'out', '--jobs', '1'], dir);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([
        expect.stringMatching(/^failed in\/bomb\.pdf: out of memory: conversion needed more than \d+ MiB/),
      ]);
      expect(result.stdout).toContain('converted in/good.pdf');
      expect(await outputNames(join(dir, 'out'))).toEqual(['.undoc-manifest.json', 'good.html', 'good.json', 'good.md']);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('2. a damaged PDF and the next document on the same worker', () => {
  it(
    'damaged copies of the replica (truncated, bytes flipped) never make the good document after them fail',
    async () => {
      await copyReplica(dir, ['in/good1.pdf', 'in/good3.pdf', 'in/good5.pdf']);
      const good = await readFile(join(dir, 'in', 'good1.pdf'));
      // Cut inside the cross-reference data and the object streams: pdf.js fails with late rejections there.
      await writeFile(join(dir, 'in', 'good0-damaged.pdf'), good.subarray(0, Math.floor(good.length * 0.9)));
      const flipped = Buffer.from(good);
      for (let offset = flipped.length - 2000; offset < flipped.length; offset += 7) flipped[offset]! ^= 0xff;
      await writeFile(join(dir, 'in', 'good2-damaged.pdf'), flipped);
      await writeFile(join(dir, 'in', 'good4-damaged.pdf'), good.subarray(0, 3000));
      const result = await runCli(['convert', 'in', '--out', 'out', '--jobs', '1'], dir);
      for (const name of ['good1', 'good3', 'good5']) expect(result.stdout).toContain(`converted in/${name}.pdf`);
      expect(lines(result.stderr).every((line) => /^failed in\/good\d-damaged\.pdf: \S/.test(line))).toBe(true);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

const CORPUS_PDF = join(SHARED, 'corpus', 'pdf');
/** Byte offset → XOR mask: a mutant of HRI/MC/2025/1 that scripts/mutate.mjs made (seed 12, batch 0). */
const HRI_MC_2025_1_FLIPS: ReadonlyArray<readonly [number, number]> = [
  [612, 49],
  [4731, 208],
  [14950, 95],
  [23194, 224],
  [26519, 126],
  [30706, 36],
  [36520, 58],
  [40776, 204],
  [49776, 132],
  [52006, 103],
  [54614, 248],
  [55706, 123],
  [70330, 33],
  [75074, 136],
  [76549, 224],
  [77227, 126],
  [87903, 126],
  [89517, 173],
  [93014, 64],
  [105181, 93],
  [107096, 91],
  [108319, 146],
  [110197, 170],
];

describe.skipIf(!existsSync(CORPUS_PDF))('2. reproduced: HRI/MC/2025/1 with 23 bytes flipped (needs ../shared/corpus/pdf)', () => {
  it(
    'after A/80/74 on one worker, the mutant fails on its xref and the intact HRI/MC/2025/1 after it converts (before child processes its late XRefEntryException rejection crashed the worker in the middle of that next document)',
    async () => {
      await mkdir(join(dir, 'in'));
      const original = await readFile(join(CORPUS_PDF, 'HRI_MC_2025_1-en.pdf'));
      const mutant = Buffer.from(original);
      for (const [offset, mask] of HRI_MC_2025_1_FLIPS) mutant[offset]! ^= mask;
      await writeFile(join(dir, 'in', '1-A_80_74-E_2025_53-en.pdf'), await readFile(join(CORPUS_PDF, 'A_80_74-E_2025_53-en.pdf')));
      await writeFile(join(dir, 'in', '2-HRI_MC_2025_1-flipped.pdf'), mutant);
      await writeFile(join(dir, 'in', '3-HRI_MC_2025_1-en.pdf'), original);
      const result = await runCli(['convert', 'in', '--out', 'out', '--jobs', '1'], dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('converted in/1-A_80_74-E_2025_53-en.pdf');
      expect(result.stdout).toContain('converted in/3-HRI_MC_2025_1-en.pdf');
      expect(lines(result.stderr)).toEqual([
        expect.stringMatching(/^failed in\/2-HRI_MC_2025_1-flipped\.pdf: unreadable PDF: Bad \(uncompressed\) XRef entry/),
      ]);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('3. EPIPE on the log', () => {
  it(
    '`undoc convert … | head -1` completes the batch (or fails): never 0 with work left, no lock left',
    async () => {
      await writeTextPdfs(['in/a.pdf', 'in/b.pdf', 'in/c.pdf', 'in/d.pdf']);
      const script = `"${process.execPath}" "${CLI}" convert in --out out --jobs 1 | head -1; echo "status \${PIPESTATUS[0]}"`;
      const { stdout } = await run('bash', ['-c', script], { cwd: dir, env: { ...process.env, CI: 'true' } });
      const status = Number(/status (\d+)/.exec(stdout)?.[1]);
      const written = (await outputNames(join(dir, 'out'))).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
      if (status === 0) expect(written).toEqual(['a.json', 'b.json', 'c.json', 'd.json']);
      else expect(status).toBeGreaterThan(0);
      expect(existsSync(join(dir, 'out', LOCK_FILE))).toBe(false);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

/** Runs the CLI as an unprivileged user when the tests run as root (root reads anything). */
async function runCliUnprivileged(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'setpriv' : process.execPath;
  const prefix = asRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  return new Promise((resolve) => {
    execFile(command, [...prefix, CLI, ...args], { cwd: dir, env: { ...process.env, CI: 'true' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('4. an unreadable input', () => {
  it.skipIf(process.getuid?.() === 0 && !existsSync('/usr/bin/setpriv'))(
    'an unreadable subfolder and an unreadable file are one failure line each; the rest converts',
    async () => {
      await writeTextPdfs(['in/a.pdf', 'in/locked/b.pdf', 'in/c.pdf']);
      await chmod(dir, 0o777);
      await chmod(join(dir, 'in'), 0o777);
      await chmod(join(dir, 'in', 'locked'), 0o000);
      await chmod(join(dir, 'in', 'c.pdf'), 0o000);
      await chmod(join(dir, 'in', 'a.pdf'), 0o644);
      const result = await runCliUnprivileged(['convert', 'in', '--out', 'out', '--jobs', '1']);
      await chmod(join(dir, 'in', 'locked'), 0o755);
      expect(result.code).toBe(1);
      expect(lines(result.stderr).sort()).toEqual([
        'failed in/c.pdf: cannot read: permission denied',
        'failed in/locked: cannot read folder: permission denied',
      ]);
      expect(result.stdout).toContain('converted in/a.pdf');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('5. a blocking read', () => {
  it(
    'an input replaced by a FIFO after planning fails in one line and the process exits',
    async () => {
      await copyReplica(dir, ['in/a.pdf']);
      await writeTextPdfs(['in/b.pdf']);
      const { child, done } = startCli(['convert', 'in', '--out', 'out', '--jobs', '1', '--timeout', '20'], dir);
      // a.pdf (20 pages) converts first; b.pdf is swapped for a FIFO that no one ever writes.
      await waitFor(() => existsSync(join(dir, 'out', LOCK_FILE)), 30_000);
      await rm(join(dir, 'in', 'b.pdf'));
      await run('mkfifo', [join(dir, 'in', 'b.pdf')]);
      const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      const result = await done;
      clearTimeout(killer);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([expect.stringMatching(/^failed in\/b\.pdf: (cannot read: not a regular file|timeout)/)]);
      expect(result.stdout).toContain('converted in/a.pdf');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('7. an input named like the manifest', () => {
  it(
    '.undoc-manifest.pdf is refused in one line; the manifest stays, --check is satisfied',
    async () => {
      await writeTextPdfs(['in/.undoc-manifest.pdf', 'in/a.pdf']);
      const first = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(first.code).toBe(1);
      expect(lines(first.stderr)).toEqual([
        expect.stringMatching(/^failed in\/\.undoc-manifest\.pdf: refused: its output \.undoc-manifest\.json/),
      ]);
      const manifest = JSON.parse(await readFile(join(dir, 'out', '.undoc-manifest.json'), 'utf8'));
      expect(Object.keys(manifest.documents)).toEqual(['a']);
      const check = await runCli(['convert', 'in', '--out', 'out', '--check'], dir);
      expect(check.code).toBe(0);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('8. log injection through file names', () => {
  it(
    'a newline or an escape sequence in a name is printed escaped: no line starts with a workflow command',
    async () => {
      await writeTextPdfs(['in/a\n::error file=x::boom.pdf', 'in/b\u001b[2Jc.pdf']);
      // A name that cannot convert, so that it reaches the failure line too.
      await writeFile(join(dir, 'in', 'c\n::warning::x.pdf'), 'not a pdf');
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      const all = [...lines(result.stdout), ...lines(result.stderr)];
      expect(all.some((line) => line.startsWith('::'))).toBe(false);
      expect(result.stdout + result.stderr).not.toContain('\u001b');
      expect(result.stdout).toContain('converted in/a\\n::error file=x::boom.pdf');
      expect(result.stdout).toContain('converted in/b\\x1b[2Jc.pdf');
      expect(result.stderr).toContain('failed in/c\\n::warning::x.pdf: not a PDF');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('9. deletes and writes outside --out', () => {
  it(
    'a manifest entry with .. whose source is gone removes nothing outside --out',
    async () => {
      await writeTextPdfs(['in/a.pdf']);
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'victim.json'), 'precious');
      const entry = { source: 'gone.pdf', sha256: '0', size: 1, mtimeMs: 1, pages: 1, converter: 'x', schema: 'x', formats: ['json'] };
      const manifest = {
        manifest: 'undoc-manifest/1',
        documents: {
          '../victim': { ...entry, outputs: { '../victim.json': 8 } },
          sneaky: { ...entry, outputs: { '../victim.json': 8 } },
        },
      };
      await writeFile(join(dir, 'out', '.undoc-manifest.json'), JSON.stringify(manifest));
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(result.code).toBe(0);
      expect(await readFile(join(dir, 'victim.json'), 'utf8')).toBe('precious');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'a symbolic link to a folder inside --out is refused in one line, nothing is written through it',
    async () => {
      await writeTextPdfs(['in/sub/a.pdf', 'in/b.pdf']);
      await mkdir(join(dir, 'out'));
      await mkdir(join(dir, 'elsewhere'));
      await symlink(join(dir, 'elsewhere'), join(dir, 'out', 'sub'));
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([
        expect.stringMatching(/^failed in\/sub\/a\.pdf: cannot write outputs: .*out\/sub is a symbolic link/),
      ]);
      expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
      expect(result.stdout).toContain('converted in/b.pdf');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('10. the output lock', () => {
  it(
    'of thirty processes taking a stale lock at once, never two hold it at the same time',
    async () => {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
      // Each process takes the lock, holds it a moment (so later takers meet it), then releases it,
      // printing when it held it.
      const script = `const { lockOutputDirectory } = await import(${JSON.stringify(LOCK_MODULE)});
        try { const release = await lockOutputDirectory(process.argv[1]); const from = Date.now();
              await new Promise((r) => setTimeout(r, 1500)); const to = Date.now(); await release();
              console.log('held', from, to); }
        catch (error) { console.log(error.name); }`;
      const takers = Array.from({ length: 30 }, () => run(process.execPath, ['--input-type=module', '-e', script, dir]));
      const answers = (await Promise.all(takers)).map(({ stdout }) => stdout.trim().split(' '));
      const holds = answers.filter(([answer]) => answer === 'held').map(([, from, to]) => [Number(from), Number(to)] as const);
      expect(holds.length).toBeGreaterThanOrEqual(1);
      expect(answers.filter(([answer]) => answer !== 'held').every(([answer]) => answer === 'LockedError')).toBe(true);
      holds.sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < holds.length; k++)
        expect(holds[k]![0], 'a lock taken while another run held it').toBeGreaterThanOrEqual(holds[k - 1]![1]);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('a lock of another host is refused while fresh, and taken over once no run has refreshed it', async () => {
    const path = join(dir, LOCK_FILE);
    await writeFile(path, JSON.stringify({ pid: 1, host: 'elsewhere.example' }));
    await expect(lockOutputDirectory(dir)).rejects.toThrow(/held by process 1 on elsewhere\.example/);
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    await import('node:fs/promises').then(({ utimes }) => utimes(path, old, old));
    const release = await lockOutputDirectory(dir);
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await release();
  });
});

describe('11. the default time limit', () => {
  it('scales with the page count, and --help says so', async () => {
    const { convertCommand } = await import('../../pipeline/cli/commands/convert.js');
    const options = convertCommand.parse(['in', '--out', 'out']) as { timeoutMs: number; timeoutPerPageMs: number };
    expect(options.timeoutMs).toBe(120_000);
    expect(options.timeoutPerPageMs).toBe(50);
    const fixed = convertCommand.parse(['in', '--out', 'out', '--timeout', '30']) as { timeoutMs: number; timeoutPerPageMs: number };
    expect([fixed.timeoutMs, fixed.timeoutPerPageMs]).toEqual([30_000, 0]);
    const help = await runCli(['--help'], dir);
    expect(help.stdout).toContain('default: 120 + 0.05 per page');
  });
});

describe('12. damaged content', () => {
  it(
    'a PDF whose body comes out (nearly) empty fails with a reason instead of converting to nothing',
    async () => {
      await mkdir(join(dir, 'in'));
      // Enough text to pass the scan check, too little to make a body: what a content stream
      // skipped by pdf.js while recovering leaves.
      await writeFile(join(dir, 'in', 'hollow.pdf'), textPdf('Distr.: General 12 May 2020'));
      await writeTextPdfs(['in/whole.pdf']);
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([expect.stringMatching(/^failed in\/hollow\.pdf: empty body: \d+ characters of text/)]);
      expect(result.stdout).toContain('converted in/whole.pdf');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('13. the small ones', () => {
  it(
    'a temporary file a killed run left in a folder nothing converts into is removed by the next run',
    async () => {
      await writeTextPdfs(['in/a.pdf']);
      await mkdir(join(dir, 'out', 'old', 'deep'), { recursive: true });
      await writeFile(join(dir, 'out', 'old', 'deep', '.undoc-tmp-4242-1'), 'half');
      await writeFile(join(dir, 'out', 'old', '.x.json.4242.undoc-tmp'), 'half');
      expect((await runCli(['convert', 'in', '--out', 'out'], dir)).code).toBe(0);
      expect(await readdir(join(dir, 'out', 'old', 'deep'))).toEqual([]);
      expect(await readdir(join(dir, 'out', 'old'))).toEqual(['deep']);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('an output folder that cannot be created is an environment error: exit status 3, stated in --help', async () => {
    await writeTextPdfs(['in/a.pdf']);
    await writeFile(join(dir, 'file'), '');
    const result = await runCli(['convert', 'in', '--out', 'file/out'], dir);
    expect(result.code).toBe(3);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^undoc: --out file\/out: cannot create the output directory \(ENOTDIR\)$/),
    ]);
    expect((await runCli(['--help'], dir)).stdout).toMatch(/3 environment error/);
  });

  it(
    'names of 240 to 255 bytes convert (the temporary name does not lengthen them)',
    async () => {
      const long = 'L'.repeat(246) + '.pdf';
      await writeTextPdfs([`in/${long}`]);
      const result = await runCli(['convert', 'in', '--out', 'out', '--format', 'json,md'], dir);
      expect(result.stderr).toBe('');
      expect(await outputNames(join(dir, 'out'))).toEqual(['.undoc-manifest.json', 'L'.repeat(246) + '.json', 'L'.repeat(246) + '.md']);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'SIGHUP ends the run with status 129 and leaves no lock and no journal',
    async () => {
      await copyReplica(dir, ['in/a.pdf', 'in/b.pdf', 'in/c.pdf']);
      const { child, done } = startCli(['convert', 'in', '--out', 'out', '--jobs', '1'], dir);
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      await waitFor(() => stdout.includes('converted'), 120_000);
      child.kill('SIGHUP');
      const result = await done;
      expect(result.code).toBe(129);
      const names = await outputNames(join(dir, 'out'));
      expect(names).not.toContain(LOCK_FILE);
      expect(names).not.toContain('.undoc-manifest.journal');
      expect(names).toContain('.undoc-manifest.json');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'symbolic link loops, dangling links and FIFOs named *.pdf get a one-line note each',
    async () => {
      await writeTextPdfs(['in/a.pdf']);
      await symlink('loop2.pdf', join(dir, 'in', 'loop1.pdf'));
      await symlink('loop1.pdf', join(dir, 'in', 'loop2.pdf'));
      await symlink('nowhere.pdf', join(dir, 'in', 'dangling.pdf'));
      await run('mkfifo', [join(dir, 'in', 'pipe.pdf')]);
      const result = await runCli(['convert', 'in', '--out', 'out'], dir);
      expect(result.code).toBe(0);
      expect(lines(result.stderr).sort()).toEqual([
        'undoc: in/dangling.pdf: skipped: dangling symbolic link',
        'undoc: in/loop1.pdf: skipped: symbolic link loop',
        'undoc: in/loop2.pdf: skipped: symbolic link loop',
        'undoc: in/pipe.pdf: skipped: not a regular file (a FIFO, socket or device)',
      ]);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it('--timeout -1 gets undoc’s own message', async () => {
    const result = await runCli(['convert', 'in', '--out', 'out', '--timeout', '-1'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)[0]).toBe('undoc: --timeout: expected a positive number of seconds, got "-1"');
  });
});
