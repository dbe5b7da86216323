/** The title under the masthead fields, and the subtitle under the title. */
import type { Line, Typography } from '../../model.js';
import { CONTENTS_WORDS, OFFICIAL_RECORDS, ORGANS, RESOLUTION_HEADER, SUMMARY_LABEL } from '../../languages/index.js';
import { SIZE_TOLERANCE } from '../measure-typography.js';
import { TITLE_SIZE_RATIO } from './fields.js';

/** Lines of one title block follow each other by at most this many font sizes. */
const TITLE_LINE_GAP = 1.8;
/** A title may hang this many body sizes left of the text column ("78/1.  Political declaration"). */
const TITLE_HANG = 4;
/** A subtitle is at most this many lines. */
const SUBTITLE_MAX_LINES = 4;
/** A title set in capitals at body size is centred: each line's middle within this many body sizes of the column's. */
const CENTRED_TOLERANCE = 3;
/** Share of a capitals title's letters that are capitals ("UNCTAD’s … 1990s" has a few small ones). */
const CAPITALS_SHARE = 0.9;
/** A capitals title has at least this many words: a lone "INTRODUCTION" is a heading. */
const CAPITALS_TITLE_MIN_WORDS = 3;

/**
 * A resolution's number before its title, no part of the title: "59/25.", "217 A (III).",
 * "3314 (XXIX).", "59/25 -", and the Arabic "217 ألف (د-3) -" (read in logical order).
 */
export const RESOLUTION_NUMBER =
  /^\d{1,4}(?:\/\d{1,4}|(?:\s\S{1,4})?\s\(?[IVXLC]+\)?|(?:\s+\S{1,4})?\s+\S*\(?\s*-?\d{1,2}\)?)(?:\s?\.|\s[-–])\s+/u;

/** What follows the title but is the body's start: a numbered heading, the contents, the summary box. */
const NOT_A_SUBTITLE = new RegExp(`^(?:[IVXLC]+\\.|[A-Z]\\.|\\d+\\.)\\s|^(?:${CONTENTS_WORDS})$|${SUMMARY_LABEL.source}`, 'i');

export interface TitleBlock {
  start: number;
  end: number;
  size: number;
  text: string;
}

/**
 * The title. A resolution's title is the block that starts with its number, set apart from the
 * body (the agenda item's title and the "Resolution adopted by …" header stand above it). Otherwise
 * it is the first block set larger than the body in the main column, or, in older layouts that set
 * the title at body size, the centred block in capitals under the fields.
 */
export function findTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
  return (
    numberedTitle(lines, from, typography, depthLimit) ??
    largeTitle(lines, from, typography, depthLimit) ??
    capitalsTitle(lines, from, typography, depthLimit)
  );
}

/** The first block, in the title's depth, that starts with a resolution number and is set in a size or face of its own. */
function numberedTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
  for (let index = from; index < lines.length && lines[index]!.y <= depthLimit;) {
    const block = blockAt(lines, index)!;
    const head = lines[block.start]!;
    const apart = block.size >= typography.bodySize + SIZE_TOLERANCE || head.font !== typography.bodyFont;
    if (apart && RESOLUTION_NUMBER.test(block.text)) return block;
    index = block.end + 1;
  }
  return null;
}

/**
 * The first block set larger than the body in the main text column (the left column holds the
 * committee, session and agenda lines). When several blocks of the title's size and face follow
 * each other, the last is the title and the ones before it are topic lines above it.
 */
function largeTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
  let index = from;
  let title: TitleBlock | null = null;
  while (index < lines.length && lines[index]!.y <= depthLimit) {
    const block = blockAt(lines, index);
    if (!block) break;
    const head = lines[block.start]!;
    const large = block.size >= TITLE_SIZE_RATIO * typography.bodySize;
    const inMainColumn = head.x >= typography.leftMargin - TITLE_HANG * typography.bodySize;
    const candidate = large && inMainColumn && !RESOLUTION_HEADER.test(block.text) && !isCoverLine(block.text);
    // A cover sets the title larger than the one-line "United Nations" banner above it (A/80/1);
    // a larger numbered heading under a title ("I. Introduction") is the body's.
    const banner = title !== null && title.start === title.end && block.size > title.size + SIZE_TOLERANCE;
    if (title && candidate && banner && !NOT_A_SUBTITLE.test(block.text)) title = block;
    else if (title) {
      const sameStyle = candidate && Math.abs(block.size - title.size) <= SIZE_TOLERANCE && head.font === lines[title.start]!.font;
      // "(United Nations Headquarters, New York, 1 and 2 April 2025)" qualifies the title above it.
      if (!sameStyle || /^\(.*\)$/.test(block.text)) break;
      title = block;
    } else if (candidate) title = block;
    index = block.end + 1;
  }
  return title;
}

/**
 * The title of an older layout, set in capitals at body size: the first centred block in capitals
 * under the fields. Left-aligned capitals (an agenda item's title) are passed over; the first block
 * not in capitals is the body's start.
 */
function capitalsTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
  const isCentred = centredOnPage(lines, from, typography);
  for (let index = from; index < lines.length && lines[index]!.y <= depthLimit;) {
    const block = blockAt(lines, index)!;
    if (!inCapitals(block.text) || block.size < typography.bodySize - SIZE_TOLERANCE) return null;
    const centred = lines.slice(block.start, block.end + 1).every(isCentred);
    const words = block.text.split(/\s+/).length;
    if (centred && words >= CAPITALS_TITLE_MIN_WORDS && !NOT_A_SUBTITLE.test(block.text)) return block;
    index = block.end + 1;
  }
  return null;
}

/**
 * The middle of the measure that page 1's text under the fields fills, from its lines' extent: the
 * body's left margin, measured as the commonest line start, misses it where most lines are set in
 * (A/50/610, 1995: the margin read at 173 pt, the paragraphs starting at 65 pt).
 */
function centredOnPage(lines: Line[], from: number, typography: Typography): (line: Line) => boolean {
  const below = lines.slice(from);
  // The measure is at least the body's: a page of short lines shows no right edge of its own.
  const left = Math.min(typography.leftMargin, ...below.map((l) => l.x));
  const right = Math.max(typography.rightMargin, ...below.map((l) => l.right));
  const slack = typography.bodySize;
  // A line flush with the left edge and short of the right one is left-aligned, however short.
  return (l) =>
    Math.abs((l.x + l.right) / 2 - (left + right) / 2) <= CENTRED_TOLERANCE * typography.bodySize &&
    (l.x > left + slack || l.right >= right - slack);
}

function inCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = letters.filter((c) => c !== c.toLowerCase()).length;
  return letters.length > 0 && capitals >= CAPITALS_SHARE * letters.length;
}

/** The subtitle: a short block set larger than the body right under the title, unless it starts the body. */
export function findSubtitle(lines: Line[], from: number, typography: Typography): TitleBlock | null {
  const subtitle = blockAt(lines, from);
  if (!subtitle || subtitle.size <= typography.bodySize + SIZE_TOLERANCE || subtitle.end - subtitle.start >= SUBTITLE_MAX_LINES)
    return null;
  return NOT_A_SUBTITLE.test(subtitle.text) || isCoverLine(subtitle.text) ? null : subtitle;
}

/** A block of an older layout's title zone is at most this many lines. */
const ZONE_BLOCK_MAX_LINES = 6;

/**
 * Under a title set at body size (older layouts, where the type tells nothing apart), the
 * centred blocks that stand before the body's first heading or paragraph on page 1 are the title
 * zone, no headings: a second agenda item's title, "Report of the Special Political and
 * Decolonization Committee" / "(Fourth Committee)", "Rapporteur: …" (A/48/653, A/52/613), a
 * "Progress report by the Secretary-General of UNCTAD" (TD/B/43/6). The zone ends at a numbered
 * heading, the contents or summary label, a lone capitals heading ("INTRODUCTION"), or any block
 * not centred.
 */
export function titleZone(lines: Line[], from: number, typography: Typography): TitleBlock[] {
  const isCentred = centredOnPage(lines, from, typography);
  const zone: TitleBlock[] = [];
  for (let index = from; index < lines.length;) {
    const block = blockAt(lines, index)!;
    const blockLines = lines.slice(block.start, block.end + 1);
    const centred = blockLines.every(isCentred);
    const loneCapitals = inCapitals(block.text) && block.text.split(/\s+/).length < CAPITALS_TITLE_MIN_WORDS;
    if (!centred || loneCapitals || blockLines.length > ZONE_BLOCK_MAX_LINES || NOT_A_SUBTITLE.test(block.text) || isCoverLine(block.text))
      break;
    zone.push(block);
    index = block.end + 1;
  }
  return zone;
}

/** A block in capitals: an older layout's title, or one of its agenda items' titles. */
export function isInCapitals(text: string): boolean {
  return inCapitals(text);
}

/** An organ's name or an Official Records series line ("Supplement No. 1"): a cover's lines, no title. */
export function isCoverLine(text: string): boolean {
  return OFFICIAL_RECORDS.test(text) || ORGANS.some(([pattern]) => pattern.test(text));
}

/** A block of consecutive lines of one size and font starting at `start`. */
function blockAt(lines: Line[], start: number): TitleBlock | null {
  const head = lines[start];
  if (!head) return null;
  let end = start;
  while (end + 1 < lines.length) {
    const next = lines[end + 1]!,
      current = lines[end]!;
    if (Math.abs(next.size - head.size) > SIZE_TOLERANCE || next.font !== head.font) break;
    if (next.y - current.y > TITLE_LINE_GAP * head.size) break;
    end++;
  }
  const text = lines
    .slice(start, end + 1)
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { start, end, size: head.size, text };
}
