#!/usr/bin/env node
// undoc's launcher: the CLI itself is TypeScript compiled to dist/ by `npm run build` (run by `npm ci`).
import { main } from '../dist/pipeline/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
