#!/usr/bin/env node
/**
 * The whole board, for judging a change: converts folders of PDFs with the CLI and prints, per
 * document and in total, the shared scorers' figures (structure against the gold, tables against
 * the table gold, invariants, coverage against pdftotext), split by era, language and tagging.
 *
 *   npm run eval -- [--out DIR] [--jobs N] [--timeout SEC] [--json FILE] DIR...
 *
 * The gold is looked up in ../shared/gold, ../shared/gold-tables and beside the PDFs themselves
 * (the replicas carry their *.gold.json); a document without gold still counts for invariants and
 * coverage. The absolute bars of the structure issue are printed beside the means.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '../shared');
const TOOLS = join(SHARED, 'tools');
const GOLD_DIRS = [join(SHARED, 'gold')];
const TABLE_GOLD = join(SHARED, 'gold-tables');
/** Documents printed before this year are the "older layouts" class of the structure issue. */
const MODERN_FROM = 2010;
const STRUCTURE = ['head', 'lvl', 'para', 'sim', 'fn', 'link', 'meta', 'resid'];
const TABLES = ['found', 'cells', 'adj', 'rows', 'teds', 'extra', 'frag'];
/** The structure issue's bars on documents kept aside (head ≥ 0.90 …), and 0.97 on the gold. */
const BARS = { head: 0.9, para: 0.95, fn: 0.9, link: 0.85, meta: 0.9 };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, jobs: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'string' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run eval -- [--out DIR] [--jobs N] [--timeout SEC] [--json FILE] DIR...');
  process.exit(2);
}
const outRoot = resolve(values.out ?? mkdtempSync(join(tmpdir(), 'undoc-eval-')));

function tool(name, ...args) {
  return JSON.parse(execFileSync('node', [join(TOOLS, name), ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

function hasPdftotext() {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the PDF carries a structure tree (a tagged PDF), as extract.ts decides it. */
async function taggedness(pdfs) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const tagged = new Map();
  for (const file of pdfs) {
    try {
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
      tagged.set(basename(file, '.pdf'), Boolean((await pdf.getMarkInfo())?.Marked));
      await pdf.destroy();
    } catch {
      tagged.set(basename(file, '.pdf'), null);
    }
  }
  return tagged;
}

/** Converts DIR into OUT/<name of DIR> (JSON only, always afresh) and gathers every figure per document. */
async function evaluate(dir) {
  const out = join(outRoot, basename(dir));
  mkdirSync(out, { recursive: true });
  const args = ['bin/undoc.js', 'convert', dir, '--out', out, '--format', 'json', '--force', '--quiet'];
  if (values.jobs) args.push('--jobs', values.jobs);
  // On a loaded machine the per-document limit, not the document, can be what fails.
  if (values.timeout) args.push('--timeout', values.timeout);
  try {
    execFileSync('node', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // Failed documents were named on stderr; the rest is scored.
  }
  const pdfs = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
  const tagged = await taggedness(pdfs);
  const documents = new Map();
  for (const pdf of pdfs) {
    const name = basename(pdf, '.pdf');
    const json = join(out, `${name}.json`);
    const document = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
    const year = Number(document?.metadata?.date?.slice(0, 4)) || null;
    documents.set(name, {
      name,
      set: basename(dir),
      language: /-([a-z]{2})$/.exec(name)?.[1] ?? '?',
      year,
      tagged: tagged.get(name),
      converted: document !== null,
    });
  }
  const merge = (rows, keys, prefix = '') => {
    for (const row of rows) {
      const document = documents.get(row.name.replace(/\.json$/, ''));
      if (!document || row.missing) continue;
      for (const key of keys) document[prefix + key] = row[key] ?? null;
    }
  };
  for (const gold of [...GOLD_DIRS, dir]) {
    if (readdirSync(gold).some((f) => f.endsWith('.gold.json') && documents.has(f.replace(/\.gold\.json$/, '')))) {
      merge(tool('score.mjs', '--out', out, '--gold', gold).rows, STRUCTURE);
    }
  }
  if (readdirSync(TABLE_GOLD).some((f) => documents.has(f.replace(/\.tables\.json$/, '')))) {
    merge(tool('score-tables.mjs', '--out', out, '--gold', TABLE_GOLD).rows, TABLES, 'table.');
  }
  merge(tool('invariants.mjs', out).rows, ['paras', 'order', 'notes', 'unref', 'dangle', 'resid', 'empty'], 'inv.');
  if (hasPdftotext()) merge(tool('coverage.mjs', '--out', out, '--pdf', dir).rows, ['recall', 'precision'], 'cov.');
  return [...documents.values()];
}

const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const sum = (values) => values.reduce((a, b) => a + b, 0);
/** Counts print as integers, ratios (every figure between 0 and 1 that is not a count) with two decimals. */
const COUNTS = new Set(['resid', 'inv.paras', 'inv.order', 'inv.dangle', 'inv.resid', 'inv.empty', 'table.extra', 'table.frag']);
const cell = (value, width = 6, key = '') =>
  (value === null || value === undefined ? '-' : COUNTS.has(key) ? String(value) : value.toFixed(2)).padStart(width);

/** One summary line: means of the ratios, sums of the counts, over the documents that have them. */
function summarise(label, documents) {
  const present = (key) => documents.map((d) => d[key]).filter((v) => typeof v === 'number');
  const figures = {};
  for (const key of [
    ...STRUCTURE.filter((k) => k !== 'resid'),
    'cov.recall',
    'cov.precision',
    ...TABLES.slice(0, 5).map((k) => `table.${k}`),
  ])
    figures[key] = mean(present(key));
  for (const key of ['resid', 'inv.paras', 'inv.order', 'inv.dangle', 'inv.resid', 'inv.empty']) figures[key] = sum(present(key));
  const lowCoverage = documents
    .filter((d) => typeof d['cov.recall'] === 'number' && (d['cov.recall'] < 0.9 || d['cov.precision'] < 0.9))
    .map((d) => d.name);
  return { label, documents: documents.length, gold: documents.filter((d) => d.head !== undefined).length, figures, lowCoverage };
}

function groups(documents) {
  const by = (label, key) => {
    const keys = [...new Set(documents.map(key))].sort();
    return keys.map((k) =>
      summarise(
        `${label} ${k}`,
        documents.filter((d) => key(d) === k),
      ),
    );
  };
  return [
    summarise('ALL', documents),
    ...by('set', (d) => d.set),
    ...by('era', (d) => (d.year === null ? 'undated' : d.year < MODERN_FROM ? `before ${MODERN_FROM}` : `${MODERN_FROM} on`)),
    ...by('language', (d) => d.language),
    ...by('tagging', (d) => (d.tagged === null ? 'unreadable' : d.tagged ? 'tagged' : 'untagged')),
  ];
}

const COLUMNS = [
  ['head', 'head'],
  ['para', 'para'],
  ['sim', 'sim'],
  ['fn', 'fn'],
  ['link', 'link'],
  ['meta', 'meta'],
  ['resid', 'resid'],
  ['inv.order', 'order'],
  ['inv.dangle', 'dangle'],
  ['inv.resid', 'iresid'],
  ['inv.empty', 'empty'],
  ['cov.recall', 'recall'],
  ['cov.precision', 'prec'],
  ['table.found', 'tfound'],
  ['table.adj', 'tadj'],
  ['table.teds', 'tteds'],
];

function print(documents, summaries) {
  const header = `${'document'.padEnd(44)} ${'lang'.padStart(4)} ${'year'.padStart(4)} ${'tag'.padStart(3)} ${COLUMNS.map(([, title]) => title.padStart(6)).join(' ')}`;
  console.log(header);
  for (const d of documents) {
    const tag = d.tagged === null ? '?' : d.tagged ? 'yes' : 'no';
    console.log(
      `${d.name.slice(0, 44).padEnd(44)} ${d.language.padStart(4)} ${String(d.year ?? '-').padStart(4)} ${tag.padStart(3)} ${COLUMNS.map(([key]) => cell(d[key], 6, key)).join(' ')}${d.converted ? '' : '  FAILED'}`,
    );
  }
  console.log('');
  console.log(
    `${'group (documents; with gold)'.padEnd(44)} ${''.padStart(13)}${COLUMNS.map(([, title]) => title.padStart(6)).join(' ')}   invariant paras`,
  );
  for (const s of summaries) {
    const f = { ...s.figures };
    console.log(
      `${`${s.label} (${s.documents}; ${s.gold})`.padEnd(44)} ${''.padStart(13)}${COLUMNS.map(([key]) => cell(f[key], 6, key)).join(' ')}   ${f['inv.paras']}`,
    );
  }
  const all = summaries[0];
  console.log('');
  console.log(
    `means over these documents' gold, beside the bars for documents kept aside: ${Object.entries(BARS)
      .map(([k, bar]) => `${k} ${cell(all.figures[k], 0, k)} (≥ ${bar})`)
      .join(', ')}; gold and replicas ≥ 0.97 on every measure`,
  );
  console.log(
    `numbering faults ${all.figures['inv.order']} of ${all.figures['inv.paras']} (${((100 * all.figures['inv.order']) / Math.max(1, all.figures['inv.paras'])).toFixed(2)}%, bar < 1%)`,
  );
  if (all.lowCoverage.length) console.log(`coverage under 0.90: ${all.lowCoverage.join(', ')}`);
  console.log(`outputs in ${outRoot}`);
}

const documents = [];
for (const dir of positionals) documents.push(...(await evaluate(resolve(dir))));
const summaries = groups(documents);
print(documents, summaries);
if (values.json) writeFileSync(values.json, JSON.stringify({ documents, summaries }, null, 1) + '\n');
