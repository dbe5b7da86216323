/**
 * The per-document ratchet: the scores every gold document reached when the table
 * `ratchet.json` was last written. No change may lower one; a change that raises one raises the
 * table in the same commit (`npm run ratchet` writes the raised figures and refuses to lower any).
 * The table is a floor, not a target: the absolute bars are reported by `npm run eval`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RATCHET_FILE = join(dirname(fileURLToPath(import.meta.url)), 'ratchet.json');

/** Measures where a higher figure is better, and where a lower one is (residue, false tables). */
const HIGHER_IS_BETTER = ['head', 'lvl', 'para', 'sim', 'fn', 'link', 'meta', 'found', 'cells', 'adj', 'rows', 'teds'] as const;
const LOWER_IS_BETTER = ['resid', 'extra', 'frag'] as const;
type Measure = (typeof HIGHER_IS_BETTER)[number] | (typeof LOWER_IS_BETTER)[number];

/** A scorer's row: the document's name and its measures (null where the gold has nothing to score). */
export type ScoreRow = { name: string } & Partial<Record<Measure, number | null>>;
/** Per scorer (`structure`, `tables`), per document, per measure. */
export type Ratchet = Record<string, Record<string, Partial<Record<Measure, number | null>>>>;

/** Four decimals: the scorers are deterministic, so this only keeps the table readable. */
const round = (value: number | null | undefined): number | null => (typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : null);

export function tableOf(scores: Record<string, ScoreRow[]>): Ratchet {
  const table: Ratchet = {};
  for (const [scorer, rows] of Object.entries(scores)) {
    const documents: Ratchet[string] = {};
    for (const row of [...rows].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const figures: Partial<Record<Measure, number | null>> = {};
      for (const measure of [...HIGHER_IS_BETTER, ...LOWER_IS_BETTER]) if (measure in row) figures[measure] = round(row[measure]);
      documents[row.name] = figures;
    }
    table[scorer] = documents;
  }
  return table;
}

export function readRatchet(): Ratchet {
  return JSON.parse(readFileSync(RATCHET_FILE, 'utf8')) as Ratchet;
}

export function writeRatchet(table: Ratchet): void {
  writeFileSync(RATCHET_FILE, JSON.stringify(table, null, 1) + '\n');
}

export interface Movement {
  lowered: string[];
  raised: string[];
}

/** What moved between the committed table and the current figures, one line per document and measure. */
export function compare(committed: Ratchet, current: Ratchet): Movement {
  const lowered: string[] = [];
  const raised: string[] = [];
  for (const [scorer, documents] of Object.entries(committed)) {
    for (const [name, figures] of Object.entries(documents)) {
      const now = current[scorer]?.[name];
      if (!now) {
        lowered.push(`${scorer} ${name}: no longer scored`);
        continue;
      }
      for (const [measure, floor] of Object.entries(figures) as [Measure, number | null][]) {
        const value = now[measure] ?? null;
        if (floor === null) {
          if (value !== null) raised.push(`${scorer} ${name} ${measure}: - → ${value}`);
          continue;
        }
        const lowerIsBetter = (LOWER_IS_BETTER as readonly string[]).includes(measure);
        const worse = value === null || (lowerIsBetter ? value > floor : value < floor);
        const better = value !== null && (lowerIsBetter ? value < floor : value > floor);
        if (worse) lowered.push(`${scorer} ${name} ${measure}: ${floor} → ${value ?? '-'}`);
        else if (better) raised.push(`${scorer} ${name} ${measure}: ${floor} → ${value}`);
      }
    }
  }
  for (const [scorer, documents] of Object.entries(current)) {
    for (const name of Object.keys(documents)) if (!committed[scorer]?.[name]) raised.push(`${scorer} ${name}: newly scored`);
  }
  return { lowered, raised };
}
