/**
 * Stage — split notes: separates each page's footnote area from its body text.
 *
 * The notes area is the run of lines at the bottom of a page set smaller than the body, whose
 * first line opens with a note marker, or everything under a typed separator rule (`_____`),
 * whatever its size (older layouts set notes at body size).
 */
import type { Line, PageLines, Reporter, Typography } from '../model.js';
import type { StrippedPages } from './strip-furniture.js';
import { SIZE_TOLERANCE } from './measure-typography.js';

/** A line of underscores or dashes drawn as text: the footnote separator of Word and older layouts. */
export const RULE_LINE = /^[_\u2014\u2015\u2500-]{5,}$/;
/** A note line opens with its marker: `1`, `a`, `*`, `1/` (older layouts), `(1)` (ESCWA). */
export const NOTE_OPENING = /^(?:\d{1,3}\/?|[a-z]|\*{1,3}|[†‡§]|\(\d{1,3}\))(?=\s|$)/;
/** Separator rules sit in the lower part of the page. */
const RULE_MIN_DEPTH = 0.4;

export function splitNotes(input: { ligatures: StrippedPages; typography: Typography }, reporter: Reporter): PageLines[] {
  const { bodySize } = input.typography;
  return input.ligatures.pages.map((page) => {
    const notes = new Set<Line>();
    const lines = page.lines;
    // Under a typed rule, everything is notes.
    const ruleIndex = lines.findIndex((line) => RULE_LINE.test(line.text) && line.y > RULE_MIN_DEPTH * page.height);
    if (ruleIndex >= 0 && lines.slice(ruleIndex + 1).some((line) => startsWithMarker(line))) {
      for (const line of lines.slice(ruleIndex + 1)) notes.add(line);
    } else {
      // Bottom-up: the small lines under the last body-size line.
      let top = lines.length;
      while (top > 0 && lines[top - 1]!.size < bodySize - SIZE_TOLERANCE && !RULE_LINE.test(lines[top - 1]!.text)) top--;
      const area = lines.slice(top);
      if (area.length > 0 && startsWithMarker(area[0]!)) for (const line of area) notes.add(line);
    }
    // Rules (the notes separator, the "-----" end-of-document mark) carry no text.
    const body = lines.filter((line) => !notes.has(line) && !RULE_LINE.test(line.text));
    if (notes.size > 0 && ![...notes].some(startsWithMarker)) {
      reporter.report('notes/no-marker', 'A footnote area was found whose lines carry no recognisable marker.', page.number);
    }
    return { number: page.number, width: page.width, height: page.height, body, notes: lines.filter((line) => notes.has(line)) };
  });
}

/** The line opens with a note marker followed by note text (chart axis numbers have none). */
export function startsWithMarker(line: Line): boolean {
  const opening = line.markers.some((m) => m.offset === 0) ? '' : NOTE_OPENING.exec(line.text)?.[0];
  return opening !== undefined && /\p{L}/u.test(line.text.slice(opening.length));
}
