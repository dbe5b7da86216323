#!/usr/bin/env node
/**
 * Robustness check with damaged PDFs: builds mutated copies of corpus PDFs (bytes flipped, files
 * cut short), mixes them with intact copies in batches, converts each batch with the CLI and
 * checks what a collection owner relies on: no intact document lost, no crash of the run, every
 * failure one line naming the file and a cause. Everything is written below --work (never into
 * the repository); the mutations follow --seed, so a finding can be replayed.
 *
 *   node scripts/mutate.mjs --work /tmp/mutants [--count 320] [--batch 40] [--jobs 2] [--seed 1]
 *                           [--cli bin/undoc.js] DIR...
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    work: { type: 'string' },
    count: { type: 'string', default: '320' },
    batch: { type: 'string', default: '40' },
    jobs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    cli: { type: 'string', default: join(ROOT, 'bin', 'undoc.js') },
  },
});
if (!values.work || positionals.length === 0) {
  console.error('usage: node scripts/mutate.mjs --work <dir> [--count N] [--batch N] [--jobs N] [--seed N] DIR...');
  process.exit(2);
}

/** A small seeded generator (mulberry32): the same seed gives the same mutants on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutant of `data`: flips 1 to 32 bytes anywhere, or cuts the file at a random point. */
function mutate(data, next) {
  if (next() < 0.5) {
    const flipped = Buffer.from(data);
    const flips = 1 + Math.floor(next() * 32);
    for (let i = 0; i < flips; i++) flipped[Math.floor(next() * flipped.length)] ^= 1 + Math.floor(next() * 255);
    return { kind: `flip${flips}`, bytes: flipped };
  }
  const at = Math.floor(data.length * (0.02 + next() * 0.97));
  return { kind: `cut${at}`, bytes: data.subarray(0, at) };
}

const sources = positionals.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((name) => join(dir, name)),
);
const next = random(Number(values.seed));
const count = Number(values.count);
const batchSize = Number(values.batch);
const work = resolve(values.work);
rmSync(work, { recursive: true, force: true });

const totals = { mutants: 0, good: 0, goodLost: [], crashes: [], badLines: [], mutantsFailed: 0, mutantsConverted: 0 };
for (let start = 0, index = 0; start < count; start += batchSize, index++) {
  const input = join(work, `batch${index}`, 'in');
  const out = join(work, `batch${index}`, 'out');
  mkdirSync(input, { recursive: true });
  const names = { good: new Set(), mutant: new Set() };
  for (let i = start; i < Math.min(count, start + batchSize); i++) {
    const source = sources[Math.floor(next() * sources.length)];
    const { kind, bytes } = mutate(readFileSync(source), next);
    const name = `${String(i).padStart(4, '0')}-${kind}-${basename(source)}`;
    writeFileSync(join(input, name), bytes);
    names.mutant.add(name);
    // One intact document after every three mutants, so that damage meets a good document on the same worker.
    if (i % 3 === 2) {
      const good = `${String(i).padStart(4, '0')}-zgood-${basename(source)}`;
      writeFileSync(join(input, good), readFileSync(source));
      names.good.add(good);
    }
  }
  const report = join(work, `batch${index}`, 'report.json');
  const run = spawnSync(process.execPath, [values.cli, 'convert', input, '--out', out, '--jobs', values.jobs, '--report', report], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  totals.mutants += names.mutant.size;
  totals.good += names.good.size;
  if (run.status !== 0 && run.status !== 1)
    totals.crashes.push(`batch${index}: status ${run.status} signal ${run.signal}: ${run.stderr.slice(-300)}`);
  let documents = [];
  try {
    documents = JSON.parse(readFileSync(report, 'utf8')).documents;
  } catch {
    totals.crashes.push(`batch${index}: no report`);
  }
  const failedLines = run.stderr.split('\n').filter((line) => line !== '');
  for (const line of failedLines) {
    const match = /^failed (.+?\.pdf): (\S.*)$/.exec(line);
    if (!match || !names.mutant.has(basename(match[1])) || /\n/.test(match[2])) totals.badLines.push(`batch${index}: ${line}`);
  }
  for (const document of documents) {
    const name = basename(document.input);
    if (names.good.has(name) && document.status !== 'converted') totals.goodLost.push(`batch${index}: ${name}: ${document.reason}`);
    if (names.mutant.has(name)) document.status === 'converted' ? totals.mutantsConverted++ : totals.mutantsFailed++;
  }
  const failedInReport = documents.filter((document) => document.status === 'failed').length;
  if (failedInReport !== failedLines.length)
    totals.badLines.push(`batch${index}: ${failedInReport} failed in the report, ${failedLines.length} lines`);
  console.log(
    `batch${index}: ${names.mutant.size} mutants, ${names.good.size} intact, status ${run.status}, ${failedLines.length} failure lines`,
  );
}
console.log(
  `\n${totals.mutants} mutants (${totals.mutantsConverted} converted, ${totals.mutantsFailed} failed), ${totals.good} intact documents; ` +
    `intact lost: ${totals.goodLost.length}; run crashes: ${totals.crashes.length}; failure lines not of the form "failed FILE: cause": ${totals.badLines.length}`,
);
for (const line of [...totals.goodLost, ...totals.crashes, ...totals.badLines]) console.log(`  ${line}`);
process.exit(totals.goodLost.length + totals.crashes.length + totals.badLines.length === 0 ? 0 : 1);
