/**
 * What pdf.js says while it reads a document, turned into diagnostics.
 *
 * pdf.js recovers from damaged content instead of failing: it skips the rest of a content stream
 * after a syntax error, drops operators with the wrong number of operands, rebuilds a broken
 * cross-reference table, replaces a font it cannot load. Its only report of that is a line
 * `Warning: …` on console.warn (at verbosity WARNINGS, for the main thread and for the fake
 * worker, which runs in the same thread); it has no callback for it. So, while one document is
 * read, those lines are collected here and classified by the table below. Good documents warn
 * too (a survey of pdf, wide and replica: only the standard-font files, TrueType hinting programs
 * and image decoders, which concern drawing, not text), so the table says which messages are noise.
 */
import type { Diagnostic } from './model.js';

/** What a message means for the text: some was lost, it may be wrong, or nothing. */
export type NoticeSeverity = 'lost' | 'damaged' | 'noise';

export interface NoticeKind {
  /** Matched against the message without its `Warning: ` prefix. */
  pattern: RegExp;
  rule: string;
  severity: NoticeSeverity;
  /** The diagnostic's sentence (what it means for the text, then why), completed by the count and the first message seen. */
  says: string;
}

/**
 * Message patterns of pdf.js 5 (pdf.worker.mjs `warn(` calls) seen over the corpus and over
 * mutants of it (bytes flipped, files cut short), most specific first. A message matching none
 * is reported as `pdf/unclassified`, so that a new pdf.js message never goes unsaid.
 */
export const NOTICE_KINDS: readonly NoticeKind[] = [
  // Drawing only: the standard fonts' glyph files and TrueType hinting programs shape glyphs, not text.
  {
    pattern: /^(UnknownErrorException: )?Unable to load font data at: .*standard_fonts\//,
    rule: 'pdf/font-file',
    severity: 'noise',
    says: '',
  },
  { pattern: /^TT: /, rule: 'pdf/font-hinting', severity: 'noise', says: '' },
  // The structure tree (P, H, Note…) is not read by undoc: only /Artifact marks in the content are.
  { pattern: /^Unable read to structTreeRoot info/, rule: 'pdf/structure-tree', severity: 'noise', says: '' },
  // Image decoders: without their WebAssembly build pdf.js decodes pictures with its JavaScript ones.
  { pattern: /^\w+#instantiateWasm: |^\w+: Falling back to JS /, rule: 'pdf/image-decoder', severity: 'noise', says: '' },
  // Glyph outlines (a Type 1 or CFF program short of operands, a path pdf.js cannot build) are drawing; the character is unchanged.
  { pattern: /^Not enough parameters for \w+; actual|^buildFontPaths - ignoring /, rule: 'pdf/font-outline', severity: 'noise', says: '' },
  {
    pattern: /^getTextContent - ignoring (errors during|XObject)/,
    rule: 'pdf/text-lost',
    severity: 'lost',
    says: 'Text is missing: pdf.js met an error in the page content and skipped the rest of it',
  },
  {
    pattern: /^getOperatorList - ignoring/,
    rule: 'pdf/drawing-lost',
    severity: 'damaged',
    says: 'Rules or pictures may be missing: pdf.js met an error in the page drawing and skipped the rest of it',
  },
  {
    pattern: /^(FormatError: )?(Bad|Unknown) [\w ]+ in flate stream|^Empty "FlateDecode" stream|^Filter ".*" is not supported/,
    rule: 'pdf/stream-damaged',
    severity: 'lost',
    says: 'Text may be missing: a compressed stream could not be fully decoded and was cut short',
  },
  {
    pattern:
      /^(Indexing all PDF objects|indexObjects: |checkLastPage - |getAllPageDicts - |Invalid \/Pages tree|XRef|Bad \(uncompressed\) XRef)/,
    rule: 'pdf/xref-rebuilt',
    severity: 'damaged',
    says: 'Parts may be missing: the cross-reference table is damaged and pdf.js rebuilt it by scanning the file',
  },
  {
    pattern:
      /^(loadFont - |translateFont - |getFontFileType: |Font ".*" is not available|Invalid cMap data|Unknown\/unsupported post table|Incorrect 'loca'|(FormatError: )?Could not fix indexToLocFormat|(FormatError: )?Required "(glyf|loca)" table|cmap table has unsupported format|Could not find a preferred cmap table)/,
    rule: 'pdf/font-damaged',
    severity: 'damaged',
    says: 'Characters may be wrong: a font could not be read as the PDF declares it and pdf.js fell back to another',
  },
  {
    pattern:
      /^(Unknown command|Skipping command|Badly formatted number|Unterminated (hex )?string|getHexString - |getTextContent - ignoring ExtGState|ensureStateFont|Expected name for|Invalid (number|command)|Illegal character|findDefaultInlineStreamEnd)/,
    rule: 'pdf/content-damaged',
    severity: 'damaged',
    says: 'Text may be missing or wrong: the page content has syntax errors that pdf.js stepped over',
  },
];

const UNCLASSIFIED: NoticeKind = {
  pattern: /(?:)/,
  rule: 'pdf/unclassified',
  severity: 'damaged',
  says: 'Something may be wrong: pdf.js warned while reading the document',
};

/** The kind of one pdf.js message (without its `Warning: ` prefix). */
export function classifyNotice(message: string): NoticeKind {
  return NOTICE_KINDS.find((kind) => kind.pattern.test(message)) ?? UNCLASSIFIED;
}

/** One message pdf.js gave, and the page being read then (none while the document itself loads). */
export interface PdfjsNotice {
  message: string;
  page?: number;
}

/** Messages quoted in a diagnostic are cut to this many characters: they may carry PDF bytes. */
const QUOTE_LENGTH = 120;

/**
 * pdf.js names fonts and objects after the document's rank in its process (`g_d2_f11`): the
 * rank is taken out, so that a document's diagnostics do not depend on what its process read before.
 */
const PROCESS_RANK = /\b(g_)?d\d+_(?=[a-z]+\d)/g;

function quoted(message: string): string {
  const stable = message.replace(PROCESS_RANK, '$1');
  return JSON.stringify(stable.length > QUOTE_LENGTH ? `${stable.slice(0, QUOTE_LENGTH)}…` : stable);
}

/**
 * The diagnostics for a document's pdf.js messages: noise left out, one per rule and page with
 * how many messages it stands for and the first of them, in order of page (document-level first)
 * then of the table, so that they do not depend on the order pdf.js happened to say them.
 */
export function noticeDiagnostics(notices: readonly PdfjsNotice[], emptyPages: readonly number[] = []): Diagnostic[] {
  return [...groupedDiagnostics(notices), ...emptyPageDiagnostics(notices, emptyPages)];
}

/**
 * A page that gave no text at all while pdf.js recovered from errors on it has most likely lost
 * all of it (a blank page gives no warning): the measure of loss pdf.js's messages alone lack.
 */
function emptyPageDiagnostics(notices: readonly PdfjsNotice[], emptyPages: readonly number[]): Diagnostic[] {
  const damaged = new Set(notices.filter((notice) => classifyNotice(notice.message).severity !== 'noise').map((notice) => notice.page));
  return emptyPages
    .filter((page) => damaged.has(page))
    .map((page) => ({
      rule: 'pdf/page-text-lost',
      message: 'The page gave no text after pdf.js recovered from errors in it: its text is lost.',
      page,
    }));
}

function groupedDiagnostics(notices: readonly PdfjsNotice[]): Diagnostic[] {
  const groups = new Map<string, { kind: NoticeKind; page?: number; count: number; first: string }>();
  for (const notice of notices) {
    const kind = classifyNotice(notice.message);
    if (kind.severity === 'noise') continue;
    const key = `${notice.page ?? 0} ${kind.rule}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { kind, ...(notice.page === undefined ? {} : { page: notice.page }), count: 1, first: notice.message });
  }
  const order = (kind: NoticeKind): number => (NOTICE_KINDS.includes(kind) ? NOTICE_KINDS.indexOf(kind) : NOTICE_KINDS.length);
  return [...groups.values()]
    .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || order(a.kind) - order(b.kind))
    .map(({ kind, page, count, first }) => {
      const times = count === 1 ? '1 message' : `${count} messages`;
      const message = `${kind.says} (${times}, first: ${quoted(first)}).`;
      return page === undefined ? { rule: kind.rule, message } : { rule: kind.rule, message, page };
    });
}

/** pdf.js's prefix on every warning line. */
const WARNING_PREFIX = 'Warning: ';

/** Where the current document's messages go, and which page it is reading. */
interface Listener {
  notices: PdfjsNotice[];
  page?: number;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `read` with pdf.js's warnings collected for it. The messages carry no document, so two
 * documents read at once in one thread could not be told apart: reads are run one after the
 * other (pdf.js works in this thread anyway, so little is lost). `read` is given a function to
 * name the page it starts reading, and the messages heard so far (they grow as it reads). Other
 * console.warn calls pass through untouched.
 */
export function collectingNotices<T>(
  read: (onPage: (page: number) => void, heard: readonly PdfjsNotice[]) => Promise<T>,
): Promise<{ value: T; notices: PdfjsNotice[] }> {
  const run = async (): Promise<{ value: T; notices: PdfjsNotice[] }> => {
    const listener: Listener = { notices: [] };
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      const [first] = args;
      if (args.length === 1 && typeof first === 'string' && first.startsWith(WARNING_PREFIX)) {
        const notice: PdfjsNotice = { message: first.slice(WARNING_PREFIX.length) };
        if (listener.page !== undefined) notice.page = listener.page;
        listener.notices.push(notice);
      } else original.apply(console, args);
    };
    try {
      const value = await read((page) => {
        listener.page = page;
      }, listener.notices);
      return { value, notices: listener.notices };
    } finally {
      console.warn = original;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
