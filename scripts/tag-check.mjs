#!/usr/bin/env node
/**
 * Cross-checks undoc's JSON against the PDF's own tags, for documents without gold.
 *
 *   node scripts/tag-check.mjs --out DIR [--json FILE] [--show N] PDFDIR...
 *
 * DIR holds undoc's JSON, either flat or in one sub-folder per PDF folder (as `npm run eval --out`
 * leaves it). For every tagged PDF the structure tree is read with pdf.js (marked-content ids tie
 * each tag to its text) and compared with the JSON by letters only (digits, spaces and punctuation
 * dropped, so that paragraph numbers and note markers moved into their own fields still match).
 * Disagreements are sorted into classes and ranked by how many documents show them.
 *
 * Tags are evidence, not truth: Word tags masthead lines as headings, gives heading levels that do
 * not follow the document's numbering, and sometimes tags a styled paragraph as a heading. Classes
 * are therefore counted, with examples, for a person to judge.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, json: { type: 'string' }, show: { type: 'string' } },
});
if (!values.out || positionals.length === 0) {
  console.error('usage: node scripts/tag-check.mjs --out DIR [--json FILE] [--show N] PDFDIR...');
  process.exit(2);
}
const SHOW = Number(values.show ?? 3);
/** Tag texts shorter than this (in letters) are too ambiguous to place: "Annex", "I." */
const MIN_LETTERS = 12;

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

/** Letters only, lower case: the text as both sides should agree on it. */
const norm = (text) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

/** Per page: marked-content id → text, artifact texts, and the struct tree. */
async function readTags(file) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    if (!(await pdf.getMarkInfo())?.Marked) return null;
    const elements = [];
    const artifacts = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
      const byId = new Map();
      const stack = [];
      for (const item of content.items) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          stack.push({ id: item.id ?? stack.at(-1)?.id ?? null, artifact: item.tag === 'Artifact' || (stack.at(-1)?.artifact ?? false) });
          continue;
        }
        if (item.type === 'endMarkedContent') {
          stack.pop();
          continue;
        }
        if (!('str' in item)) continue;
        const top = stack.at(-1);
        if (top?.artifact) {
          if (item.str.trim()) artifacts.push({ page: number, text: item.str });
          continue;
        }
        if (top?.id) byId.set(top.id, (byId.get(top.id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      }
      const tree = await page.getStructTree().catch(() => null);
      if (tree) collect(tree, [], byId, number, elements);
    }
    return { elements: mergeAcrossPages(elements), artifacts };
  } finally {
    await pdf.destroy();
  }
}

const KEPT = /^(H\d?|P|Note|LBody|Lbl|Caption|Title)$/;

/** Walks the tree: every kept element with its text (from its content leaves) and its ancestors' roles. */
function collect(node, ancestors, byId, page, out) {
  const role = node.role ?? '';
  const children = node.children ?? [];
  if (KEPT.test(role) && (role === 'Note' || !ancestors.some((a) => KEPT.test(a) && a !== 'LBody'))) {
    const text = leafText(node, byId);
    if (text.trim()) out.push({ role, page, text, inTable: ancestors.some((a) => /^(Table|TR|TD|TH)$/.test(a)) });
    if (role === 'Note') return;
    // Word nests a footnote's Note inside the paragraph that cites it: those are collected apart.
    if (role !== 'LBody') return collectNotes(node, ancestors, byId, page, out);
  }
  for (const child of children) if (child.type !== 'content') collect(child, [...ancestors, role], byId, page, out);
}

function collectNotes(node, ancestors, byId, page, out) {
  for (const child of node.children ?? []) {
    if (child.type === 'content' || child.type === 'object') continue;
    if (child.role === 'Note') collect(child, [...ancestors, node.role], byId, page, out);
    else collectNotes(child, [...ancestors, node.role], byId, page, out);
  }
}

function leafText(node, byId) {
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'content') text += byId.get(child.id) ?? '';
    else if (child.type !== 'object' && child.type !== 'annotation' && child.role !== 'Note') text += leafText(child, byId);
  }
  return text;
}

/**
 * pdf.js gives each page its own tree, so a paragraph continued onto the next page appears as two
 * elements, one per page, and nothing in the serialised trees says they are one. The pair is taken
 * as one paragraph when the text reads on: the last text element of a page ends without closing
 * punctuation and the next page's first one opens in lower case.
 */
function mergeAcrossPages(elements) {
  const out = [];
  const bodyRoles = /^(P|LBody)$/;
  for (const e of elements) {
    const last = out.findLast((o) => o.role !== 'Note');
    const firstOnPage = !out.some((o) => o.page === e.page && o.role !== 'Note');
    if (
      last &&
      e.role !== 'Note' &&
      firstOnPage &&
      last.lastPage === e.page - 1 &&
      bodyRoles.test(last.role) &&
      bodyRoles.test(e.role) &&
      !last.inTable &&
      !e.inTable &&
      !/[.:;!?"”’)]\s*$/.test(last.text) &&
      /^\s*\p{Ll}/u.test(e.text)
    ) {
      last.text = `${last.text} ${e.text}`;
      last.lastPage = e.page;
      last.spansPage = true;
      continue;
    }
    out.push({ ...e, lastPage: e.page, firstOnPage: e.role !== 'Note' && firstOnPage });
  }
  return out;
}

function undocSegments(document) {
  const segments = [];
  const walk = (blocks, scope) => {
    for (const block of blocks ?? []) {
      if (block.type === 'heading') segments.push({ kind: 'heading', text: `${block.number ?? ''} ${block.text}`, scope });
      else if (block.type === 'paragraph') {
        segments.push({ kind: 'paragraph', text: `${block.number ?? ''} ${block.text}`, scope });
        for (const item of block.items ?? [])
          segments.push({ kind: 'item', text: `${item.label ?? item.number ?? ''} ${item.text ?? ''}`, scope });
      } else if (block.type === 'table') segments.push({ kind: 'table', text: JSON.stringify(block.rows ?? block.cells ?? ''), scope });
      else if (block.text) segments.push({ kind: block.type, text: block.text, scope });
      if (block.body) walk(block.body, scope);
    }
  };
  walk(document.body, 'body');
  for (const annex of document.annexes ?? []) {
    segments.push({ kind: 'annex-title', text: `${annex.label ?? ''} ${annex.title ?? ''}`, scope: annex.id });
    walk(annex.body, annex.id);
  }
  for (const s of segments) s.norm = norm(s.text);
  return segments;
}

function findJson(outDir, set, name) {
  for (const candidate of [join(outDir, set, `${name}.json`), join(outDir, `${name}.json`)]) if (existsSync(candidate)) return candidate;
  return null;
}

/** Every disagreement of one document: [{ cls, example }]. */
function compare(tags, document) {
  const found = [];
  const add = (cls, example) => found.push({ cls, example: example.replace(/\s+/g, ' ').trim().slice(0, 110) });
  const segments = undocSegments(document);
  const notes = (document.footnotes ?? []).map((n) => ({ ...n, norm: norm(n.text) }));
  const mastheadText = norm(
    [
      ...(document.masthead ?? []).map((m) => m.text),
      document.metadata?.title ?? '',
      document.metadata?.subtitle ?? '',
      ...(document.metadata?.agendaItems ?? []).map((a) => (typeof a === 'string' ? a : (a.title ?? a.text ?? ''))),
      ...(document.furniture ?? []).map((f) => f.text),
    ].join(' '),
  );
  // Concatenation of the body in reading order, with the segment that owns each offset.
  let all = '';
  const owner = [];
  segments.forEach((s, i) => {
    all += s.norm;
    for (let k = 0; k < s.norm.length; k++) owner.push(i);
  });
  const noteText = notes.map((n) => n.norm).join('');

  for (const e of tags.elements) {
    const n = norm(e.text);
    if (n.length < MIN_LETTERS || e.inTable) continue;
    if (e.role === 'Note') {
      const head = n.slice(0, 40);
      if (!notes.some((x) => x.norm.includes(head) || (x.norm.length >= MIN_LETTERS && head.includes(x.norm.slice(0, 40))))) {
        if (all.includes(head)) add('note: tagged Note left in the body', e.text);
        else add('note: tagged Note not found', e.text);
      }
      continue;
    }
    if (/^H\d?$/.test(e.role) || e.role === 'Title') {
      if (
        segments.some(
          (s) =>
            (s.kind === 'heading' || s.kind === 'annex-title') &&
            (s.norm === n || s.norm.endsWith(n) || (n.endsWith(s.norm) && s.norm.length >= MIN_LETTERS)),
        )
      )
        continue;
      if (mastheadText.includes(n)) continue;
      if (noteText.includes(n)) continue;
      const same = segments.find((s) => s.kind !== 'heading' && s.norm === n);
      if (same) {
        add(`heading: tagged ${e.role[0]} read as ${same.kind}`, e.text);
        continue;
      }
      const glued = segments.find((s) => s.kind !== 'heading' && s.norm.startsWith(n));
      if (glued) {
        add('heading: tagged H glued to the start of a paragraph', e.text);
        continue;
      }
      const inside = segments.find((s) => s.norm.includes(n));
      if (inside) add(`heading: tagged H inside a ${inside.kind}`, e.text);
      else if (all.includes(n)) add('heading: tagged H split over blocks', e.text);
      else add('heading: tagged H missing from the output', e.text);
      continue;
    }
    // P / LBody / Lbl / Caption
    if (e.role === 'Lbl') continue;
    const at = all.indexOf(n);
    if (at < 0) {
      if (noteText.includes(n)) {
        add('para: tagged body text taken for a note', e.text);
      } else if (mastheadText.includes(n)) {
        if (e.page > 1) add('para: tagged body text (after page 1) taken for masthead/furniture', e.text);
      } else add('para: tagged text missing from the output', e.text);
      continue;
    }
    const first = owner[at];
    const last = owner[at + n.length - 1];
    if (first !== last) {
      const spansPage = e.spansPage;
      const heading = segments.slice(first, last + 1).find((s) => s.kind === 'heading');
      if (heading) add('para: tagged paragraph broken by a heading undoc made of its text', heading.text);
      else add(spansPage ? 'para: tagged paragraph split at a page break' : 'para: tagged paragraph split within a page', e.text);
    } else {
      // A heading whose whole text is one tagged paragraph of the document's body text.
      const s = segments[first];
      if (s.kind === 'heading' && s.norm === n && e.role === 'P' && n.length > 60) add('heading: long tagged P read as heading', e.text);
    }
  }
  // Joins: one undoc paragraph made of two or more tagged paragraphs, neither a continuation.
  const starts = new Map();
  for (const e of tags.elements) {
    if (e.role !== 'P' && e.role !== 'LBody') continue;
    const n = norm(e.text);
    if (n.length < MIN_LETTERS || e.inTable) continue;
    const at = all.indexOf(n);
    if (at < 0) continue;
    const i = owner[at];
    if (owner[at + n.length - 1] !== i) continue;
    const offset = at - all.indexOf(segments[i].norm);
    if (offset > 0) starts.set(i, [...(starts.get(i) ?? []), e]);
  }
  for (const [i, es] of starts) {
    if (segments[i].kind === 'table') continue;
    // A page's first text joined to the paragraph before may be its continuation, which the
    // per-page trees cannot tell apart from a new paragraph: counted apart.
    const within = es.filter((e) => !e.firstOnPage);
    if (within.length) add(`para: tagged paragraphs joined into one ${segments[i].kind}`, within[0].text);
    else add(`para: a page's first tagged paragraph joined to the ${segments[i].kind} before it`, es[0].text);
  }
  // Furniture in the body: artifact lines that are a whole undoc block.
  const artifactNorms = new Set(tags.artifacts.map((a) => norm(a.text)).filter((n) => n.length >= 6));
  for (const s of segments) if (s.kind !== 'table' && artifactNorms.has(s.norm)) add('furniture: artifact text as a body block', s.text);
  return found;
}

const rows = [];
for (const dir of positionals.map((d) => resolve(d))) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()) {
    const name = basename(file, '.pdf');
    // Arabic text layers give their letters in visual order and presentation forms, which the
    // tags' text and undoc's repaired text do not share letter for letter.
    if (name.endsWith('-ar')) continue;
    const json = findJson(resolve(values.out), basename(dir), name);
    if (!json) continue;
    let tags;
    try {
      tags = await readTags(join(dir, file));
    } catch {
      continue;
    }
    if (!tags) continue;
    const found = compare(tags, JSON.parse(readFileSync(json, 'utf8')));
    rows.push({ name, set: basename(dir), found, tagElements: tags.elements.length });
  }
}

const classes = new Map();
for (const row of rows) {
  for (const { cls, example } of row.found) {
    const c = classes.get(cls) ?? { cls, documents: new Map(), total: 0 };
    c.total++;
    const list = c.documents.get(row.name) ?? [];
    list.push(example);
    c.documents.set(row.name, list);
    classes.set(cls, c);
  }
}
const ranked = [...classes.values()].sort((a, b) => b.documents.size - a.documents.size || b.total - a.total);
console.log(`tagged documents compared: ${rows.length}`);
console.log(`${'class'.padEnd(72)} ${'docs'.padStart(5)} ${'cases'.padStart(6)}`);
for (const c of ranked) console.log(`${c.cls.padEnd(72)} ${String(c.documents.size).padStart(5)} ${String(c.total).padStart(6)}`);
if (SHOW > 0) {
  for (const c of ranked) {
    console.log(`\n## ${c.cls}`);
    const docs = [...c.documents.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [name, examples] of docs.slice(0, SHOW * 2))
      console.log(`  ${name} (${examples.length}): ${examples.slice(0, SHOW).join(' | ')}`);
  }
}
if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        documents: rows.length,
        classes: ranked.map((c) => ({
          cls: c.cls,
          documents: c.documents.size,
          cases: c.total,
          byDocument: Object.fromEntries(c.documents),
        })),
      },
      null,
      1,
    ),
  );
}
