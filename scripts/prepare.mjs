#!/usr/bin/env node
// `npm ci`, `npm install` in a clone, and installs from git: build dist/, which bin/undoc.js runs.
// When npm packs or publishes, it runs prepare right after prepack, which has just built dist/
// from scratch (scripts/prepack.mjs): building a second time would only double the wait.
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKING = new Set(['pack', 'publish']);
if (!PACKING.has(process.env.npm_command ?? '')) {
  execSync('npm run build --silent', { cwd: join(dirname(fileURLToPath(import.meta.url)), '..'), stdio: 'inherit' });
}
