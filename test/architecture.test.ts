/**
 * The shape of the code, checked like its behaviour: functions a reader can take in at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './e2e/shared.js';

/** The longest function body the pipeline may have, in lines. */
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every function (declaration, method, arrow, expression) longer than the limit, as "file:line name (n lines)". */
function longFunctions(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name ? node.name.getText(source) : '(anonymous)';
      if (lines > MAX_FUNCTION_LINES) found.push(`${relative(REPO_ROOT, file)}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it(`has no function in pipeline/ longer than ${MAX_FUNCTION_LINES} lines`, () => {
    expect(sourceFiles(join(REPO_ROOT, 'pipeline')).flatMap((file) => longFunctions(file))).toEqual([]);
  });

  it('the check finds an arrow function one line over the limit, and passes one at the limit', () => {
    const arrow = (lines: number) => `const f = () => {\n${'  work();\n'.repeat(lines - 2)}};\n`;
    expect(longFunctions(join(REPO_ROOT, 'pipeline/x.ts'), arrow(MAX_FUNCTION_LINES + 1))).toEqual([
      `pipeline/x.ts:1 (anonymous) (${MAX_FUNCTION_LINES + 1} lines)`,
    ]);
    expect(longFunctions(join(REPO_ROOT, 'pipeline/x.ts'), arrow(MAX_FUNCTION_LINES))).toEqual([]);
  });
});
