/**
 * The published package: `npm pack` ships what runs (the built dist/, the launcher, the schemas,
 * README and LICENSE) and nothing of the repository's tests, bench, sample inputs and outputs or PDFs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/shared.js';

interface PackEntry {
  files: { path: string }[];
}

/** The tarball's file list. Scripts are skipped: `npm test` has just built dist/ (pretest). */
function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return (JSON.parse(json) as PackEntry[])[0]!.files.map((file) => file.path).sort();
}

describe('npm package', () => {
  const files = existsSync(join(REPO_ROOT, 'dist/pipeline/index.js')) ? packedFiles() : [];

  it('ships the built library with its declarations, the launcher, the schemas, README and LICENSE', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/undoc.js',
        'dist/pipeline/index.js',
        'dist/pipeline/index.d.ts',
        'dist/pipeline/api-worker.js',
        'dist/pipeline/cli/main.js',
        'dist/pipeline/cli/worker.js',
        'dist/schemas/undoc.validate.cjs',
        'schemas/undoc.schema.json',
        'schemas/undoc.schema.d.ts',
        'schemas/report.schema.json',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
  });

  it('ships no tests, bench, sample inputs or outputs, TypeScript sources, build-info files or PDFs', () => {
    const unwanted = files.filter(
      (path) =>
        /^(test|bench|input|output|docs|scripts|pipeline)\//.test(path) ||
        /\.pdf$/i.test(path) ||
        /\.tsbuildinfo/.test(path) ||
        (/\.ts$/.test(path) && !/\.d\.ts$/.test(path)),
    );
    expect(unwanted).toEqual([]);
  });

  it('every path the exports map and bin name is in the tarball', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
      main: string;
      types: string;
    };
    const targets = [
      ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
      ...Object.values(pkg.bin),
      pkg.main,
      pkg.types,
    ].map((path) => path.replace(/^\.\//, ''));
    expect(targets.filter((path) => !files.includes(path))).toEqual([]);
  });
});
