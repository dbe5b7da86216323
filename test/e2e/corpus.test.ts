/**
 * The whole shared corpus (../shared/corpus/pdf plus the replicas): every document converts and
 * validates, no gold document scores lower than the committed ratchet (ratchet.ts), and the
 * invariants and coverage bars hold, measured with the shared tools.
 * Skips with a one-line reason where ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertPdf } from '../../pipeline/convert.js';
import { toJson } from '../../pipeline/emit/json.js';
import type { Block, UnDocument } from '../../pipeline/model.js';
import { inside, letterAndDigitSimilarity, letterSimilarity, openPdf, pageSizes, placedElements, placedItems } from './pdf-text.js';
import { compare, readRatchet, RATCHET_FILE, tableOf, writeRatchet, type ScoreRow } from './ratchet.js';
import { CORPUS_PDF, GOLD_DIR, GOLD_TABLES_DIR, HAS_SHARED, REPLICA_DIR, SKIP_REASON, TOOLS } from './shared.js';

/** The shared tools read every output (coverage.mjs runs pdftotext on every PDF): allow them time. */
const TOOL_TIMEOUT_MS = 300_000;
const out = mkdtempSync(join(tmpdir(), 'undoc-corpus-'));
/** The replicas apart: their gold is beside them, and the UDHR restarts its numbering in every article. */
const outReplica = mkdtempSync(join(tmpdir(), 'undoc-replica-'));
/** `npm run ratchet` runs this file with UNDOC_RATCHET=write: the table is rewritten with raised figures. */
const WRITE_RATCHET = process.env.UNDOC_RATCHET === 'write';
const documents = new Map<string, UnDocument>();
/**
 * The provenance check's bars: how alike an element's letters and those under its boxes must be,
 * and the share of the sample allowed below (a page whose columns are not found makes lines that
 * cross the gutter, and a box over them takes in the other column's lines too).
 */
const PROVENANCE_SIMILARITY = 0.95;
const PROVENANCE_MISSES = 0.01;
/** About this many paragraphs, headings and footnotes sampled per document, spread through it. */
const PROVENANCE_SAMPLES = 10;
/** About this many table cells with text sampled per document that has tables, spread through them. */
const CELL_SAMPLES = 20;
const failures: string[] = [];

function tool(name: string, ...args: string[]): any {
  return JSON.parse(execFileSync('node', [join(TOOLS, name), ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/** Every text of a document (masthead, body, annexes, notes), one per line. */
function collectText(document: UnDocument): string {
  const texts: string[] = document.masthead.map((line) => line.text);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'text' || key === 'title') && typeof inner === 'string') texts.push(inner);
        else if (typeof inner === 'object') visit(inner);
      }
    }
  };
  visit([document.body, document.annexes, document.footnotes]);
  return texts.join('\n');
}

function pdfsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!HAS_SHARED)(`shared corpus${HAS_SHARED ? '' : ` (${SKIP_REASON})`}`, () => {
  beforeAll(async () => {
    const inputs = [
      ...pdfsIn(CORPUS_PDF).map((file) => ({ file, into: out })),
      ...pdfsIn(REPLICA_DIR).map((file) => ({ file, into: outReplica })),
    ];
    for (const { file, into } of inputs) {
      const name = file.split('/').pop()!;
      try {
        const { document } = await convertPdf(new Uint8Array(readFileSync(file)), name);
        documents.set(name, document);
        writeFileSync(join(into, name.replace(/\.pdf$/, '.json')), toJson(document));
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
  }, 600_000);

  it('converts every PDF of the corpus and the replica into a valid document', () => {
    expect(failures).toEqual([]);
    expect(documents.size).toBe(pdfsIn(CORPUS_PDF).length + pdfsIn(REPLICA_DIR).length);
  });

  it('leaves no job number or barcode text in body or note text', () => {
    const residue: string[] = [];
    for (const [name, document] of documents) {
      const text = JSON.stringify([document.body, document.annexes, document.footnotes.map((f) => f.text)]);
      for (const m of text.matchAll(/(?<![\w/.-])(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?![\w/-])|\*\d{7}\*/g))
        residue.push(`${name}: ${m[0]}`);
    }
    expect(residue).toEqual([]);
  });

  it('leaves no running header: no block is the document symbol alone', () => {
    const residue: string[] = [];
    const visit = (name: string, symbols: string[], blocks: Block[]) => {
      for (const block of blocks) {
        const texts = block.type === 'table' ? [] : block.type === 'contents' ? block.entries.map((entry) => entry.title) : [block.text];
        for (const text of texts) if (symbols.includes(text.trim())) residue.push(`${name}: ${text}`);
      }
    };
    for (const [name, document] of documents) {
      visit(name, document.metadata.symbols, document.body);
      for (const annex of document.annexes) visit(name, document.metadata.symbols, annex.body);
    }
    expect(residue).toEqual([]);
  });

  it(
    'keeps numbered paragraphs in order: numbering faults under 2% (invariants.mjs), no dangling reference, no empty document',
    () => {
      const { sum } = tool('invariants.mjs', out);
      expect(sum.order / sum.paras).toBeLessThan(0.02);
      expect(sum.dangle).toBe(0);
      expect(sum.empty).toBe(0);
    },
    TOOL_TIMEOUT_MS,
  );

  it(
    `lowers no gold document's score below the ratchet (${RATCHET_FILE.split('/').pop()}), and records every raise`,
    () => {
      const rows = (scorer: string, outDir: string, goldDir: string): ScoreRow[] =>
        (tool(scorer, '--out', outDir, '--gold', goldDir).rows as (ScoreRow & { missing?: boolean })[]).filter((row) => !row.missing);
      const current = tableOf({
        structure: [...rows('score.mjs', out, GOLD_DIR), ...rows('score.mjs', outReplica, REPLICA_DIR)],
        tables: [...rows('score-tables.mjs', out, GOLD_TABLES_DIR), ...rows('score-tables.mjs', outReplica, GOLD_TABLES_DIR)],
      });
      const { lowered, raised } = compare(readRatchet(), current);
      if (WRITE_RATCHET && lowered.length === 0) writeRatchet(current);
      expect(lowered, 'scores lowered below the ratchet').toEqual([]);
      if (!WRITE_RATCHET) expect(raised, 'scores raised: run `npm run ratchet` and commit the table with the change').toEqual([]);
    },
    TOOL_TIMEOUT_MS,
  );

  it(
    "meets issue 5's bars on the Arabic gold (score.mjs): para >= 0.95, meta >= 0.85",
    () => {
      const { rows } = tool('score.mjs', '--out', out, '--gold', GOLD_DIR);
      const arabic = rows.filter((r: { name: string }) => /-ar$/.test(r.name));
      expect(arabic.length).toBeGreaterThan(0);
      for (const row of arabic) {
        expect(row.para, row.name).toBeGreaterThanOrEqual(0.95);
        expect(row.meta, row.name).toBeGreaterThanOrEqual(0.85);
        expect(row.resid, row.name).toBe(0);
      }
    },
    TOOL_TIMEOUT_MS,
  );

  const pdfOf = (name: string) => new Uint8Array(readFileSync([CORPUS_PDF, REPLICA_DIR].map((dir) => join(dir, name)).find(existsSync)!));

  it('places every masthead line, block, item, table cell, annex, footnote and furniture entry on a page, in a box inside it', async () => {
    const misplaced: string[] = [];
    let boxes = 0;
    for (const [name, document] of documents) {
      const pdf = await openPdf(pdfOf(name));
      const sizes = await pageSizes(pdf);
      await pdf.destroy();
      for (const { where, prov } of placedElements(document)) {
        if (prov.length === 0) misplaced.push(`${name} ${where}: no provenance`);
        for (const { page, bbox } of prov) {
          boxes++;
          const size = sizes[page - 1];
          const [x0, y0, x1, y1] = bbox;
          if (!size || x0 < 0 || y0 < 0 || x1 > size.width || y1 > size.height || x0 > x1 || y0 > y1)
            misplaced.push(
              `${name} ${where}: page ${page} [${bbox.join(', ')}] outside ${size ? `${size.width} x ${size.height}` : 'the document'}`,
            );
        }
      }
    }
    expect(boxes).toBeGreaterThan(documents.size);
    expect(misplaced).toEqual([]);
  }, 300_000);

  /**
   * The text pdf.js draws inside each box (its items whose em-box centre falls in the rectangle,
   * read by pdf-text.ts, not by extract.ts) is the element's text: compared as multisets of
   * letters (NFKC, lower case), so that line-end hyphens, numbers and markers, and the order of
   * right-to-left items do not count. Sampled: every fifth of the paragraphs, headings (with their
   * number) and footnotes of each document.
   */
  it(`finds each sampled element's text under its boxes: letter similarity >= ${PROVENANCE_SIMILARITY} for all but ${PROVENANCE_MISSES * 100}% of the sample`, async () => {
    const far: string[] = [];
    let sampled = 0;
    for (const [name, document] of documents) {
      const elements = [
        ...document.body.flatMap((block) =>
          block.type === 'table'
            ? []
            : block.type === 'contents'
              ? block.entries.map((entry, k) => ({
                  id: `${block.id} entry ${k}`,
                  text: `${entry.label ?? ''} ${entry.title}`,
                  prov: entry.prov,
                }))
              : [{ id: block.id, text: `${block.type === 'heading' ? (block.number ?? '') : ''} ${block.text}`, prov: block.prov }],
        ),
        ...document.footnotes.map((note) => ({ id: note.id, text: note.text, prov: note.prov })),
      ];
      const step = Math.max(1, Math.floor(elements.length / PROVENANCE_SAMPLES));
      const pdf = await openPdf(pdfOf(name));
      const items = new Map<number, Awaited<ReturnType<typeof placedItems>>>();
      for (let index = 0; index < elements.length; index += step) {
        const element = elements[index]!;
        const under: string[] = [];
        for (const { page, bbox } of element.prov) {
          if (!items.has(page)) items.set(page, await placedItems(pdf, page));
          for (const item of items.get(page)!) if (inside(bbox, item.x, item.y)) under.push(item.text);
        }
        sampled++;
        const similarity = letterSimilarity(element.text, under.join(' '));
        if (similarity < PROVENANCE_SIMILARITY)
          far.push(
            `${name} ${element.id} (${similarity.toFixed(2)}): "${element.text.slice(0, 60)}" under "${under.join(' ').slice(0, 60)}"`,
          );
      }
      await pdf.destroy();
    }
    expect(sampled).toBeGreaterThan(5 * documents.size);
    expect(far.length, far.join('\n')).toBeLessThanOrEqual(PROVENANCE_MISSES * sampled);
  }, 300_000);

  /**
   * The same check for table cells (their letters and digits, since a cell is mostly figures): a
   * sample of every document's cells with text, each of which must carry provenance (an empty
   * cell has none: nothing was printed there).
   */
  it(`finds each sampled table cell's text under its box: letter and digit similarity >= ${PROVENANCE_SIMILARITY} for all but ${PROVENANCE_MISSES * 100}% of the sample`, async () => {
    const far: string[] = [];
    const unplaced: string[] = [];
    let sampled = 0;
    for (const [name, document] of documents) {
      const cells = [...document.body, ...document.annexes.flatMap((annex) => annex.body)].flatMap((block) =>
        block.type === 'table' ? block.rows.flatMap((row, r) => row.map((cell) => ({ id: `${block.id} row ${r}`, cell }))) : [],
      );
      const printed = cells.filter(({ cell }) => cell.text !== '');
      for (const { id, cell } of printed)
        if (!cell.prov?.length) unplaced.push(`${name} ${id}: "${cell.text.slice(0, 40)}" has no provenance`);
      const placed = printed.filter(({ cell }) => cell.prov !== undefined);
      if (placed.length === 0) continue;
      const step = Math.max(1, Math.floor(placed.length / CELL_SAMPLES));
      const pdf = await openPdf(pdfOf(name));
      const items = new Map<number, Awaited<ReturnType<typeof placedItems>>>();
      for (let index = 0; index < placed.length; index += step) {
        const { id, cell } = placed[index]!;
        const under: string[] = [];
        for (const { page, bbox } of cell.prov!) {
          if (!items.has(page)) items.set(page, await placedItems(pdf, page));
          for (const item of items.get(page)!) if (inside(bbox, item.x, item.y)) under.push(item.text);
        }
        sampled++;
        const similarity = letterAndDigitSimilarity(cell.text, under.join(' '));
        if (similarity < PROVENANCE_SIMILARITY)
          far.push(`${name} ${id} (${similarity.toFixed(2)}): "${cell.text.slice(0, 60)}" under "${under.join(' ').slice(0, 60)}"`);
      }
      await pdf.destroy();
    }
    expect(unplaced).toEqual([]);
    expect(sampled).toBeGreaterThan(documents.size);
    expect(far.length, far.join('\n')).toBeLessThanOrEqual(PROVENANCE_MISSES * sampled);
  }, 300_000);

  describe('Arabic text checked by hand where it differs from pdftotext', () => {
    const textOf = (name: string) => collectText(documents.get(name)!);
    /** pdftotext's text as coverage.mjs compares it: compatibility forms folded, bidi controls dropped. */
    const pdftotext = (name: string) =>
      execFileSync('pdftotext', [join(CORPUS_PDF, name), '-'], { encoding: 'utf8' })
        .normalize('NFKC')
        .replace(/[\u202A-\u202E]/g, '');

    it('E/ESCWA/30/8 para 5: the bracket and the period close "(القاهرة، 14-16 أيار/مايو 2017)." in that order', () => {
      expect(textOf('E_ESCWA_30_8-ar.pdf')).toContain('(القاهرة، 14-16 أيار/مايو 2017).');
      if (hasPdftotext()) expect(pdftotext('E_ESCWA_30_8-ar.pdf')).toContain(')القاهرة 14-16 ،أيار/مايو .(2017');
    });

    it('E/ESCWA/30/8 p.7: "سنوياً" and "المستدامة" are whole words (pdftotext: "سنويا ً", "المستد امة")', () => {
      const text = textOf('E_ESCWA_30_8-ar.pdf');
      expect(text).toContain('سنوياً');
      expect(text).toContain('وخطة التنمية المستدامة لعام 2030)');
      if (hasPdftotext()) {
        const poppler = pdftotext('E_ESCWA_30_8-ar.pdf');
        expect(poppler).toContain('سنويا ً');
        expect(poppler).toContain('المستد امة');
      }
    });

    it('E/ESCWA/2017/EC.4/4: "ولا سيما" (especially), where pdftotext gives the reversed ligature "وال سيما"', () => {
      expect(textOf('E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf')).toContain('المرأة في المنطقة، ولا سيما تلك الناجمة');
      if (hasPdftotext()) expect(pdftotext('E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf')).toContain('وال سيما تلك الناجمة');
    });

    it('E/ESCWA/2017/EC.4/4 p.1: "بيروت، 13-14 كانون الأول/ديسمبر 2017" (pdftotext: "14-13", "األول")', () => {
      expect(textOf('E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf')).toContain('بيروت، 13-14 كانون الأول/ديسمبر 2017');
      if (hasPdftotext()) expect(pdftotext('E_ESCWA_2017_EC.4_4_Part_VII-ar.pdf')).toContain('بيروت 14-13 ،كانون األول/ديسمبر 2017');
    });
  });

  it(
    'matches every paragraph of the replica A/61/187 with similarity >= 0.99',
    () => {
      const { rows } = tool('score.mjs', '--out', outReplica, '--gold', REPLICA_DIR);
      const replica = rows.find((row: { name: string }) => row.name === 'A_61_187-fr');
      expect(replica.para).toBe(1);
      expect(replica.sim).toBeGreaterThanOrEqual(0.99);
      expect(replica.counts.paragraphs).toEqual([76, 76]);
    },
    TOOL_TIMEOUT_MS,
  );

  it.skipIf(!hasPdftotext())(
    'loses and invents no text against pdftotext outside Arabic (coverage.mjs)',
    () => {
      const { rows } = tool('coverage.mjs', '--out', out, '--pdf', CORPUS_PDF);
      // Arabic text layers are wrong in pdftotext itself (reversed lam-alef), and A/79/876 carries a
      // damaged Arabic annex: both are judged in the six-languages work, not by this word count.
      const judged = rows.filter((r: { name: string }) => !/-ar$/.test(r.name) && r.name !== 'A_79_876-S_2025_230-en');
      const mean = (key: string) => judged.reduce((a: number, r: Record<string, number>) => a + r[key]!, 0) / judged.length;
      expect(mean('recall')).toBeGreaterThanOrEqual(0.98);
      expect(mean('precision')).toBeGreaterThanOrEqual(0.98);
      expect(
        judged
          .filter((r: { recall: number; precision: number }) => r.recall < 0.9 || r.precision < 0.9)
          .map((r: { name: string }) => r.name),
      ).toEqual([]);
    },
    TOOL_TIMEOUT_MS,
  );
});
