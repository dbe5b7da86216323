/**
 * Stage — split notes: separates each page's footnote area from its body text.
 *
 * The notes area is the run of lines at the bottom of a page set smaller than the body, whose
 * first line opens with a note marker, or everything under a typed separator rule (`_____`),
 * whatever its size (older layouts set notes at body size), or, in 1990s layouts whose rule is
 * drawn, the lines from a "1/" opening, or from an opening the text calls with a raised marker,
 * after a wide gap. Where notes open with "1/", the text's inline " 1/" calls become markers. A small
 * line at the foot opening "18." that the page's text calls with a raised "18" opens a note too.
 */
import type { Line, LinesPage, PageLines, Reporter, Typography } from '../model.js';
import { insert, removeRanges, withAnchors } from '../text/anchored-text.js';
import { markersOf } from '../text/line-anchors.js';
import { SIZE_TOLERANCE } from './measure-typography.js';

/** A line of underscores or dashes drawn as text: the footnote separator of Word and older layouts. */
export const RULE_LINE = /^[_\u2014\u2015\u2500-]{5,}$/;
/**
 * A note line opens with its marker: `1`, `a`, `*`, `1/` (older layouts), `(1)` (ESCWA), or `)1(`
 * where an Arabic document stores the brackets of some notes as drawn (E/2018/41-ar, page 20).
 */
export const NOTE_OPENING = /^(?:\d{1,3}\/?|[a-z]|\*{1,3}|[†‡§]|\(\d{1,3}\)|\)\d{1,3}\()(?=\s|$)/;
/** Separator rules sit in the lower part of the page. */
const RULE_MIN_DEPTH = 0.4;

/** "1/ See A/48/23": a note opening in the slash style of 1990s typewritten layouts. */
const SLASH_NOTE_OPENING = /^(\d{1,3})\/\s+\S/;
/** Body-size slash notes stand apart from the text above by more than this many line gaps. */
const SLASH_NOTES_GAP_RATIO = 2.5;
/**
 * ...and body-size notes whose marker is raised at their start, which no body line has, by more
 * than this many (DP/2025/18 p.3: 2.4 line gaps, more than a paragraph's spacing of about 1.5).
 */
const RAISED_NOTES_GAP_RATIO = 2;
/** "administration. 1/" or "para. 11). 2/ The voting": a slash marker printed inline after a word. */
const INLINE_SLASH_MARKER = /(?<=\S) (\d{1,3})\/(?=\s|$)/g;

export function splitNotes(pages: LinesPage[], typography: Typography, reporter: Reporter): PageLines[] {
  const { bodySize, lineGap } = typography;
  const split = pages.map((page) => {
    const notes = new Set<Line>();
    const lines = takeCalledDottedOpenings(joinRaisedNoteMarkers(page.lines, page.height, bodySize), page.height, bodySize);
    // Under a typed rule, everything is notes.
    const ruleIndex = lines.findIndex((line) => RULE_LINE.test(line.text) && line.y > RULE_MIN_DEPTH * page.height);
    if (ruleIndex >= 0 && lines.slice(ruleIndex + 1).some((line) => startsWithMarker(line))) {
      for (const line of lines.slice(ruleIndex + 1)) notes.add(line);
    } else {
      // Bottom-up: the small lines under the last body-size line.
      let top = lines.length;
      while (
        top > 0 &&
        lines[top - 1]!.size < bodySize - SIZE_TOLERANCE &&
        !RULE_LINE.test(lines[top - 1]!.text) &&
        !CONTENTS_LEADER.test(lines[top - 1]!.text) &&
        !notesAreaEndsAbove(lines, top)
      )
        top--;
      const area = lines.slice(top);
      if (area.length > 0 && startsWithMarker(area[0]!)) for (const line of area) notes.add(line);
      else {
        const called = calledNotesUnderSmallText(lines, top);
        for (const line of called.length > 0 ? called : bodySizeNotesArea(lines, lineGap)) notes.add(line);
      }
    }
    // Rules (the notes separator, the "-----" end-of-document mark) carry no text.
    const body = lines.filter((line) => !notes.has(line) && !RULE_LINE.test(line.text));
    if (notes.size > 0 && ![...notes].some(startsWithMarker)) {
      reporter.report('notes/no-marker', 'A footnote area was found whose lines carry no recognisable marker.', page.number);
    }
    return { number: page.number, width: page.width, height: page.height, body, notes: lines.filter((line) => notes.has(line)) };
  });
  return takeInlineSlashMarkers(split);
}

/**
 * A notes area is one run of lines: a gap wider than this many of its own font sizes above a
 * small line ends it (S/2025/472 p.1: a 10 pt letter over 12 pt annexes stands 30 sizes above its
 * 8.5 pt note, and is no note).
 */
const NOTES_AREA_MAX_GAP = 4;

/** The small line at `top` stands so far under the line above it that the notes area cannot reach up to that line. */
function notesAreaEndsAbove(lines: Line[], top: number): boolean {
  const below = lines[top];
  return below !== undefined && below.y - lines[top - 1]!.y > NOTES_AREA_MAX_GAP * below.size;
}

/** A note's marker alone on a line: "1", "a", "*". */
const LONE_MARKER = /^(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])$/;
/** The marker's baseline stands at most this many font sizes above its note's first line. */
const RAISED_MARKER_MAX_LIFT = 0.8;
/** ...and it ends at most this many font sizes before the note's text starts. */
const RAISED_MARKER_MAX_GAP = 1.5;

/**
 * Some templates raise a note's marker at the note's own size, so that build-lines, which takes
 * smaller raised runs for markers, leaves it a line of its own just above the note's first line
 * (DP/OPS/2025/4 p.4: "1" 4.6 pt above "Audit engagements included…", both at 8 pt): in the
 * lower part of the page and smaller than the body, such a marker opens the line it stands beside.
 */
function joinRaisedNoteMarkers(lines: Line[], pageHeight: number, bodySize: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (
      next !== undefined &&
      line.y > RULE_MIN_DEPTH * pageHeight &&
      line.size < bodySize - SIZE_TOLERANCE &&
      isRaisedMarkerBeside(line, next)
    ) {
      out.push({ ...next, ...insert(next, 0, `${line.text} `), x: line.x });
      i++;
    } else out.push(line);
  }
  return out;
}

/**
 * A superscript marker is set down to this share of its note's size (DP/2025/23 p.15: a 6.96 pt
 * "5" raised beside its 7.92 pt note).
 */
const RAISED_MARKER_MIN_SIZE_RATIO = 0.6;

/** `line` is a lone note marker raised beside the start of `next`, at its size or a superscript's. */
export function isRaisedMarkerBeside(line: Line, next: Line): boolean {
  const lift = next.y - line.y;
  return (
    LONE_MARKER.test(line.text) &&
    line.size <= next.size + SIZE_TOLERANCE &&
    line.size >= RAISED_MARKER_MIN_SIZE_RATIO * next.size &&
    lift > 0 &&
    lift <= RAISED_MARKER_MAX_LIFT * line.size &&
    next.x >= line.right - SIZE_TOLERANCE &&
    next.x - line.right <= RAISED_MARKER_MAX_GAP * line.size &&
    /^\p{L}/u.test(next.text)
  );
}

/**
 * Notes of 1990s typewritten layouts: set at body size under a drawn (not typed) rule, so only
 * their openings and the gap above them tell them from the text. The area is the last lines of the
 * page from the first note opening after a wide gap: a "1/" opening, or a plain marker ("2 See
 * UNCTAD…", TD/B/43/6) that the text above calls with a raised marker. Some modern templates set
 * their notes at body size too, with raised markers (DP/2025/14, DP/2025/18).
 */
function bodySizeNotesArea(lines: Line[], lineGap: number): Line[] {
  let found: { start: number; number: number } | null = null;
  for (let start = lines.length - 1; start > 0; start--) {
    const line = lines[start]!;
    const gapAbove = line.y - lines[start - 1]!.y;
    const raised = markersOf(line).some((m) => m.offset === 0);
    if (gapAbove < (raised ? RAISED_NOTES_GAP_RATIO : SLASH_NOTES_GAP_RATIO) * lineGap) continue;
    if (!SLASH_NOTE_OPENING.test(line.text) && !opensWithCalledMarker(line, lines.slice(0, start))) continue;
    // Notes set apart from each other by a gap as wide (TD/B/CN.4/48 p.9: "1/ The principles…" then
    // "2/ Strategic planning…"): an opening higher up with a smaller number is an earlier note of the area.
    const number = parseInt(markersOf(line).find((m) => m.offset === 0)?.marker ?? line.text, 10);
    if (found === null) found = { start, number };
    else if (number < found.number) found = { start, number };
    else break;
  }
  return found === null ? [] : lines.slice(found.start);
}

/**
 * A figure's or table's "Source:" and "Note:" lines, set as small as the notes, can stand right
 * above them (E/ESCWA/EDID/2016/IG.1/4/Part I/Rev.1 p.6), so the small lines at the foot of the page
 * do not open with a marker: the notes are then those from the first small line opening with a
 * marker that the text above calls.
 */
function calledNotesUnderSmallText(lines: Line[], top: number): Line[] {
  for (let start = top + 1; start < lines.length; start++)
    if (opensWithCalledMarker(lines[start]!, lines.slice(0, top))) return lines.slice(start);
  return [];
}

/**
 * The line opens with a note marker, printed or raised (DP/2025/14 p.7: a raised "2" before "Based
 * on Evaluation Resource Centre data…", at body size), that one of the lines above carries as a
 * raised marker.
 */
function opensWithCalledMarker(line: Line, above: Line[]): boolean {
  const opening = markersOf(line).find((m) => m.offset === 0)?.marker ?? NOTE_OPENING.exec(line.text)?.[0];
  if (opening === undefined || !startsWithMarker(line)) return false;
  return above.some((other) => markersOf(other).some((m) => m.marker === opening));
}

/**
 * Where notes open with "1/", the text calls them with " 1/" after a word, printed inline rather
 * than raised: those calls become markers, as raised ones are in build-lines. Only numbers that
 * some note of the document carries count, so that a stray "3/" stays text.
 */
function takeInlineSlashMarkers(pages: PageLines[]): PageLines[] {
  const noteNumbers = new Set(
    pages.flatMap((page) => page.notes.map((line) => SLASH_NOTE_OPENING.exec(line.text)?.[1]).filter((n): n is string => n !== undefined)),
  );
  if (noteNumbers.size === 0) return pages;
  const take = (line: Line): Line => {
    const calls = [...line.text.matchAll(INLINE_SLASH_MARKER)].filter((call) => noteNumbers.has(call[1]!));
    if (calls.length === 0) return line;
    // Each call becomes a marker where it starts, then leaves the text: the marker moves onto what follows it.
    const marked = withAnchors(
      line,
      calls.map((call) => ({ kind: 'marker' as const, marker: call[1]!, offset: call.index })),
    );
    return {
      ...line,
      ...removeRanges(
        marked,
        calls.map((call) => [call.index, call.index + call[0].length] as const),
      ),
    };
  };
  return pages.map((page) => ({ ...page, body: page.body.map(take) }));
}

/** "18. In 2024, OAIS sent…": a note opening with its number and a period, printed, not raised. */
const DOTTED_NOTE_OPENING = /^(\d{1,3})\.\s+(?=\p{L})/u;

/**
 * Some templates print a note's number with a period, at the note's size (DP/FPA/2025/6 p.23: "18.
 * In 2024, OAIS sent…" at 7.9 pt under 10 pt text that calls it with a raised "18"). A numbered
 * paragraph opens the same way, so only a line smaller than the body, in the lower part of the
 * page, whose number a raised marker of the larger text above calls, is taken for a note: its
 * number becomes the note's raised marker, as build-lines makes one of a raised run.
 */
function takeCalledDottedOpenings(lines: Line[], pageHeight: number, bodySize: number): Line[] {
  const called = new Set(
    lines.filter((line) => line.size >= bodySize - SIZE_TOLERANCE).flatMap((line) => markersOf(line).map((m) => m.marker)),
  );
  if (called.size === 0) return lines;
  return lines.map((line) => {
    const opening = DOTTED_NOTE_OPENING.exec(line.text);
    if (!opening || !called.has(opening[1]!) || line.size >= bodySize - SIZE_TOLERANCE || line.y <= RULE_MIN_DEPTH * pageHeight)
      return line;
    const marked = withAnchors(line, [{ kind: 'marker' as const, marker: opening[1]!, offset: 0 }]);
    return { ...line, ...removeRanges(marked, [[0, opening[0].length]]) };
  });
}

/**
 * Dot leaders running to a page number: a contents entry set small ("9 Annual report of the
 * Administrator . . . . 6" in DP/2025/L.2's list of items on page 1), never a note.
 */
const CONTENTS_LEADER = /(?:\.\s?){4,}\s*[\d\-–\s]*$/;

/** The line opens with a note marker followed by note text (chart axis numbers have none), and is no contents entry. */
export function startsWithMarker(line: Line): boolean {
  if (CONTENTS_LEADER.test(line.text)) return false;
  const opening = markersOf(line).some((m) => m.offset === 0) ? '' : NOTE_OPENING.exec(line.text)?.[0];
  return opening !== undefined && /\p{L}/u.test(line.text.slice(opening.length));
}
