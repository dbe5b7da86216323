/** Where the shared corpus lives, and whether this checkout has it (a user's fresh clone does not). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const CORPUS_PDF = join(SHARED, 'corpus/pdf');
export const REPLICA_DIR = join(SHARED, 'corpus/replica');
export const GOLD_DIR = join(SHARED, 'gold');
export const GOLD_TABLES_DIR = join(SHARED, 'gold-tables');
export const TOOLS = join(SHARED, 'tools');
export const HAS_SHARED = existsSync(CORPUS_PDF) && existsSync(TOOLS);
export const SKIP_REASON = `skipped: ${SHARED} is absent (the shared UN corpus is not part of this repository)`;
export const REPLICA_PDF = join(REPO_ROOT, 'input/A_61_187-fr.pdf');

// One line in the test log saying why the corpus tests do not run here.
if (!HAS_SHARED) console.warn(`undoc tests: ${SKIP_REASON}`);
