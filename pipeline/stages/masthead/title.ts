/** The title under the masthead fields, and the subtitle under the title. */
import type { Line, Typography } from '../../model.js';
import { CONTENTS_WORDS, ORGANS, RESOLUTION_HEADER, SUMMARY_LABEL } from '../../languages/index.js';
import { SIZE_TOLERANCE } from '../measure-typography.js';
import { TITLE_SIZE_RATIO } from './fields.js';

/** Lines of one title block follow each other by at most this many font sizes. */
const TITLE_LINE_GAP = 1.8;
/** A title may hang this many body sizes left of the text column ("78/1.  Political declaration"). */
const TITLE_HANG = 4;
/** A subtitle is at most this many lines. */
const SUBTITLE_MAX_LINES = 4;

/** What follows the title but is the body's start: a numbered heading, the contents, the summary box. */
const NOT_A_SUBTITLE = new RegExp(`^(?:[IVXLC]+\\.|[A-Z]\\.|\\d+\\.)\\s|^(?:${CONTENTS_WORDS})$|${SUMMARY_LABEL.source}`, 'i');

export interface TitleBlock {
  start: number;
  end: number;
  size: number;
  text: string;
}

/**
 * The title: the first block set larger than the body in the main text column (the left column
 * holds the committee, session and agenda lines). When several blocks of the title's size and face
 * follow each other, the last is the title and the ones before it are topic lines above it.
 */
export function findTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
  let index = from;
  let title: TitleBlock | null = null;
  while (index < lines.length && lines[index]!.y <= depthLimit) {
    const block = blockAt(lines, index);
    if (!block) break;
    const head = lines[block.start]!;
    const large = block.size >= TITLE_SIZE_RATIO * typography.bodySize;
    const inMainColumn = head.x >= typography.leftMargin - TITLE_HANG * typography.bodySize;
    const candidate = large && inMainColumn && !RESOLUTION_HEADER.test(block.text) && !ORGANS.some(([p]) => p.test(block.text));
    if (title) {
      const sameStyle = candidate && Math.abs(block.size - title.size) <= SIZE_TOLERANCE && head.font === lines[title.start]!.font;
      // "(United Nations Headquarters, New York, 1 and 2 April 2025)" qualifies the title above it.
      if (!sameStyle || /^\(.*\)$/.test(block.text)) break;
      title = block;
    } else if (candidate) title = block;
    index = block.end + 1;
  }
  return title;
}

/** The subtitle: a short block set larger than the body right under the title, unless it starts the body. */
export function findSubtitle(lines: Line[], from: number, typography: Typography): TitleBlock | null {
  const subtitle = blockAt(lines, from);
  if (!subtitle || subtitle.size <= typography.bodySize + SIZE_TOLERANCE || subtitle.end - subtitle.start >= SUBTITLE_MAX_LINES) return null;
  return NOT_A_SUBTITLE.test(subtitle.text) ? null : subtitle;
}

/** A block of consecutive lines of one size and font starting at `start`. */
function blockAt(lines: Line[], start: number): TitleBlock | null {
  const head = lines[start];
  if (!head) return null;
  let end = start;
  while (end + 1 < lines.length) {
    const next = lines[end + 1]!, current = lines[end]!;
    if (Math.abs(next.size - head.size) > SIZE_TOLERANCE || next.font !== head.font) break;
    if (next.y - current.y > TITLE_LINE_GAP * head.size) break;
    end++;
  }
  const text = lines.slice(start, end + 1).map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim();
  return { start, end, size: head.size, text };
}
