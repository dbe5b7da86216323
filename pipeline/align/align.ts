/**
 * Aligns the language versions of one UN document by their structure, not by translation: every
 * version numbers its paragraphs and headings the same way, so paragraph 12 of annex 1 in Arabic,
 * English and French is one unit, whatever its words.
 *
 *   each version → its numbered units per scope (body, annex-1, …), keyed by kind and number
 *   → merged version by version, a longest common subsequence of keys per scope
 *   → units in document order, each with the texts of the versions that have it
 *
 * A subsequence, not a lookup by number, because numbers repeat inside a scope (a resolution quoted
 * in a report numbers its own paragraphs from 1) and a version may lack a unit or have an extra
 * one (a paragraph the converter did not find, numbering printed in one language only): keeping
 * the order of each version lets repeated numbers pair by position and keeps a unit found in only
 * one version between the same neighbours as in that version.
 */
import type { Block, ItemBlock, ParagraphBlock, UnDocument } from '../model.js';
import { canonicalParagraphNumber, HeadingNumberReader, type NumberStyle } from '../languages/numbering.js';
import { pairItems } from './items.js';
import { HEADING_SLACK, learnRatios, plausibleLanguages, SHORT_TEXT_SLACK, type LengthRatio } from './ratio.js';
import { longestCommonSubsequence } from './sequence.js';

export type { LengthRatio } from './ratio.js';

/**
 * What a unit is. A paragraph's text holds its sub-items too, which is what a translator needs
 * whole; each sub-item is also a unit of its own, right after its paragraph, paired by its label
 * within the paragraph (see items.ts).
 */
export type UnitKind = 'paragraph' | 'heading' | 'item';

/** One numbered paragraph or heading, with its text in each language version that has it. */
export interface AlignedUnit {
  kind: UnitKind;
  /** null in the main body; the annex id (`annex-1`) inside an annex, whose numbering is its own. */
  scope: string | null;
  /**
   * The number in one form for all languages: `12` for a paragraph; `I.`, `A.`, `1.`, `(a)`,
   * `Article 3` for a heading; the paragraph's number and the item's label for a sub-item, `7 (a)`.
   */
  number: string;
  /** Text by ISO 639-1 code, in the order of `languages`; a version without this unit has no entry. */
  texts: Record<string, string>;
  /** Texts set aside because their length does not fit the others' (see ratio.ts); absent when none was. */
  rejected?: Record<string, string>;
}

/** The aligned units of several language versions of one document, in document order. */
export interface Alignment {
  /** ISO 639-1 codes of the versions, in alphabetical order. */
  languages: string[];
  units: AlignedUnit[];
  /** For each pair of languages, the length ratio learned from the document and the band a pair must fall in. */
  ratios: LengthRatio[];
}

/** The documents cannot be aligned as given: a language missing or shared by two inputs. */
export class AlignmentInputError extends Error {
  override name = 'AlignmentInputError';
}

/** The documents are not language versions of one document: their symbols differ. */
export class DifferentDocumentsError extends AlignmentInputError {
  override name = 'DifferentDocumentsError';
}

/**
 * How far out a heading's numbering style sits in the outline: chapters (I., Chapter I, Rule 3)
 * contain sections (A.), which contain numbered subsections (1.), which contain lettered ones.
 */
const HEADING_TIERS: Record<NumberStyle, number> = { roman: 0, labelled: 0, upper: 1, digits: 2, lower: 3, lowerRoman: 3, literal: 3 };
const PARAGRAPH_TIER = 4;

/** A unit of one version, before merging. */
interface VersionUnit {
  /** Equal keys mean the same unit in two versions: kind, numbering style and number. */
  key: string;
  kind: UnitKind;
  /** Merging pairs tier 0 first (chapters), PARAGRAPH_TIER last. */
  tier: number;
  number: string;
  text: string;
  /** Index of its block in the scope's block list of its version. */
  block: number;
}

/** A unit of the versions merged so far. */
interface MergedUnit {
  key: string;
  kind: UnitKind;
  tier: number;
  number: string;
  texts: Map<string, string>;
  /** Index of its block in the scope's block list, by language. */
  blocks: Map<string, number>;
  /** Languages whose unit was paired by its number, not given by position: what length ratios are learned from. */
  confident: Set<string>;
}

/** A unit of the finished alignment, before its texts are checked against the length ratios. */
interface CheckedUnit {
  kind: UnitKind;
  scope: string | null;
  number: string;
  texts: Map<string, string>;
  confident: Set<string>;
}

/** ISO 639-1: two lower-case letters, which also keeps a language from being a special key ("__proto__") of `texts`. */
const ISO_639_1 = /^[a-z]{2}$/;

/**
 * The language of each document, from `metadata.language`. Throws AlignmentInputError when one has
 * none or two share one; `names` (the input files, by default the source PDFs) name them in the message.
 */
export function documentLanguages(
  documents: readonly UnDocument[],
  names: readonly string[] = documents.map((d) => d.source.file),
): string[] {
  const firstWithLanguage = new Map<string, string>();
  return documents.map((document, index) => {
    const name = names[index] ?? document.source.file;
    const language = document.metadata.language;
    if (!language) throw new AlignmentInputError(`${name}: metadata.language is not set, so its language version is unknown`);
    if (!ISO_639_1.test(language))
      throw new AlignmentInputError(`${name}: metadata.language "${language}" is not an ISO 639-1 code such as "fr"`);
    const other = firstWithLanguage.get(language);
    if (other !== undefined)
      throw new AlignmentInputError(`${other} and ${name} are both in "${language}": give one document per language`);
    firstWithLanguage.set(language, name);
    return language;
  });
}

/**
 * The symbols of each document, checked to be those of one document: two inputs that both carry
 * symbols and share none are different documents (E/2018/41 in English and a CEDAW report in
 * Russian), whose paragraph numbers would pair anyway. Throws DifferentDocumentsError.
 */
export function checkOneDocument(documents: readonly UnDocument[], names: readonly string[] = documents.map((d) => d.source.file)): void {
  const normalise = (symbol: string) => symbol.replace(/\s+/g, '').toUpperCase();
  const symbolsOf = (document: UnDocument): Set<string> =>
    new Set([...(document.metadata.symbols ?? []), ...(document.metadata.symbol ? [document.metadata.symbol] : [])].map(normalise));
  const known = documents.map((document, index) => ({ name: names[index] ?? document.source.file, symbols: symbolsOf(document) }));
  const first = known.find((document) => document.symbols.size > 0);
  if (!first) return;
  for (const other of known) {
    if (other.symbols.size === 0 || [...other.symbols].some((symbol) => first.symbols.has(symbol))) continue;
    throw new DifferentDocumentsError(
      `${first.name} is ${[...first.symbols].join(', ')} and ${other.name} is ${[...other.symbols].join(', ')}: ` +
        'not language versions of one document',
    );
  }
}

/**
 * Aligns the language versions of one document: numbered paragraphs by (scope, number), numbered
 * headings by (scope, numbering style, number), repeated numbers by order of occurrence, and the
 * sub-items of each paragraph by label. Units found in some versions only are kept, with the other
 * languages absent from `texts`; a text whose length does not fit the ratio the document shows for
 * its pair of languages is moved to `rejected`. Throws AlignmentInputError (DifferentDocumentsError
 * when the symbols differ).
 */
export function alignDocuments(documents: readonly UnDocument[]): Alignment {
  const languages = documentLanguages(documents);
  checkOneDocument(documents);
  const versions = documents
    .map((document, index) => ({ document, language: languages[index]! }))
    .sort((a, b) => (a.language < b.language ? -1 : 1));

  const checked: CheckedUnit[] = [];
  for (const scope of scopesInOrder(versions.map((version) => version.document))) {
    let merged: MergedUnit[] = [];
    const blocksByLanguage = new Map(versions.map(({ document, language }) => [language, blocksOfScope(document, scope)]));
    for (const [language, blocks] of blocksByLanguage) {
      merged = mergeVersion(merged, versionUnits(blocks), language);
    }
    fillUnnumberedByPosition(merged, blocksByLanguage);
    for (const unit of merged) {
      checked.push({ kind: unit.kind, scope, number: unit.number, texts: unit.texts, confident: unit.confident });
      if (unit.kind === 'paragraph') checked.push(...itemUnits(unit, scope, blocksByLanguage));
    }
  }
  const sortedLanguages = versions.map((version) => version.language);
  const ratios = learnRatios(checked, sortedLanguages);
  return { languages: sortedLanguages, units: checked.map((unit) => checkedUnit(unit, sortedLanguages, ratios)), ratios };
}

/** The sub-items of a paired paragraph as units of their own, numbered "7 (a)". */
function itemUnits(unit: MergedUnit, scope: string | null, blocksByLanguage: ReadonlyMap<string, readonly Block[]>): CheckedUnit[] {
  const itemsByLanguage = new Map<string, readonly ItemBlock[]>();
  for (const [language, index] of unit.blocks) {
    const block = blocksByLanguage.get(language)?.[index];
    if (block?.type === 'paragraph' && block.items?.length) itemsByLanguage.set(language, block.items);
  }
  return pairItems(itemsByLanguage).map((item) => ({
    kind: 'item',
    scope,
    number: `${unit.number} ${item.label}`,
    texts: item.texts,
    confident: new Set(),
  }));
}

/** A unit as output: its plausible texts in the order of `languages`, the others as rejected. */
function checkedUnit(unit: CheckedUnit, languages: readonly string[], ratios: readonly LengthRatio[]): AlignedUnit {
  const kept = plausibleLanguages(ratios, unit.texts, unit.kind === 'heading' ? HEADING_SLACK : SHORT_TEXT_SLACK);
  const texts: Record<string, string> = {};
  const rejected: Record<string, string> = {};
  for (const language of languages) {
    const text = unit.texts.get(language);
    if (text !== undefined) (kept.has(language) ? texts : rejected)[language] = text;
  }
  const aligned: AlignedUnit = { kind: unit.kind, scope: unit.scope, number: unit.number, texts };
  if (Object.keys(rejected).length > 0) aligned.rejected = rejected;
  return aligned;
}

/** The body (null) first, then every annex id in the order the versions list their annexes. */
function scopesInOrder(documents: readonly UnDocument[]): (string | null)[] {
  const scopes: (string | null)[] = [null];
  const annexCount = Math.max(...documents.map((document) => document.annexes.length));
  for (let index = 0; index < annexCount; index++) {
    for (const document of documents) {
      const id = document.annexes[index]?.id;
      if (id !== undefined && !scopes.includes(id)) scopes.push(id);
    }
  }
  return scopes;
}

function blocksOfScope(document: UnDocument, scope: string | null): Block[] {
  if (scope === null) return document.body;
  return document.annexes.find((annex) => annex.id === scope)?.body ?? [];
}

/** The numbered headings and paragraphs of one scope of one version, in document order. */
function versionUnits(blocks: readonly Block[]): VersionUnit[] {
  const headingNumbers = new HeadingNumberReader();
  const units: VersionUnit[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'heading') {
      const number = (block.number !== null ? headingNumbers.read(block.number) : null) ?? headingNumbers.readFromText(block.text);
      if (number) {
        units.push({
          key: `heading ${number.style} ${number.text}`,
          kind: 'heading',
          tier: HEADING_TIERS[number.style],
          number: number.text,
          // A heading that is all number ("Article 1") is known by it.
          text: block.text === '' ? block.number! : block.text,
          block: index,
        });
      }
    } else if (block.type === 'paragraph' && block.number !== null) {
      const number = canonicalParagraphNumber(block.number);
      units.push({ key: `paragraph ${number}`, kind: 'paragraph', tier: PARAGRAPH_TIER, number, text: paragraphText(block), block: index });
    }
  });
  return units;
}

/** A paragraph's text followed by its sub-items, each with its label as printed, joined with spaces. */
function paragraphText(paragraph: ParagraphBlock): string {
  const parts = [paragraph.text];
  const addItems = (items: readonly ItemBlock[] | undefined): void => {
    for (const item of items ?? []) {
      parts.push(item.label === null ? item.text : `${item.label} ${item.text}`);
      addItems(item.items);
    }
  };
  addItems(paragraph.items);
  return parts.filter((part) => part.trim() !== '').join(' ');
}

/**
 * Adds one version's units to the merged units, tier by tier: the chapters of the two sides are
 * paired first, then the sections between each pair of paired chapters, and so on down to the
 * paragraphs. A run of numbers that only one version has (paragraphs 1 to 34 of a declaration
 * numbered in Arabic and French only) can then never pull a chapter out of its place. Paired
 * units get this language's text; between two pairs, the merged units without a partner come
 * first, then this version's own extra units.
 */
function mergeVersion(merged: readonly MergedUnit[], incoming: readonly VersionUnit[], language: string, tier = 0): MergedUnit[] {
  const fresh = (unit: VersionUnit): MergedUnit => ({
    key: unit.key,
    kind: unit.kind,
    tier: unit.tier,
    number: unit.number,
    texts: new Map([[language, unit.text]]),
    blocks: new Map([[language, unit.block]]),
    confident: new Set([language]),
  });
  if (tier > PARAGRAPH_TIER) return [...merged, ...incoming.map(fresh)];

  const mergedAnchors = indicesInTier(merged, tier);
  const incomingAnchors = indicesInTier(incoming, tier);
  const mergedKeys = mergedAnchors.map((i) => merged[i]!.key);
  const incomingKeys = incomingAnchors.map((j) => incoming[j]!.key);
  const pairs =
    tier === PARAGRAPH_TIER
      ? pairNumberedRuns(
          mergedAnchors.map((i) => merged[i]!.number),
          mergedKeys,
          incomingAnchors.map((j) => incoming[j]!.number),
          incomingKeys,
        )
      : longestCommonSubsequence(mergedKeys, incomingKeys);
  const result: MergedUnit[] = [];
  let nextMerged = 0;
  let nextIncoming = 0;
  for (const [anchorInMerged, anchorInIncoming] of pairs) {
    const mergedIndex = mergedAnchors[anchorInMerged]!;
    const incomingIndex = incomingAnchors[anchorInIncoming]!;
    result.push(...mergeVersion(merged.slice(nextMerged, mergedIndex), incoming.slice(nextIncoming, incomingIndex), language, tier + 1));
    const unit = merged[mergedIndex]!;
    const partner = incoming[incomingIndex]!;
    result.push({
      ...unit,
      texts: new Map(unit.texts).set(language, partner.text),
      blocks: new Map(unit.blocks).set(language, partner.block),
      confident: new Set(unit.confident).add(language),
    });
    nextMerged = mergedIndex + 1;
    nextIncoming = incomingIndex + 1;
  }
  result.push(...mergeVersion(merged.slice(nextMerged), incoming.slice(nextIncoming), language, tier + 1));
  return result;
}

function indicesInTier(units: ReadonlyArray<{ tier: number }>, tier: number): number[] {
  return units.flatMap((unit, index) => (unit.tier === tier ? [index] : []));
}

/**
 * Gives a version the units it has not numbered, by position (E/2018/41-en prints the Beirut
 * Consensus without the numbers 1-34 that the Arabic and French versions print). Where a stretch
 * of units is missing from one version, between two units it has, the stretch's blocks in that
 * version and in one that has every unit of the stretch are cut at their headings; where both
 * have as many pieces, and a piece has as many paragraphs in both, and the lacking version's are
 * all unnumbered, the paragraphs pair in order. Anything less regular is left unpaired: a unit
 * missing from a version is better than one holding the wrong paragraph.
 */
function fillUnnumberedByPosition(merged: readonly MergedUnit[], blocksByLanguage: ReadonlyMap<string, readonly Block[]>): void {
  for (const [language, blocks] of blocksByLanguage) {
    let stretchStart = 0;
    while (stretchStart < merged.length) {
      if (merged[stretchStart]!.texts.has(language)) {
        stretchStart++;
        continue;
      }
      let stretchEnd = stretchStart;
      while (stretchEnd < merged.length && !merged[stretchEnd]!.texts.has(language)) stretchEnd++;
      const before = merged[stretchStart - 1];
      const after = merged[stretchEnd];
      const stretch = merged.slice(stretchStart, stretchEnd);
      for (const [reference, referenceBlocks] of blocksByLanguage) {
        if (reference === language || !stretch.every((unit) => unit.blocks.has(reference))) continue;
        const bounds = (unit: MergedUnit | undefined, side: string, fallback: number): number | undefined =>
          unit ? unit.blocks.get(side) : fallback;
        const from = bounds(before, reference, -1);
        const to = bounds(after, reference, referenceBlocks.length);
        const ownFrom = bounds(before, language, -1);
        const ownTo = bounds(after, language, blocks.length);
        if (from === undefined || to === undefined || ownFrom === undefined || ownTo === undefined) continue;
        const unitAt = new Map(stretch.map((unit) => [unit.blocks.get(reference)!, unit]));
        if (pairPieces(referenceBlocks, from, to, blocks, ownFrom, ownTo, unitAt, language)) break;
      }
      stretchStart = stretchEnd;
    }
  }
}

/**
 * Pairs, piece by piece, the paragraphs of blocks (from, to) of the reference with those of
 * blocks (ownFrom, ownTo) of the version being filled; true if the two cut into as many pieces.
 */
function pairPieces(
  referenceBlocks: readonly Block[],
  from: number,
  to: number,
  ownBlocks: readonly Block[],
  ownFrom: number,
  ownTo: number,
  unitAt: ReadonlyMap<number, MergedUnit>,
  language: string,
): boolean {
  const referencePieces = piecesBetweenHeadings(referenceBlocks, from, to);
  const ownPieces = piecesBetweenHeadings(ownBlocks, ownFrom, ownTo);
  if (referencePieces.length !== ownPieces.length) return false;
  referencePieces.forEach((piece, index) => {
    const own = ownPieces[index]!;
    if (own.length !== piece.length || own.some((at) => (ownBlocks[at] as ParagraphBlock).number !== null)) return;
    piece.forEach((at, position) => {
      const unit = unitAt.get(at);
      if (!unit) return;
      unit.texts.set(language, paragraphText(ownBlocks[own[position]!] as ParagraphBlock));
      unit.blocks.set(language, own[position]!);
    });
  });
  return true;
}

/** Indices of the paragraphs strictly between two blocks, cut into pieces at every heading. */
function piecesBetweenHeadings(blocks: readonly Block[], from: number, to: number): number[][] {
  const pieces: number[][] = [[]];
  for (let index = from + 1; index < to; index++) {
    const block = blocks[index]!;
    if (block.type === 'heading') pieces.push([]);
    else if (block.type === 'paragraph') pieces.at(-1)!.push(index);
  }
  return pieces;
}

/**
 * A unit pairing a run of one side with a run of the other is worth this much less for each
 * paragraph by which the runs' lengths differ: of two runs with the same numbers in common, the
 * one of the same length is the same text.
 */
const RUN_LENGTH_MISMATCH_COST = 0.01;

/**
 * Pairs paragraphs between two anchors. Numbering that starts again inside one gap (a report
 * quoting a declaration numbered 1-34, then resolutions numbered from 1 each) makes runs, and a
 * plain subsequence would pair the first "1-9" of one version with whichever run comes first in
 * the other (E/2018/41-en prints no numbers on the declaration, so its first run is a resolution's).
 * So whole runs are paired first, in order, each pair worth its common numbers less a little for
 * the difference in length; then the paragraphs inside each pair of runs.
 */
function pairNumberedRuns(
  aNumbers: readonly string[],
  aKeys: readonly string[],
  bNumbers: readonly string[],
  bKeys: readonly string[],
): Array<[number, number]> {
  const aRuns = numberedRuns(aNumbers);
  const bRuns = numberedRuns(bNumbers);
  if (aRuns.length <= 1 && bRuns.length <= 1) return longestCommonSubsequence(aKeys, bKeys);
  const inner = aRuns.map((a) => bRuns.map((b) => longestCommonSubsequence(aKeys.slice(a.start, a.end), bKeys.slice(b.start, b.end))));
  const worth = (i: number, j: number): number => {
    const common = inner[i]![j]!.length;
    const lengths = Math.abs(aRuns[i]!.end - aRuns[i]!.start - (bRuns[j]!.end - bRuns[j]!.start));
    return common === 0 ? 0 : common - RUN_LENGTH_MISMATCH_COST * lengths;
  };
  // best[i][j]: the most a pairing of the runs from i and j onwards is worth.
  const columns = bRuns.length + 1;
  const best = new Float64Array((aRuns.length + 1) * columns);
  const at = (i: number, j: number): number => best[i * columns + j]!;
  for (let i = aRuns.length - 1; i >= 0; i--) {
    for (let j = bRuns.length - 1; j >= 0; j--) {
      const paired = worth(i, j) > 0 ? worth(i, j) + at(i + 1, j + 1) : 0;
      best[i * columns + j] = Math.max(paired, at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < aRuns.length && j < bRuns.length) {
    if (worth(i, j) > 0 && at(i, j) === worth(i, j) + at(i + 1, j + 1)) {
      for (const [inA, inB] of inner[i]![j]!) pairs.push([aRuns[i]!.start + inA, bRuns[j]!.start + inB]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** Index ranges [start, end) of the runs of a list of paragraph numbers: a run ends where the next number is not higher. */
function numberedRuns(numbers: readonly string[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let previous = Number.NaN;
  numbers.forEach((printed, index) => {
    const value = Number.parseInt(printed, 10);
    if (runs.length === 0 || value <= previous) runs.push({ start: index, end: index + 1 });
    else runs.at(-1)!.end = index + 1;
    if (!Number.isNaN(value)) previous = value;
  });
  return runs;
}

/** Characters that would break a TSV row or cell; replaced by a space. */
const TSV_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/**
 * The alignment as tab-separated values: a header row (kind, scope, number, then one column per
 * language), then one row per unit; a missing text or the body scope is an empty cell.
 */
export function toTsv(alignment: Alignment): string {
  const rows = [
    ['kind', 'scope', 'number', ...alignment.languages],
    ...alignment.units.map((unit) => [
      unit.kind,
      unit.scope ?? '',
      unit.number,
      ...alignment.languages.map((language) => unit.texts[language] ?? ''),
    ]),
  ];
  return rows.map((cells) => cells.map((cell) => cell.replace(TSV_BREAKS, ' ')).join('\t')).join('\n') + '\n';
}

/** How many units of one kind every version has, out of all units of that kind. */
export interface KindCoverage {
  complete: number;
  total: number;
}

/** For each kind, how many units are present in every language version: the one-to-one share. */
export function alignmentCoverage(alignment: Alignment): Record<UnitKind, KindCoverage> {
  const coverage: Record<UnitKind, KindCoverage> = {
    paragraph: { complete: 0, total: 0 },
    heading: { complete: 0, total: 0 },
    item: { complete: 0, total: 0 },
  };
  for (const unit of alignment.units) {
    coverage[unit.kind].total++;
    if (alignment.languages.every((language) => Object.hasOwn(unit.texts, language))) coverage[unit.kind].complete++;
  }
  return coverage;
}

/** What an alignment comes to, for its one-paragraph summary. */
export interface AlignmentSummary {
  /** Units with a text in every version. */
  complete: number;
  /** Units with texts in two or more versions, every version included. */
  paired: number;
  /** Units with a text in one version only. */
  unpaired: number;
  /** Texts set aside for a length that does not fit their language pair's ratio. */
  rejected: number;
  byKind: Record<UnitKind, KindCoverage>;
}

export function alignmentSummary(alignment: Alignment): AlignmentSummary {
  let complete = 0;
  let paired = 0;
  let unpaired = 0;
  let rejected = 0;
  for (const unit of alignment.units) {
    const count = Object.keys(unit.texts).length;
    if (count === alignment.languages.length) complete++;
    if (count >= 2) paired++;
    else unpaired++;
    rejected += Object.keys(unit.rejected ?? {}).length;
  }
  return { complete, paired, unpaired, rejected, byKind: alignmentCoverage(alignment) };
}
