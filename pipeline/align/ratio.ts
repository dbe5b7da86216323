/**
 * Length ratios: a translation is longer or shorter than its original by a factor that depends on
 * the two languages (Chinese about a third of English, French a little longer), and that stays
 * close to its median over a document. A pair far outside it is a wrong pair or a truncated text
 * (E/2018/41, Beirut Consensus paragraph 2: 86 Arabic characters against 566 English ones, the rest
 * of the Arabic paragraph cut off at a note marker).
 *
 *   confidently paired units (numbered paragraphs paired by number, long enough to measure)
 *   → per pair of languages, the median ratio and a band around it
 *   → in every unit, the largest set of versions whose pairs all fall in their bands
 *   → the other versions' texts set aside as rejected
 */

/** A text shorter than this (in characters) says too little about its language pair's ratio to learn from. */
const SAMPLE_MIN_CHARS = 30;
/** Fewer samples than this and no ratio is learned: the pair is not checked. */
const MIN_SAMPLES = 5;
/**
 * A pair is plausible within a factor of the learned median either way, learned too: this many
 * median absolute deviations of the log ratios, between the bounds below.
 */
const DEVIATIONS_IN_BAND = 5;
/**
 * The narrowest band: half or twice what the median makes of a text. Narrower, right pairs go:
 * at 1.5, E/2018/41's resolution paragraphs 3, 4 and 9 in English and French, which run on into
 * the next resolution's header, would reject the Arabic paragraph that is right.
 */
const MIN_TOLERANCE = 2;
/** The widest band, for pairs whose short paragraphs spread more (A/RES/217(III), Arabic and English: 2.15). */
const MAX_TOLERANCE = 2.5;
/**
 * Characters a text may be off its band by whatever its length: a short heading or an item
 * ("Opening.", "(Agenda item 21)") has a ratio that says nothing.
 */
export const SHORT_TEXT_SLACK = 12;
/**
 * The same for a heading, which one version may print with its agenda-item line ("H. Questions
 * diverses (Point 23 de l'ordre du jour)", E/2018/41-fr) where another sets that line apart
 * ("H. OTHER MATTERS" / "(Agenda item 23)"): such a line is up to this many characters.
 */
export const HEADING_SLACK = 40;

/** The length ratio of one pair of languages as learned from the document, `second` over `first`. */
export interface LengthRatio {
  /** ISO 639-1 codes, in alphabetical order. */
  first: string;
  second: string;
  /** Median of len(second) / len(first) over the samples; null when there were too few to learn from. */
  median: number | null;
  /** The factor either way from the median that the band allows, learned from the spread of the samples. */
  tolerance: number | null;
  /** The band a pair must fall in: median / tolerance to median × tolerance. */
  low: number | null;
  high: number | null;
  samples: number;
}

/** A unit's texts by language, as the ratio check reads and rewrites them. */
export interface CheckedTexts {
  texts: Map<string, string>;
  /** Languages whose text was paired by its number (not by position, not as a sub-item). */
  confident?: ReadonlySet<string>;
}

/** A text's length in characters (code points), spaces collapsed. */
export function textLength(text: string): number {
  return [...text.replace(/\s+/g, ' ').trim()].length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of the ratios and the band around it, learned from their spread; nulls from too few samples. */
function band(samples: readonly number[]): Omit<LengthRatio, 'first' | 'second'> {
  if (samples.length < MIN_SAMPLES) return { median: null, tolerance: null, low: null, high: null, samples: samples.length };
  const logs = samples.map(Math.log);
  const centre = median(logs);
  const spread = median(logs.map((value) => Math.abs(value - centre)));
  const tolerance = Math.min(MAX_TOLERANCE, Math.max(MIN_TOLERANCE, Math.exp(DEVIATIONS_IN_BAND * spread)));
  const learned = Math.exp(centre);
  return { median: learned, tolerance, low: learned / tolerance, high: learned * tolerance, samples: samples.length };
}

/** The ratio of every pair of languages, learned from the units both paired by number. */
export function learnRatios(units: readonly CheckedTexts[], languages: readonly string[]): LengthRatio[] {
  const sorted = [...languages].sort();
  const ratios: LengthRatio[] = [];
  sorted.forEach((first, index) => {
    for (const second of sorted.slice(index + 1)) {
      const samples: number[] = [];
      for (const unit of units) {
        if (!unit.confident?.has(first) || !unit.confident.has(second)) continue;
        const a = textLength(unit.texts.get(first) ?? '');
        const b = textLength(unit.texts.get(second) ?? '');
        if (a >= SAMPLE_MIN_CHARS && b >= SAMPLE_MIN_CHARS) samples.push(b / a);
      }
      ratios.push({ first, second, ...band(samples) });
    }
  });
  return ratios;
}

/** The ratio of a pair, whichever way round it is asked for. */
export function ratioOf(ratios: readonly LengthRatio[], a: string, b: string): LengthRatio | undefined {
  return ratios.find((ratio) => (ratio.first === a && ratio.second === b) || (ratio.first === b && ratio.second === a));
}

/** True when the two texts' lengths fit their pair's band (or no band was learned). */
export function isPlausiblePair(
  ratios: readonly LengthRatio[],
  a: string,
  aText: string,
  b: string,
  bText: string,
  slack = SHORT_TEXT_SLACK,
): boolean {
  const ratio = ratioOf(ratios, a, b);
  if (!ratio || ratio.low === null || ratio.high === null) return true;
  const [first, second] = ratio.first === a ? [aText, bText] : [bText, aText];
  const firstLength = textLength(first);
  const secondLength = textLength(second);
  return secondLength >= firstLength * ratio.low - slack && secondLength <= firstLength * ratio.high + slack;
}

/** How far a pair's ratio is from its learned median, as |log(ratio / median)|; 0 when none was learned. */
function deviation(ratios: readonly LengthRatio[], a: string, aText: string, b: string, bText: string): number {
  const ratio = ratioOf(ratios, a, b);
  if (!ratio || ratio.median === null) return 0;
  const [first, second] = ratio.first === a ? [aText, bText] : [bText, aText];
  return Math.abs(Math.log((textLength(second) + 1) / (textLength(first) + 1) / ratio.median));
}

/**
 * The languages of a unit to keep: the largest set whose pairs are all plausible. Of two sets as
 * large, the one whose pairs sit closest to their medians; then the one with more text, since the
 * usual fault is a text cut short (a paragraph split at a note marker, a fragment paired in its
 * place), not one grown long.
 */
export function plausibleLanguages(
  ratios: readonly LengthRatio[],
  texts: ReadonlyMap<string, string>,
  slack = SHORT_TEXT_SLACK,
): Set<string> {
  const languages = [...texts.keys()];
  let best: { chosen: string[]; spread: number; length: number } = { chosen: [], spread: Infinity, length: -1 };
  for (let mask = 1; mask < 1 << languages.length; mask++) {
    const chosen = languages.filter((_, index) => mask & (1 << index));
    if (chosen.length < best.chosen.length) continue;
    const pairs = chosen.flatMap((a, i) => chosen.slice(i + 1).map((b) => [a, b] as const));
    if (!pairs.every(([a, b]) => isPlausiblePair(ratios, a, texts.get(a)!, b, texts.get(b)!, slack))) continue;
    const spread = pairs.reduce((sum, [a, b]) => sum + deviation(ratios, a, texts.get(a)!, b, texts.get(b)!), 0);
    const length = chosen.reduce((sum, language) => sum + textLength(texts.get(language)!), 0);
    const better =
      chosen.length > best.chosen.length ||
      spread < best.spread - SPREAD_EPSILON ||
      (Math.abs(spread - best.spread) <= SPREAD_EPSILON && length > best.length);
    if (better) best = { chosen, spread, length };
  }
  return new Set(best.chosen);
}

/** Spreads this close are equal: the tie goes to the longer texts. */
const SPREAD_EPSILON = 1e-9;
