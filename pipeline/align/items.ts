/**
 * Sub-items of a paired paragraph, paired across its versions: "(a)" in English, "a)" in French and
 * "(أ)" in Arabic are one item, read into one form by the numbering reader; nested items keep the
 * labels of the items they sit in ("(a)(ii)"). Bullets have no label to pair by, so the n-th bullet
 * of a list pairs with the n-th of the same list in the other version.
 *
 *   each version's items, flattened in document order with a key (labels from the outermost in)
 *   → merged version by version, a longest common subsequence of keys
 */
import { HeadingNumberReader } from '../languages/numbering.js';
import type { ItemBlock } from '../model.js';
import { longestCommonSubsequence } from './sequence.js';

/** One sub-item of a paragraph, with its text in each version that has it. */
export interface PairedItem {
  /** Its labels in one form for all languages, outermost first: `(a)`, `(a)(ii)`, `•3`. */
  label: string;
  texts: Map<string, string>;
}

interface FlatItem {
  label: string;
  text: string;
}

/** A label that is a number or letter (not a bullet glyph): the reader gives it a style other than literal. */
function canonicalLabel(reader: HeadingNumberReader, printed: string | null): string | null {
  if (printed === null) return null;
  const number = reader.read(printed);
  return number === null || number.style === 'literal' ? null : number.text;
}

/** The items of one version in document order, nested ones after their parent, each with its full label. */
function flatten(items: readonly ItemBlock[], prefix = ''): FlatItem[] {
  const reader = new HeadingNumberReader();
  const flat: FlatItem[] = [];
  let bullets = 0;
  for (const item of items) {
    const label = `${prefix}${canonicalLabel(reader, item.label) ?? `•${++bullets}`}`;
    flat.push({ label, text: item.text });
    flat.push(...flatten(item.items ?? [], label));
  }
  return flat;
}

/**
 * Pairs the sub-items of one paragraph across the versions that have it, in the order of
 * `itemsByLanguage`; items only some versions have are kept between the same neighbours.
 */
export function pairItems(itemsByLanguage: ReadonlyMap<string, readonly ItemBlock[]>): PairedItem[] {
  let merged: PairedItem[] = [];
  for (const [language, items] of itemsByLanguage) {
    const incoming = flatten(items);
    const pairs = longestCommonSubsequence(
      merged.map((item) => item.label),
      incoming.map((item) => item.label),
    );
    const result: PairedItem[] = [];
    let nextMerged = 0;
    let nextIncoming = 0;
    const fresh = (item: FlatItem): PairedItem => ({ label: item.label, texts: new Map([[language, item.text]]) });
    for (const [i, j] of pairs) {
      result.push(...merged.slice(nextMerged, i), ...incoming.slice(nextIncoming, j).map(fresh));
      result.push({ label: merged[i]!.label, texts: new Map(merged[i]!.texts).set(language, incoming[j]!.text) });
      nextMerged = i + 1;
      nextIncoming = j + 1;
    }
    result.push(...merged.slice(nextMerged), ...incoming.slice(nextIncoming).map(fresh));
    merged = result;
  }
  return merged;
}
