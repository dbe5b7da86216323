/**
 * Stage — read masthead: the page-1 masthead (symbol, organ, distribution, date, language,
 * original language, session, agenda items, title, subtitle) and the job number from the footer.
 *
 * The masthead's lines are consumed: the body starts after the title block. A document without a
 * UN masthead (a WHO resolution, an excerpt) yields null fields and consumes nothing.
 */
import type { ExtractedDocument, Furniture, Line, Masthead, Metadata, PageLines, Reporter, Typography } from '../model.js';
import { provenanceOf } from '../provenance.js';
import { cellsOf } from '../text/line-anchors.js';
import { detectLanguage, OFFICIAL_RECORDS, parseDate, SUPPLEMENT_LINE, SYMBOLS_NOTE } from '../languages/index.js';
import { FIELD_RULES, SESSION, SYMBOL_LINE, symbolFields, textsOf } from './masthead/fields.js';
import { findSubtitle, findTitle, isCoverLine, isInCapitals, RESOLUTION_NUMBER, titleZone, type TitleBlock } from './masthead/title.js';
import { SIZE_TOLERANCE } from './measure-typography.js';
import { JOB_NUMBER } from './strip-furniture.js';

/** The masthead fields sit in the upper part of page 1. */
const MASTHEAD_DEPTH = 0.45;
/** The title may reach this much further down than the fields. */
const TITLE_DEPTH_RATIO = 1.6;
/** A cover's session line is short ("Eightieth Session"). */
const COVER_SESSION_LENGTH = 40;
/** "Information circular*": the asterisk is the marker of the title's footnote. */
const TRAILING_ASTERISKS = /\s*\*+$/;

export function readMasthead(
  pages: PageLines[],
  furniture: Furniture[],
  typography: Typography,
  info: ExtractedDocument['info'],
  reporter: Reporter,
): Masthead {
  // The masthead is printed on page 1 alone: when a page selection leaves it out, there is none to read.
  const first = pages[0]?.number === 1 ? pages[0] : undefined;
  const lines = first?.body ?? [];
  const depthLimit = (first?.height ?? 792) * MASTHEAD_DEPTH;
  const { metadata, fieldOfLine, fieldsEnd } = readFields(lines, depthLimit, typography, jobNumberOf(furniture));
  if (fieldsEnd < 0 && first) {
    reporter.report(
      'masthead/not-found',
      'Page 1 carries no UN masthead (symbol, distribution, date): metadata comes from the text alone.',
      1,
    );
  }
  metadata.symbol ??= symbolFromRunningHeads(furniture);
  if (metadata.symbol && metadata.symbols.length === 0) Object.assign(metadata, symbolFields(metadata.symbol));
  // An Official Records supplement opens with a cover: page 1 carries no body text.
  const supplement = lines.some((line) => SUPPLEMENT_LINE.test(line.text));
  const title =
    fieldsEnd >= 0
      ? (findTitle(lines, fieldsEnd + 1, typography, depthLimit * TITLE_DEPTH_RATIO) ??
        (supplement ? coverTitle(lines, fieldOfLine, typography, depthLimit * TITLE_DEPTH_RATIO) : null))
      : null;
  let consumed = fieldsEnd + 1;
  if (title) {
    metadata.title = title.text.replace(RESOLUTION_NUMBER, '').replace(TRAILING_ASTERISKS, '');
    for (let i = title.start; i <= title.end; i++) fieldOfLine.set(i, 'title');
    consumed = underTitle(lines, title, supplement, typography, metadata, fieldOfLine);
  } else if (fieldsEnd >= 0) {
    reporter.report('masthead/no-title', 'No title set larger than the body text was found under the masthead.', 1);
  }
  if (fieldsEnd >= 0) consumed = afterCoverLines(lines, consumed);
  if (supplement) consumed = lines.length;
  const infoLanguage = info.language?.slice(0, 2).toLowerCase();
  const sample = pages
    .slice(0, 4)
    .flatMap((p) => p.body.map((l) => l.text))
    .join(' ');
  metadata.language ??= detectLanguage(sample) ?? (infoLanguage && /^[a-z]{2}$/.test(infoLanguage) ? infoLanguage : null);
  const masthead = lines.slice(0, Math.max(0, consumed)).map((line, i) => ({
    text: line.text,
    field: fieldOfLine.get(i) ?? null,
    prov: provenanceOf([line]),
  }));
  const coverPages = supplement ? countCoverPages(pages) : 0;
  for (const page of pages.slice(1, 1 + coverPages))
    masthead.push(...page.body.map((line) => ({ text: line.text, field: null, prov: provenanceOf([line]) })));
  const dated = supplement ? reportDate(pages.find((page) => page.number === 2 + coverPages)) : null;
  if (dated) {
    metadata.date = dated.date;
    masthead.push({ text: dated.line.text, field: 'date', prov: provenanceOf([dated.line]) });
  }
  return { metadata, lines: masthead, consumed: Math.max(0, consumed), coverPages, bodyOpening: dated ? 1 : 0 };
}

/**
 * Reads the subtitle under the title, and an older layout's title zone, into the metadata; returns
 * the index of the first line after them.
 */
function underTitle(
  lines: Line[],
  title: TitleBlock,
  supplement: boolean,
  typography: Typography,
  metadata: Metadata,
  fieldOfLine: Map<number, keyof Metadata>,
): number {
  let consumed = title.end + 1;
  const subtitle = findSubtitle(lines, consumed, typography);
  if (subtitle) {
    metadata.subtitle = subtitle.text.replace(TRAILING_ASTERISKS, '');
    for (let i = subtitle.start; i <= subtitle.end; i++) fieldOfLine.set(i, 'subtitle');
    consumed = subtitle.end + 1;
  }
  // An older layout sets its title in capitals at body size: the centred blocks under it are the title zone's.
  const older =
    !supplement && title.size <= typography.bodySize + SIZE_TOLERANCE && isInCapitals(title.text) && !RESOLUTION_NUMBER.test(title.text);
  if (!older) return consumed;
  for (const block of titleZone(lines, consumed, typography)) {
    // The first block in running text is the subtitle ("Progress report by …"), the others stay unlabelled.
    if (metadata.subtitle == null && !isInCapitals(block.text)) {
      metadata.subtitle = block.text.replace(TRAILING_ASTERISKS, '');
      for (let i = block.start; i <= block.end; i++) fieldOfLine.set(i, 'subtitle');
    }
    consumed = block.end + 1;
  }
  return consumed;
}

/** "[17 June 2025]": a date alone in square brackets. */
const BRACKETED_DATE = /^\[([^\]]{6,40})\]$/;

/**
 * An Official Records report gives its own date in square brackets at the top of the first page
 * after the cover ("[17 June 2025]", A/80/16): that line is the document's date, not body text,
 * and it outranks the session dates printed on the cover ("(12 May–13 June 2025)").
 */
function reportDate(page: PageLines | undefined): { date: string; line: Line } | null {
  const line = page?.body[0];
  const inner = line ? BRACKETED_DATE.exec(line.text.trim())?.[1] : undefined;
  const date = inner ? parseDate(inner) : null;
  return line && date ? { date, line } : null;
}

/**
 * An Official Records cover prints the session's dates under its title ("Report of the Committee
 * for Programme and Coordination" / "Sixty-fifth session" / "(12 May–13 June 2025)", A/80/16), so
 * that the fields end below the title: there it is looked for from the first field on.
 */
function coverTitle(lines: Line[], fieldOfLine: Map<number, keyof Metadata>, typography: Typography, depthLimit: number) {
  const firstField = Math.min(...fieldOfLine.keys());
  const title = findTitle(lines, firstField + 1, typography, depthLimit);
  // The title stands above the last field read, or it is the body's.
  return title && title.start < Math.max(...fieldOfLine.keys()) ? title : null;
}

/** "ISSN 0255-2213": the serial number printed on an Official Records inside cover. */
const ISSN_LINE = /^ISSN:?\s+\d{4}-\d{3}[\dX]$/;
/**
 * An Official Records supplement has at most this many printed pages of cover after page 1 (the
 * title page and the inside cover); blank pages between them do not count (E/2018/41 leaves the
 * backs of its cover and title page blank, so that its inside cover is page 5).
 */
const MAX_COVER_PAGES = 2;

/**
 * The pages after an Official Records cover that still belong to it: blank pages, the title page,
 * which repeats the series line ("Supplement No. 16"), and the inside cover with its note on
 * symbols and its ISSN line. The body starts at the first page that is none of these.
 */
function countCoverPages(pages: PageLines[]): number {
  let count = 0;
  let printed = 0;
  for (const page of pages.slice(1)) {
    const texts = page.body.map((line) => line.text.trim());
    const blank = texts.length === 0;
    const cover =
      blank ||
      texts.some((text) => OFFICIAL_RECORDS.test(text) || SUPPLEMENT_LINE.test(text) || ISSN_LINE.test(text) || SYMBOLS_NOTE.test(text));
    if (!cover || page.notes.length > 0 || (!blank && printed === MAX_COVER_PAGES)) break;
    if (!blank) printed++;
    count++;
  }
  // Blank pages count only before a title page or inside cover.
  while (count > 0 && pages[count]!.body.length === 0) count--;
  return count;
}

/**
 * Reads the field rules over the lines in the masthead's depth: each printed text (a line's cells
 * one by one) gets the field of the first rule that reads it. The fields end at the last line read.
 */
function readFields(lines: Line[], depthLimit: number, typography: Typography, jobNumber: string | null) {
  const metadata: Metadata = {
    symbol: null,
    symbols: [],
    organ: null,
    distribution: null,
    date: null,
    language: null,
    originalLanguage: null,
    jobNumber,
    session: null,
    agendaItems: [],
    title: null,
    subtitle: null,
  };
  const fieldOfLine = new Map<number, keyof Metadata>();
  let fieldsEnd = -1;
  for (let i = 0; i < lines.length && lines[i]!.y <= depthLimit; i++) {
    const line = lines[i]!;
    let matched: keyof Metadata | null = null;
    for (const raw of textsOf(line, cellsOf(line))) {
      const view = { text: raw.trim(), line, previous: lines[i - 1], next: lines[i + 1], typography, metadata };
      for (const rule of FIELD_RULES) {
        const fields = rule.read(view);
        if (fields === null) continue;
        Object.assign(metadata, fields);
        matched = rule.field;
        break;
      }
    }
    if (matched) {
      fieldsEnd = i;
      fieldOfLine.set(i, matched);
    }
  }
  return { metadata, fieldOfLine, fieldsEnd };
}

/**
 * A cover's organ and Official Records lines under its title ("General Assembly", "Official Records",
 * "Eightieth Session", "Supplement No. 1") belong to the cover, not to the body.
 */
function afterCoverLines(lines: Line[], from: number): number {
  let end = from;
  while (
    end < lines.length &&
    (isCoverLine(lines[end]!.text) || (end > from && SESSION.test(lines[end]!.text) && lines[end]!.text.length < COVER_SESSION_LENGTH))
  )
    end++;
  // A session line alone under the title is the body's, not a cover's.
  return end > from && lines.slice(from, end).some((l) => isCoverLine(l.text)) ? end : from;
}

function jobNumberOf(furniture: Furniture[]): string | null {
  for (const item of furniture) {
    if (item.kind !== 'job-number') continue;
    const match = JOB_NUMBER.exec(item.text);
    if (match) return match[0];
  }
  return null;
}

/** The running head of pages 2+ is the symbol, when page 1 printed it unreadably. */
function symbolFromRunningHeads(furniture: Furniture[]): string | null {
  const counts = new Map<string, number>();
  for (const item of furniture)
    if (item.kind === 'header' && SYMBOL_LINE.test(item.text)) counts.set(item.text, (counts.get(item.text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
