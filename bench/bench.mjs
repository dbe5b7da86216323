#!/usr/bin/env node
/**
 * `npm run bench [-- <folder|pdf>...] [--runs N] [--json] [--no-scaling]`
 *
 * Measures, in one run and on the same files (default: ../shared/corpus/pdf plus input/):
 *   - the floor: raw pdf.js getTextContent over every page, with undoc's own loading options;
 *     and the same loaded as undoc loads pdf.js (the built-ins its legacy build replaces on
 *     Node 20 put back), so that the pipeline's own cost shows apart from that gain;
 *   - undoc --jobs 1 and --jobs <cores>: the whole pipeline, validation and all three formats;
 *   - pdftotext (poppler) when installed, and the npm peers pdf-parse (plain text) and
 *     @opendocsg/pdf2md (Markdown) when they can be resolved (set UNDOC_BENCH_PEERS to the folder
 *     they were installed in, e.g. `npm install --prefix /tmp/peers pdf-parse @opendocsg/pdf2md`);
 *   - scaling: E/CN.6/2025/3 alone and concatenated twice (qpdf), with undoc --jobs 1.
 * Every tool runs in its own fresh process; the figures are medians over --runs repetitions,
 * interleaved so that a noisy neighbour slows all tools alike. Ratios to the floor measured in
 * the same run are the figures that count on a shared machine. `--json` prints the results as
 * JSON on stdout (the table then goes to stderr), so a later run can be compared with this one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO_ROOT, 'bin', 'undoc.js');
const SELF = fileURLToPath(import.meta.url);
/** The 126-page document the scaling check doubles (issue 4). */
const SCALING_DOCUMENT = /^E_CN\.6_2025_3-en\.pdf$/;
/** A peer that has not finished after this long is reported as not finishing. */
const PEER_TIMEOUT_MS = 15 * 60_000;

/**
 * Loaded with `--import` into every measured Node process: records the process's peak resident
 * memory (all its threads) when it exits, in the file named by UNDOC_BENCH_RSS_FILE.
 */
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    'import{writeFileSync}from"node:fs";process.on("exit",()=>{try{writeFileSync(process.env.UNDOC_BENCH_RSS_FILE,String(process.resourceUsage().maxRSS))}catch{}});',
  );

// ───────────────────────────── child modes: one tool over a list of files ─────────────────────────────

/** Runs in a child process: `bench.mjs --child <tool> <list.json>`; prints {pages, failed} as JSON. */
async function runChild(tool, listFile) {
  const list = JSON.parse(await readFile(listFile, 'utf8'));
  const files = list.map((item) => item.file);
  const pagesByFile = new Map(list.map((item) => [item.file, item.pages]));
  let pages = 0;
  let failed = 0;
  if (tool === 'floor' || tool === 'floor-native') {
    const { PDFJS_OPTIONS, usePinnedPdfjs } = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'pipeline', 'extract.js')).href);
    // 'floor' is pdf.js as shipped; 'floor-native' loads it the way undoc does, with the built-in
    // functions its legacy build replaces on Node 20 put back (see extract.ts).
    const pdfjs = tool === 'floor-native' ? await usePinnedPdfjs() : await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const file of files) {
      try {
        const pdf = await pdfjs.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(await readFile(file)) }).promise;
        for (let number = 1; number <= pdf.numPages; number++) {
          const page = await pdf.getPage(number);
          await page.getTextContent();
          page.cleanup();
        }
        pages += pdf.numPages;
        await pdf.destroy();
      } catch {
        failed++;
      }
    }
  } else if (tool === 'pdf-parse') {
    const { PDFParse } = await import(peerUrl('pdf-parse'));
    for (const file of files) {
      const parser = new PDFParse({ data: new Uint8Array(await readFile(file)) });
      try {
        const result = await parser.getText();
        pages += result.total ?? result.pages?.length ?? 0;
      } catch {
        failed++;
      } finally {
        await parser.destroy();
      }
    }
  } else if (tool === 'pdf2md') {
    const { default: pdf2md } = await import(peerUrl('@opendocsg/pdf2md'));
    for (const file of files) {
      try {
        await pdf2md(new Uint8Array(await readFile(file)));
        pages += pagesByFile.get(file) ?? 0;
      } catch {
        failed++;
      }
    }
  } else throw new Error(`unknown child tool ${tool}`);
  process.stdout.write(JSON.stringify({ pages, failed }) + '\n');
}

/** Page count by pdfinfo, taken before any timing, for the tools that do not report it. */
function pagesOf(file) {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout ?? '')?.[1] ?? 0);
}

/** The ESM entry of an npm peer installed in UNDOC_BENCH_PEERS (or the project), as `import` would resolve it. */
function peerUrl(name) {
  const base = process.env.UNDOC_BENCH_PEERS ? resolve(process.env.UNDOC_BENCH_PEERS) : REPO_ROOT;
  const packageDir = join(base, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const entry = exportEntry(manifest) ?? manifest.module ?? manifest.main ?? 'index.js';
  return pathToFileURL(join(packageDir, entry)).href;
}

function exportEntry(manifest) {
  let target = manifest.exports;
  if (target && typeof target === 'object' && '.' in target) target = target['.'];
  while (target && typeof target === 'object') target = target.node ?? target.import ?? target.default;
  return typeof target === 'string' ? target : null;
}

function peerInstalled(name) {
  try {
    peerUrl(name);
    return true;
  } catch {
    return false;
  }
}

// ───────────────────────────── measuring ─────────────────────────────

/** Runs a command, returns wall seconds, peak RSS (MiB, Node processes only), exit code and stdout. */
function measure(command, args, { timeoutMs = 0, node = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const rssFile = join(tmpdir(), `undoc-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const fullArgs = node ? ['--import', RSS_HOOK, ...args] : args;
    const started = performance.now();
    const child = spawn(node ? process.execPath : command, node ? fullArgs : args, {
      env: { ...process.env, UNDOC_BENCH_RSS_FILE: rssFile, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = timeoutMs > 0 ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : null;
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      if (timer) clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const rssKb = Number(await readFile(rssFile, 'utf8').catch(() => NaN));
      await rm(rssFile, { force: true });
      resolvePromise({ seconds, rssMiB: Number.isFinite(rssKb) ? rssKb / 1024 : null, code, signal, stdout, stderr });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function listPdfs(path) {
  const info = await stat(path);
  if (info.isFile()) return [resolve(path)];
  const found = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await listPdfs(child)));
    else if (/\.pdf$/i.test(entry.name)) found.push(resolve(child));
  }
  return found.sort();
}

/** One undoc run: a fresh output directory, all formats, a report for pages and stage timings. */
async function runUndoc(inputs, jobs, workDir) {
  const out = await mkdtemp(join(workDir, `undoc-j${jobs}-`));
  const reportFile = join(out, 'report.json');
  const result = await measure(CLI, [CLI, 'convert', ...inputs, '--out', out, '--jobs', String(jobs), '--quiet', '--report', reportFile]);
  const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => 'null'));
  await rm(out, { recursive: true, force: true });
  if (!report) throw new Error(`undoc --jobs ${jobs} wrote no report (exit ${result.code}): ${result.stderr.split('\n')[0]}`);
  return { ...result, pages: report.totals.pages, failed: report.totals.failed, documents: report.documents };
}

async function runChildTool(tool, listFile, timeoutMs) {
  const result = await measure(SELF, [SELF, '--child', tool, listFile], { timeoutMs });
  const line = result.stdout.trim().split('\n').pop();
  let parsed = null;
  try {
    parsed = JSON.parse(line);
  } catch {
    parsed = null;
  }
  return { ...result, pages: parsed?.pages ?? null, failed: parsed?.failed ?? null };
}

/**
 * The ceiling for any use of the machine's cores: pdf.js loaded as undoc loads it, in `cores`
 * processes at once over page-balanced shares of the files (largest first to the lightest share).
 * No pipeline can scale better than its own extraction does, so undoc's --jobs ratio is read
 * against this one.
 */
async function runParallelFloor(list, cores, workDir) {
  const shares = Array.from({ length: cores }, () => ({ files: [], pages: 0 }));
  for (const item of [...list].sort((a, b) => b.pages - a.pages)) {
    const lightest = shares.reduce((best, share) => (share.pages < best.pages ? share : best));
    lightest.files.push(item);
    lightest.pages += item.pages;
  }
  const started = performance.now();
  const results = await Promise.all(
    shares.map(async (share, index) => {
      const shareFile = join(workDir, `share-${index}.json`);
      await writeFile(shareFile, JSON.stringify(share.files));
      return runChildTool('floor-native', shareFile, 0);
    }),
  );
  const rss = results.map((result) => result.rssMiB).filter((value) => value !== null);
  return {
    seconds: (performance.now() - started) / 1000,
    rssMiB: rss.length ? Math.max(...rss) : null,
    pages: results.reduce((sum, result) => sum + (result.pages ?? 0), 0),
    failed: results.reduce((sum, result) => sum + (result.failed ?? 0), 0),
  };
}

/** pdftotext, one process per file as a user would run it; its memory is not measured. */
function runPdftotext(list) {
  const started = performance.now();
  let pages = 0;
  let failed = 0;
  for (const { file, pages: filePages } of list) {
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (result.status === 0) pages += filePages;
    else failed++;
  }
  return { seconds: (performance.now() - started) / 1000, rssMiB: null, pages, failed };
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      'no-scaling': { type: 'boolean', default: false },
      child: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.child) return runChild(values.child, positionals[0]);

  const log = values.json ? (line) => process.stderr.write(line + '\n') : (line) => process.stdout.write(line + '\n');
  const runs = Math.max(1, Number(values.runs) || 3);
  const cores = availableParallelism();
  const sharedCorpus = resolve(REPO_ROOT, '../shared/corpus/pdf');
  const inputs =
    positionals.length > 0
      ? positionals.map((path) => resolve(path))
      : [...(existsSync(sharedCorpus) ? [sharedCorpus] : []), join(REPO_ROOT, 'input')];
  const files = (await Promise.all(inputs.map(listPdfs))).flat();
  if (!existsSync(join(REPO_ROOT, 'dist', 'pipeline', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const workDir = await mkdtemp(join(tmpdir(), 'undoc-bench-'));
  const listFile = join(workDir, 'files.json');
  const havePdfinfo = spawnSync('pdfinfo', ['-v']).status === 0;
  const list = files.map((file) => ({ file, pages: havePdfinfo ? pagesOf(file) : 0 }));
  await writeFile(listFile, JSON.stringify(list));
  log(`undoc bench: ${files.length} PDFs from ${inputs.join(', ')}; ${runs} runs; Node ${process.version}; ${cores} cores`);

  const havePdftotext = havePdfinfo && spawnSync('pdftotext', ['-v']).status === 0;
  const peers = [
    { name: 'pdf-parse (text)', tool: 'pdf-parse', package: 'pdf-parse' },
    { name: '@opendocsg/pdf2md', tool: 'pdf2md', package: '@opendocsg/pdf2md' },
  ].map((peer) => ({ ...peer, installed: peerInstalled(peer.package) }));

  const samples = new Map();
  const add = (name, sample) => samples.set(name, [...(samples.get(name) ?? []), sample]);
  const notes = new Map();
  const stageTotals = new Map();
  for (let run = 1; run <= runs; run++) {
    log(`run ${run}/${runs}…`);
    add('pdf.js getTextContent (floor)', await runChildTool('floor', listFile, 0));
    add('  same, loaded as undoc loads it', await runChildTool('floor-native', listFile, 0));
    if (cores > 1) add(`  same, ${cores} processes at once`, await runParallelFloor(list, cores, workDir));
    const single = await runUndoc(inputs, 1, workDir);
    add('undoc --jobs 1', single);
    for (const document of single.documents) {
      for (const [stage, ms] of Object.entries(document.timings ?? {})) stageTotals.set(stage, (stageTotals.get(stage) ?? 0) + ms / runs);
    }
    add(`undoc --jobs ${cores}`, await runUndoc(inputs, cores, workDir));
    if (havePdftotext) add('pdftotext (poppler)', runPdftotext(list));
    for (const peer of peers.filter((candidate) => candidate.installed && !notes.has(candidate.name))) {
      const result = await runChildTool(peer.tool, listFile, PEER_TIMEOUT_MS);
      if (result.pages === null) {
        const why =
          result.signal === 'SIGKILL'
            ? `did not finish within ${PEER_TIMEOUT_MS / 60_000} min`
            : result.code === 0 || result.code === 13
              ? 'its promise never settles (the process ran out of work before it resolved)'
              : `exited ${result.code}: ${result.stderr.trim().split('\n').pop() ?? ''}`;
        notes.set(peer.name, `does not run on Node ${process.version}: ${why}`);
      } else add(peer.name, result);
    }
  }
  if (!havePdftotext) notes.set('pdftotext (poppler)', 'not installed (apt-get install poppler-utils: pdftotext, pdfinfo)');
  for (const peer of peers.filter((candidate) => !candidate.installed)) {
    notes.set(peer.name, `not installed (npm install --prefix DIR ${peer.package}; UNDOC_BENCH_PEERS=DIR)`);
  }

  const rows = [...samples.entries()].map(([name, list]) => {
    const seconds = median(list.map((sample) => sample.seconds));
    const pages = list[0].pages;
    const rss = list.map((sample) => sample.rssMiB).filter((value) => value !== null);
    return {
      name,
      pages,
      seconds,
      pagesPerSecond: pages / seconds,
      peakRssMiB: rss.length ? Math.max(...rss) : null,
      failed: list[0].failed ?? 0,
    };
  });
  const floor = rows.find((row) => row.name === 'pdf.js getTextContent (floor)');
  for (const row of rows) row.ratioToFloor = floor ? row.pagesPerSecond / floor.pagesPerSecond : null;
  const single = rows.find((row) => row.name === 'undoc --jobs 1');
  const parallel = rows.find((row) => row.name === `undoc --jobs ${cores}`);

  log('');
  log(
    table(
      ['tool', 'pages', 'median s', 'pages/s', '× floor', 'peak RSS MiB'],
      rows.map((row) => [
        row.name + (row.failed ? ` (${row.failed} failed)` : ''),
        String(row.pages),
        row.seconds.toFixed(2),
        row.pagesPerSecond.toFixed(1),
        row.ratioToFloor === null ? '' : row.ratioToFloor.toFixed(2),
        row.peakRssMiB === null ? '—' : row.peakRssMiB.toFixed(0),
      ]),
    ),
  );
  for (const [name, note] of notes) log(`${name}: ${note}`);
  if (single && parallel) log(`undoc --jobs ${cores} / --jobs 1: ${(parallel.pagesPerSecond / single.pagesPerSecond).toFixed(2)}×`);
  const nativeFloor = rows.find((row) => row.name.includes('loaded as undoc loads it'));
  if (single && nativeFloor)
    log(`undoc --jobs 1 / the floor loaded as undoc loads it: ${(single.pagesPerSecond / nativeFloor.pagesPerSecond).toFixed(2)}`);
  const parallelFloor = rows.find((row) => row.name.includes('processes at once'));
  if (nativeFloor && parallelFloor) {
    log(
      `the floor in ${cores} processes / in one: ${(parallelFloor.pagesPerSecond / nativeFloor.pagesPerSecond).toFixed(2)}× (the ceiling for --jobs ${cores} / --jobs 1)`,
    );
  }

  const stageTotal = [...stageTotals.values()].reduce((sum, ms) => sum + ms, 0);
  const stages = [...stageTotals.entries()].map(([stage, ms]) => ({ stage, ms, share: ms / stageTotal }));
  log('');
  log('undoc --jobs 1, time per stage (summed over documents, in the workers):');
  log(
    table(
      ['stage', 'ms', 'share'],
      stages.map((row) => [row.stage, row.ms.toFixed(0), `${(row.share * 100).toFixed(1)}%`]),
    ),
  );

  let scaling = null;
  const scalingSource = files.find((file) => SCALING_DOCUMENT.test(basename(file)));
  if (!values['no-scaling'] && scalingSource && spawnSync('qpdf', ['--version']).status === 0) {
    scaling = await measureScaling(scalingSource, runs, workDir, log);
  } else if (!values['no-scaling']) {
    log('scaling: skipped (needs E_CN.6_2025_3-en.pdf among the inputs and qpdf installed)');
  }

  await rm(workDir, { recursive: true, force: true });
  if (values.json) {
    const result = {
      node: process.version,
      cores,
      runs,
      files: files.length,
      inputs,
      rows,
      notes: Object.fromEntries(notes),
      stages,
      scaling,
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  }
}

/** undoc --jobs 1 on one document and on it concatenated twice: time should at most double. */
async function measureScaling(source, runs, workDir, log) {
  const scalingDir = join(workDir, 'scaling');
  await mkdir(join(scalingDir, 'single'), { recursive: true });
  await mkdir(join(scalingDir, 'double'), { recursive: true });
  const single = join(scalingDir, 'single', basename(source));
  const double = join(scalingDir, 'double', basename(source).replace(/\.pdf$/, '-twice.pdf'));
  await writeFile(single, await readFile(source));
  const made = spawnSync('qpdf', ['--empty', '--pages', source, source, '--', double]);
  if (made.status !== 0 && made.status !== 3) throw new Error(`qpdf failed: ${made.stderr}`);
  const singleRuns = [];
  const doubleRuns = [];
  for (let run = 0; run < runs; run++) {
    singleRuns.push(await runUndoc([single], 1, workDir));
    doubleRuns.push(await runUndoc([double], 1, workDir));
  }
  const singleSeconds = median(singleRuns.map((sample) => sample.seconds));
  const doubleSeconds = median(doubleRuns.map((sample) => sample.seconds));
  const result = {
    document: basename(source),
    pages: singleRuns[0].pages,
    singleSeconds,
    doubleSeconds,
    ratio: doubleSeconds / singleSeconds,
    doublePeakRssMiB: Math.max(...doubleRuns.map((sample) => sample.rssMiB ?? 0)),
  };
  log('');
  log(
    `scaling: ${result.document} (${result.pages} pages) ${singleSeconds.toFixed(2)} s; twice concatenated ` +
      `${doubleSeconds.toFixed(2)} s = ${result.ratio.toFixed(2)}× (target ≤ 2.2×); peak RSS ${result.doublePeakRssMiB.toFixed(0)} MiB (target < 500)`,
  );
  return result;
}

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (cells) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(format)].join('\n');
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
});
