/**
 * The masthead's fields, one named rule each, in the order they are tried on each printed text of
 * a masthead line (a line's cells are read one by one). The first rule that reads a text gives its
 * field; a field once found is not read again, except where a rule says so.
 */
import type { Line, Metadata, Typography } from '../../model.js';
import { AGENDA_DESCRIPTION_START, distributionOf, languageCode, ORGANS, ORIGINAL_WORDS, parseDate } from '../../languages/index.js';

/** A title is set at least this much larger than the body text (ESCWA Arabic: 16 pt over 14 pt). */
export const TITLE_SIZE_RATIO = 1.1;

/** A UN document symbol: `A/61/187`, `S/RES/2768 (2025)`, `E/CN.6/2025/3`, `A/HRC/EMRIP/2025/3`. */
const SYMBOL = /(?<![\w/])((?:[A-Z][A-Za-z]{0,9}(?:\.\d+)?)(?:\/[A-Za-z0-9.]+(?:\s?\((?:\d{4}|[A-Za-z ]+\s?[IVX\d]*)\))?)+)(?![\w/])/;
export const SYMBOL_LINE = new RegExp(`^${SYMBOL.source}(?:\\s*[–-]\\s*${SYMBOL.source})*\\*?$`);
/** "Distr.: General", and "Dist." in the 1990s UNCTAD masthead. */
const DISTRIBUTION = /^Dist(?:r\.?|\.)\s*:?\s*(.*)$/i;
/** Where the distribution cell starts inside a line the layout did not cut into cells. */
const DISTRIBUTION_CELL = /\s(?=Distr?\.)/;
const ORIGINAL = new RegExp(`^(?:${ORIGINAL_WORDS})\\s*[:：]?\\s*(.+)$`, 'i');
// Word edges by letter, not by \b, which knows only ASCII letters ("Третья сессия").
export const SESSION = /(?<!\p{L})(?:session|sesiones|период|сесси[яи])(?!\p{L})|^الدورة|会议$/iu;
const AGENDA = /^(?:(?:Provisional\s+)?agenda\s+items?|Items?\s+\d|Points?\s+\d|Temas?\s+\d|Пункты?\s+\d|البند|البندان|(?:临时)?议程项目)/i;
/** "3", "4 (b)", "55 b)", and nested sub-items "3 (b) (ii)". */
const AGENDA_ITEM = /\d+(?:\s?\(?(?:[a-z]|[ivx]+)\))*/g;

/** One printed text of a masthead line, with what the rules may read around it. */
export interface FieldView {
  text: string;
  line: Line;
  /** The previous and next lines of page 1's body. */
  previous: Line | undefined;
  next: Line | undefined;
  typography: Typography;
  /** The fields read so far. */
  metadata: Readonly<Metadata>;
}

export interface FieldRule {
  field: keyof Metadata;
  /** The fields this text gives, or null when it is not this field. */
  read(view: FieldView): Partial<Metadata> | null;
}

export const FIELD_RULES: readonly FieldRule[] = [
  { field: 'symbol', read: ({ text, metadata }) => (!metadata.symbol && SYMBOL_LINE.test(text) ? symbolFields(text) : null) },
  {
    field: 'organ',
    read: ({ text, metadata }) => {
      const organ = ORGANS.find(([pattern]) => pattern.test(text));
      return organ && !metadata.organ ? { organ: organ[1] } : null;
    },
  },
  {
    // "Distr.: General", or "Distr." with the kind on the next line.
    field: 'distribution',
    read: ({ text, next }) => {
      const distr = DISTRIBUTION.exec(text);
      return distr ? { distribution: distributionOf(distr[1] || next?.text || '') } : null;
    },
  },
  {
    // "GENERAL" under a "Distr." line read as a field of its own.
    field: 'distribution',
    read: ({ text, previous, metadata }) =>
      !metadata.distribution && /^(?:GENERAL|LIMITED|RESTRICTED)$/.test(text) && DISTRIBUTION.test(previous?.text ?? '')
        ? { distribution: distributionOf(text) }
        : null,
  },
  {
    field: 'originalLanguage',
    read: ({ text }) => {
      const original = ORIGINAL.exec(text);
      return original ? { originalLanguage: languageCode(original[1]!) } : null;
    },
  },
  {
    field: 'language',
    read: ({ text, metadata }) => {
      const language = languageCode(text);
      return language && text.split(/\s+/).length <= 2 && !metadata.language ? { language } : null;
    },
  },
  {
    // Read only until a date or the session line has been found.
    field: 'date',
    read: ({ text, metadata }) => {
      if (metadata.date || metadata.session) return null;
      const date = parseDate(text);
      return date && text.length < 40 ? { date } : null;
    },
  },
  {
    // Session lines are set at body size: "forty-ninth session" in a 14-pt title is the title's.
    field: 'session',
    read: ({ text, line, typography, metadata }) => {
      const titleSized = line.size >= TITLE_SIZE_RATIO * typography.bodySize;
      return !metadata.session && SESSION.test(text) && text.length < 80 && !titleSized ? { session: text.replace(/\*+$/, '') } : null;
    },
  },
  {
    field: 'agendaItems',
    read: ({ text, metadata }) => (AGENDA.test(text) && metadata.agendaItems.length === 0 ? { agendaItems: agendaItemsOf(text) } : null),
  },
];

/**
 * The printed texts of a masthead line: its cells, or, where the organ and the distribution share
 * one line without a cell gap ("Economic and Social Council Distr.: General"), the two around the label.
 */
export function textsOf(line: Line, cells: string[] | undefined): string[] {
  if (cells && cells.length > 1) return cells;
  const at = DISTRIBUTION_CELL.exec(line.text)?.index;
  return at === undefined ? [line.text] : [line.text.slice(0, at), line.text.slice(at + 1)];
}

/** The symbol as printed (its footnote asterisk dropped), and each symbol of a joint one. */
export function symbolFields(printed: string): Pick<Metadata, 'symbol' | 'symbols'> {
  const symbol = printed.replace(/\*+$/, '').trim();
  const parts = [...symbol.matchAll(new RegExp(SYMBOL.source, 'g'))].map((match) => match[1]!);
  return { symbol, symbols: parts.length > 0 ? parts : [symbol] };
}

function agendaItemsOf(text: string): string[] {
  // The list of numbers ends where the item's description starts ("of the provisional agenda").
  const head = text.split(AGENDA_DESCRIPTION_START)[0] ?? text;
  const withoutKeyword = head.replace(/^\D*/, '');
  return [...withoutKeyword.matchAll(AGENDA_ITEM)].map((m) => m[0].replace(/\s+/, ' '));
}
