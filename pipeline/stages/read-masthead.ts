/**
 * Stage — read masthead: the page-1 masthead (symbol, organ, distribution, date, language,
 * original language, session, agenda items, title, subtitle) and the job number from the footer.
 *
 * The masthead's lines are consumed: the body starts after the title block. A document without a
 * UN masthead (a WHO resolution, an excerpt) yields null fields and consumes nothing.
 */
import type { ExtractedDocument, Furniture, Line, Masthead, Metadata, PageLines, Reporter, Typography } from '../model.js';
import { detectLanguage, distributionOf, languageCode, ORGANS, parseDate, SUMMARY_LABEL } from './languages.js';
import { SIZE_TOLERANCE } from './measure-typography.js';
import { cellsOf } from '../text/line-anchors.js';
import { JOB_NUMBER } from './strip-furniture.js';

/** A title is set at least this much larger than the body text (ESCWA Arabic: 16 pt over 14 pt). */
const TITLE_SIZE_RATIO = 1.1;
/** Lines of one title block follow each other by at most this many font sizes. */
const TITLE_LINE_GAP = 1.8;
/** A title may hang this many body sizes left of the text column ("78/1.  Political declaration"). */
const TITLE_HANG = 4;
/** The masthead fields sit in the upper part of page 1. */
const MASTHEAD_DEPTH = 0.45;

/** A UN document symbol: `A/61/187`, `S/RES/2768 (2025)`, `E/CN.6/2025/3`, `A/HRC/EMRIP/2025/3`. */
const SYMBOL = /(?<![\w/])((?:[A-Z][A-Za-z]{0,9}(?:\.\d+)?)(?:\/[A-Za-z0-9.]+(?:\s?\((?:\d{4}|[A-Za-z ]+\s?[IVX\d]*)\))?)+)(?![\w/])/;
const SYMBOL_LINE = new RegExp(`^${SYMBOL.source}(?:\\s*[–-]\\s*${SYMBOL.source})*\\*?$`);
const DISTRIBUTION = /^Distr\.?\s*:?\s*(.*)$/i;
const ORIGINAL = /^(?:Original|Оригинал|الأصل|原文)\s*[:：]?\s*(.+)$/i;
const SESSION = /\b(?:session|sesiones|период|сесси[яи])\b|^الدورة|会议$/i;
const AGENDA = /^(?:(?:Provisional\s+)?agenda\s+items?|Items?\s+\d|Points?\s+\d|Temas?\s+\d|Пункты?\s+\d|البند|البندان|(?:临时)?议程项目)/i;
const AGENDA_ITEM = /\d+(?:\s?\(?[a-z]\))?/g;
const RESOLUTION_HEADER = /^(?:Resolution|Résolution|Resolución|Резолюция|قرار)\b.*\b(?:adopted|adoptée|aprobada|принятая|اتخذته)/i;
const RESOLUTION_NUMBER = /^\d{1,4}\/\d{1,4}\.\s+/;
/** "Information circular*": the asterisk is the marker of the title's footnote. */
const TRAILING_ASTERISKS = /\s*\*+$/;
/** What follows the title but is the body's start: a numbered heading, the contents, the summary box. */
const NOT_A_SUBTITLE = new RegExp(`^(?:[IVXLC]+\\.|[A-Z]\\.|\\d+\\.)\\s|^(?:Contents|Table des matières|Índice|Содержание|المحتويات|目录)$|${SUMMARY_LABEL.source}`, 'i');

interface TitleBlock {
  start: number;
  end: number;
  size: number;
  text: string;
}

export function readMasthead(
  pages: PageLines[],
  furniture: Furniture[],
  typography: Typography,
  info: ExtractedDocument['info'],
  reporter: Reporter,
): Masthead {
  const first = pages[0];
  const lines = first?.body ?? [];
  const depthLimit = (first?.height ?? 792) * MASTHEAD_DEPTH;
  const metadata: Metadata = {
    symbol: null, symbols: [], organ: null, distribution: null, date: null, language: null,
    originalLanguage: null, jobNumber: jobNumberOf(furniture), session: null,
    agendaItems: [], title: null, subtitle: null,
  };
  let fieldsEnd = -1;
  const fieldOfLine = new Map<number, keyof Metadata>();
  const texts = (line: Line) => {
    const cells = cellsOf(line);
    return cells && cells.length > 1 ? cells : [line.text];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.y > depthLimit) break;
    let matched: keyof Metadata | null = null;
    for (const raw of texts(line)) {
      const text = raw.trim();
      if (!metadata.symbol && SYMBOL_LINE.test(text)) {
        setSymbol(metadata, text);
        matched = 'symbol';
        continue;
      }
      const organ = ORGANS.find(([pattern]) => pattern.test(text));
      if (organ && !metadata.organ) {
        metadata.organ = organ[1];
        matched = 'organ';
        continue;
      }
      const distr = DISTRIBUTION.exec(text);
      if (distr) {
        metadata.distribution = distributionOf(distr[1] || lines[i + 1]?.text || '');
        matched = 'distribution';
        continue;
      }
      if (!metadata.distribution && /^(?:GENERAL|LIMITED|RESTRICTED)$/.test(text) && /^Distr/i.test(lines[i - 1]?.text ?? '')) {
        metadata.distribution = distributionOf(text);
        matched = 'distribution';
        continue;
      }
      const original = ORIGINAL.exec(text);
      if (original) {
        metadata.originalLanguage = languageCode(original[1]!);
        matched = 'originalLanguage';
        continue;
      }
      const language = languageCode(text);
      if (language && text.split(/\s+/).length <= 2 && !metadata.language) {
        metadata.language = language;
        matched = 'language';
        continue;
      }
      if (!metadata.date && !metadata.session) {
        const date = parseDate(text);
        if (date && text.length < 40) {
          metadata.date = date;
          matched = 'date';
          continue;
        }
      }
      // Session lines are set at body size: "forty-ninth session" in a 14-pt title is the title's.
      const titleSized = line.size >= TITLE_SIZE_RATIO * typography.bodySize;
      if (!metadata.session && SESSION.test(text) && text.length < 80 && !titleSized) {
        metadata.session = text.replace(/\*+$/, '');
        matched = 'session';
        continue;
      }
      if (AGENDA.test(text) && metadata.agendaItems.length === 0) {
        metadata.agendaItems = agendaItemsOf(text);
        matched = 'agendaItems';
      }
    }
    if (matched) {
      fieldsEnd = i;
      fieldOfLine.set(i, matched);
    }
  }
  if (fieldsEnd < 0) {
    reporter.report('masthead/not-found', 'Page 1 carries no UN masthead (symbol, distribution, date): metadata comes from the text alone.', 1);
  }
  metadata.symbol ??= symbolFromRunningHeads(furniture);
  if (metadata.symbol && metadata.symbols.length === 0) setSymbol(metadata, metadata.symbol);
  const title = fieldsEnd >= 0 ? findTitle(lines, fieldsEnd + 1, typography, depthLimit * 1.6) : null;
  let consumed = fieldsEnd + 1;
  if (title) {
    metadata.title = title.text.replace(RESOLUTION_NUMBER, '').replace(TRAILING_ASTERISKS, '');
    for (let i = title.start; i <= title.end; i++) fieldOfLine.set(i, 'title');
    consumed = title.end + 1;
    const subtitle = blockAt(lines, consumed);
    if (subtitle && subtitle.size > typography.bodySize + SIZE_TOLERANCE && subtitle.end - subtitle.start < 4 && !NOT_A_SUBTITLE.test(subtitle.text)) {
      metadata.subtitle = subtitle.text.replace(TRAILING_ASTERISKS, '');
      for (let i = subtitle.start; i <= subtitle.end; i++) fieldOfLine.set(i, 'subtitle');
      consumed = subtitle.end + 1;
    }
  } else if (fieldsEnd >= 0) {
    reporter.report('masthead/no-title', 'No title set larger than the body text was found under the masthead.', 1);
  }
  const infoLanguage = info.language?.slice(0, 2).toLowerCase();
  const sample = pages.slice(0, 4).flatMap((p) => p.body.map((l) => l.text)).join(' ');
  metadata.language ??= detectLanguage(sample) ?? (infoLanguage && /^[a-z]{2}$/.test(infoLanguage) ? infoLanguage : null);
  const masthead = lines.slice(0, Math.max(0, consumed)).map((line, i) => ({ text: line.text, field: fieldOfLine.get(i) ?? null }));
  return { metadata, lines: masthead, consumed: Math.max(0, consumed) };
}

function setSymbol(metadata: Metadata, printed: string): void {
  const symbol = printed.replace(/\*+$/, '').trim();
  metadata.symbol = symbol;
  const parts: string[] = [];
  const global = new RegExp(SYMBOL.source, 'g');
  for (const match of symbol.matchAll(global)) parts.push(match[1]!);
  metadata.symbols = parts.length > 0 ? parts : [symbol];
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
  for (const item of furniture) if (item.kind === 'header' && SYMBOL_LINE.test(item.text)) counts.set(item.text, (counts.get(item.text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function agendaItemsOf(text: string): string[] {
  // The list of numbers ends where the item's description starts ("of the provisional agenda").
  const head = text.split(/\s(?:of|de|del|из|من)\s/)[0] ?? text;
  const withoutKeyword = head.replace(/^\D*/, '');
  return [...withoutKeyword.matchAll(AGENDA_ITEM)].map((m) => m[0].replace(/\s+/, ' '));
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

/**
 * The title: the first block set larger than the body in the main text column (the left column
 * holds the committee, session and agenda lines). When several blocks of the title's size and face
 * follow each other, the last is the title and the ones before it are topic lines above it.
 */
function findTitle(lines: Line[], from: number, typography: Typography, depthLimit: number): TitleBlock | null {
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
