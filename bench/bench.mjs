#!/usr/bin/env node
/**
 * `npm run bench [-- <folder|pdf>...] [--runs N] [--json] [--no-scaling]`
 *
 * Measures, in one run and on the same files (default: ../shared/corpus/pdf plus input/):
 *   - pdf.js getTextContent over every page as shipped; the same loaded as undoc loads pdf.js (the
 *     built-ins its legacy build replaces on Node 20 put back, Flate streams inflated in one zlib call
 *     as in its conversion processes): "text content alone";
 *   - the floor: exactly the pdf.js work undoc asks for and nothing more (mark info and metadata,
 *     text content with undoc's options, the operator list on the pages undoc read it for in the
 *     same run: its report's `drawnPages`), in one process and in <cores> processes over
 *     page-balanced shares; the gap from the floor to undoc
 *     is the pipeline's own cost, broken down per part (stages, validation, emitters, the worker's
 *     reading, and the main thread: start-up, planning, messaging, writing);
 *   - undoc --jobs 1 and --jobs <cores>: the whole pipeline, validation and all three formats;
 *   - a cold start: one 2-page resolution converted by a fresh `node bin/undoc.js convert`;
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
/** The 2-page resolution the cold-start check converts. */
const COLD_START_DOCUMENT = /^S_RES_2768_2025-en\.pdf$/;
/** The bars of issue 15, printed beside the measured figures. */
const BARS = { floor: 0.9, textContent: 0.8, pipelineShare: 0.1, scaling: 0.95, doubled: 2.1, doubledRssMiB: 500, coldStartSeconds: 0.5 };
/** A peer that has not finished after this long is reported as not finishing. */
const PEER_TIMEOUT_MS = 15 * 60_000;

/**
 * Loaded with `--import` (through NODE_OPTIONS, so that undoc's conversion processes load it too)
 * into every measured Node process: appends, when the process exits, its role (a conversion
 * process has an IPC channel to its batch) and its peak resident memory (all its threads) to the
 * file named by UNDOC_BENCH_RSS_FILE, one line per process.
 */
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    'import{appendFileSync}from"node:fs";process.on("exit",()=>{try{appendFileSync(process.env.UNDOC_BENCH_RSS_FILE,(process.send?"worker ":"main ")+process.resourceUsage().maxRSS+"\\n")}catch{}});',
  );

/** The peak resident memory (MiB) of the largest process, and of the largest conversion process, from the hook's lines. */
function peaksOf(text) {
  let all = null;
  let worker = null;
  for (const line of text.split('\n')) {
    const [role, kb] = line.split(' ');
    const mib = Number(kb) / 1024;
    if (!Number.isFinite(mib) || mib <= 0) continue;
    all = Math.max(all ?? 0, mib);
    if (role === 'worker') worker = Math.max(worker ?? 0, mib);
  }
  return { rssMiB: all, workerRssMiB: worker };
}

// ───────────────────────────── child modes: one tool over a list of files ─────────────────────────────

/** Runs in a child process: `bench.mjs --child <tool> <list.json>`; prints {pages, failed} as JSON. */
async function runChild(tool, listFile) {
  const list = JSON.parse(await readFile(listFile, 'utf8'));
  const files = list.map((item) => item.file);
  const pagesByFile = new Map(list.map((item) => [item.file, item.pages]));
  let pages = 0;
  let failed = 0;
  if (tool === 'floor-work') {
    // Exactly the pdf.js calls extract.ts makes, with the same options and on the same pages.
    const { getDocumentProxy } = await import('unpdf');
    const extractModule = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'pipeline', 'extract.js')).href);
    const { PDFJS_OPTIONS, usePinnedPdfjs, textContentOptions } = extractModule;
    const drawnPagesByFile = new Map(list.map((item) => [item.file, item.drawnPages ?? []]));
    await installAsConversionProcess();
    await usePinnedPdfjs();
    for (const file of files) {
      try {
        const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)), PDFJS_OPTIONS);
        const [markInfo] = await Promise.all([pdf.getMarkInfo().catch(() => null), pdf.getMetadata().catch(() => null)]);
        const tagged = Boolean(markInfo?.Marked);
        for (let number = 1; number <= pdf.numPages; number++) {
          const page = await pdf.getPage(number);
          await page.getTextContent(textContentOptions(tagged));
          page.cleanup();
        }
        // The drawings undoc read, after the text as it reads them (its stages say where a table may stand).
        for (const number of drawnPagesByFile.get(file)) {
          const page = await pdf.getPage(number);
          await page.getOperatorList();
          page.cleanup();
        }
        pages += pdf.numPages;
        await pdf.destroy();
      } catch {
        failed++;
      }
    }
  } else if (tool === 'floor' || tool === 'floor-native') {
    const { definePDFJSModule, getDocumentProxy } = await import('unpdf');
    const { PDFJS_OPTIONS, usePinnedPdfjs } = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'pipeline', 'extract.js')).href);
    // 'floor' is pdf.js as shipped; 'floor-native' loads it the way undoc does, with the built-in
    // functions its legacy build replaces on Node 20 put back (see extract.ts), and Flate streams
    // inflated as in its conversion processes (see extract-inflate.ts).
    if (tool === 'floor-native') {
      await installAsConversionProcess();
      await usePinnedPdfjs();
    } else await definePDFJSModule(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
    for (const file of files) {
      try {
        const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)), PDFJS_OPTIONS);
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

/** What undoc's conversion processes (pipeline/cli/worker.ts) change in their environment for pdf.js: its Flate streams inflated in one zlib call. */
async function installAsConversionProcess() {
  const { installOneShotInflate } = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'pipeline', 'extract-inflate.js')).href);
  installOneShotInflate();
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

/**
 * Runs a command, returns wall seconds, peak RSS (MiB, Node processes only: the largest single
 * process, and the largest of undoc's conversion processes), exit code and stdout.
 */
function measure(command, args, { timeoutMs = 0, node = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const rssFile = join(tmpdir(), `undoc-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const nodeOptions = [process.env.NODE_OPTIONS, `--import=${RSS_HOOK}`].filter(Boolean).join(' ');
    const started = performance.now();
    const child = spawn(node ? process.execPath : command, args, {
      env: { ...process.env, ...(node ? { NODE_OPTIONS: nodeOptions } : {}), UNDOC_BENCH_RSS_FILE: rssFile, CI: 'true' },
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
      const peaks = peaksOf(await readFile(rssFile, 'utf8').catch(() => ''));
      await rm(rssFile, { force: true });
      resolvePromise({ seconds, ...peaks, code, signal, stdout, stderr });
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

/** The file list with, for each file, the pages whose drawings undoc read (its report's `drawnPages`). */
function drawnList(list, documents) {
  const byInput = new Map(documents.map((document) => [resolve(document.input), document.drawnPages ?? []]));
  return list.map((item) => ({ ...item, drawnPages: byInput.get(item.file) ?? [] }));
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
 * The ceiling for any use of the machine's cores: the floor (the pdf.js work undoc asks for), in
 * `cores` processes at once over page-balanced shares of the files (largest first to the lightest share).
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
      return runChildTool('floor-work', shareFile, 0);
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
  const drawnListFile = join(workDir, 'files-drawn.json');
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
    // undoc first: the floor asks pdf.js for the drawings of the pages this run of undoc read them on.
    const single = await runUndoc(inputs, 1, workDir);
    add('undoc --jobs 1', single);
    accountRun(single, runs, stageTotals);
    const drawn = drawnList(list, single.documents);
    await writeFile(drawnListFile, JSON.stringify(drawn));
    add(ROW.shipped, await runChildTool('floor', listFile, 0));
    add(ROW.textContent, await runChildTool('floor-native', listFile, 0));
    add(ROW.floor, await runChildTool('floor-work', drawnListFile, 0));
    if (cores > 1) add(ROW.parallelFloor(cores), await runParallelFloor(drawn, cores, workDir));
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
  const floor = rows.find((row) => row.name === ROW.floor);
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
  const textContent = rows.find((row) => row.name === ROW.textContent);
  const parallelFloor = rows.find((row) => row.name === ROW.parallelFloor(cores));
  const bars = [];
  const bar = (what, value, target, atMost = false) => {
    bars.push({ what, value, target, met: atMost ? value <= target : value >= target });
    log(
      `${what}: ${value.toFixed(2)} (bar ${atMost ? '≤' : '≥'} ${target.toFixed(2)})${(atMost ? value <= target : value >= target) ? '' : '  NOT MET'}`,
    );
  };
  log('');
  if (single && floor) bar('undoc --jobs 1 / the floor', single.pagesPerSecond / floor.pagesPerSecond, BARS.floor);
  if (single && textContent)
    bar('undoc --jobs 1 / text content alone', single.pagesPerSecond / textContent.pagesPerSecond, BARS.textContent);
  if (single && parallel && floor && parallelFloor) {
    const undocScaling = parallel.pagesPerSecond / single.pagesPerSecond;
    const floorScaling = parallelFloor.pagesPerSecond / floor.pagesPerSecond;
    log(
      `undoc --jobs ${cores} / --jobs 1: ${undocScaling.toFixed(2)}×; the floor in ${cores} processes / in one: ${floorScaling.toFixed(2)}×`,
    );
    bar(`undoc's scaling / the floor's scaling`, undocScaling / floorScaling, BARS.scaling);
  }

  const account = accountingRows(stageTotals);
  log('');
  log('undoc --jobs 1, where the time goes (summed over documents; the main thread is the run minus the workers):');
  log(
    table(
      ['part', 'ms', 'share'],
      account.rows.map((row) => [row.part, row.ms.toFixed(0), `${(row.share * 100).toFixed(1)}%`]),
    ),
  );
  bar('stages + validation + emitters + reading, share of the worker time', account.pipelineShare, BARS.pipelineShare, true);
  const stages = account.stages;

  let coldStart = null;
  const coldSource = files.find((file) => COLD_START_DOCUMENT.test(basename(file)));
  if (coldSource) {
    coldStart = await measureColdStart(coldSource, Math.max(runs, 5), workDir);
    log('');
    bar(`cold start, ${basename(coldSource)} (${coldStart.pages} pages), median s`, coldStart.seconds, BARS.coldStartSeconds, true);
  } else log('cold start: skipped (needs S_RES_2768_2025-en.pdf among the inputs)');

  let scaling = null;
  const scalingSource = files.find((file) => SCALING_DOCUMENT.test(basename(file)));
  if (!values['no-scaling'] && scalingSource && spawnSync('qpdf', ['--version']).status === 0) {
    scaling = await measureScaling(scalingSource, runs, workDir, log);
    bar('scaling: twice concatenated / single', scaling.ratio, BARS.doubled, true);
    bar('scaling: peak RSS of the doubled document, MiB', scaling.doublePeakRssMiB, BARS.doubledRssMiB, true);
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
      accounting: account.rows,
      bars,
      coldStart,
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
    // The largest single process: the conversion process, which holds the document, or the batch.
    doublePeakRssMiB: Math.max(...doubleRuns.map((sample) => sample.rssMiB ?? 0)),
    doubleWorkerPeakRssMiB: Math.max(...doubleRuns.map((sample) => sample.workerRssMiB ?? 0)),
  };
  log('');
  log(
    `scaling: ${result.document} (${result.pages} pages) ${singleSeconds.toFixed(2)} s; twice concatenated ` +
      `${doubleSeconds.toFixed(2)} s = ${result.ratio.toFixed(2)}×; peak RSS ${result.doublePeakRssMiB.toFixed(0)} MiB ` +
      `(conversion process ${result.doubleWorkerPeakRssMiB.toFixed(0)} MiB)`,
  );
  return result;
}

/** The rows' names, so the ratios find the rows they divide by. */
const ROW = {
  shipped: 'pdf.js getTextContent, as shipped',
  textContent: 'pdf.js text content alone (loaded as undoc loads it)',
  floor: 'floor: the pdf.js work undoc asks for',
  parallelFloor: (cores) => `  floor, ${cores} processes at once`,
};

/** Adds one undoc run's per-document timings (ms, averaged over the runs) to the accounting. */
function accountRun(run, runs, totals) {
  const add = (part, ms) => totals.set(part, (totals.get(part) ?? 0) + ms / runs);
  let workerMs = 0;
  for (const document of run.documents) {
    const timings = document.timings ?? {};
    for (const [stage, ms] of Object.entries(timings)) add(stage, ms);
    const timed = Object.values(timings).reduce((sum, ms) => sum + ms, 0);
    add('worker: reading the file, messaging', Math.max(0, (document.ms ?? 0) - timed));
    workerMs += document.ms ?? 0;
  }
  add('main thread: start-up, planning, writing', Math.max(0, run.seconds * 1000 - workerMs));
}

/**
 * The accounting table: extraction (pdf.js and the runs made from it), each stage, validation, each
 * emitter, the worker's own overhead and the main thread, with the share of the pipeline's own parts
 * (everything in the worker but extraction) in the worker's time.
 */
function accountingRows(totals) {
  const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const rows = [...totals.entries()].map(([part, ms]) => ({ part, ms, share: ms / all }));
  const mainThread = totals.get('main thread: start-up, planning, writing') ?? 0;
  const workerMs = all - mainThread;
  // pdf.js's work: the text (extract) and the drawings read later (drawings).
  const pipelineShare = (workerMs - (totals.get('extract') ?? 0) - (totals.get('drawings') ?? 0)) / workerMs;
  const stages = rows.filter((row) => !row.part.includes(':'));
  return { rows, stages, pipelineShare };
}

/** A fresh `node bin/undoc.js convert` of one small document, median wall seconds over `runs`. */
async function measureColdStart(source, runs, workDir) {
  const samples = [];
  let pages = 0;
  for (let run = 0; run < runs; run++) {
    const result = await runUndoc([source], 1, workDir);
    samples.push(result.seconds);
    pages = result.pages;
  }
  return { document: basename(source), pages, seconds: median(samples) };
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
