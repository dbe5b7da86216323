#!/usr/bin/env node
// `npm pack` / `npm publish`: the tarball ships dist/, which git ignores, so it is built here from
// nothing: a clean dist/ holds exactly what the current sources compile to, and no module left over
// from a file since renamed or removed. (npm runs prepare right after; scripts/prepare.mjs skips it.)
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
