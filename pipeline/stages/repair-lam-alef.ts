/**
 * Stage — repair lam-alef: puts back in order the lam-alef ligatures that Word-made Arabic PDFs
 * map to Unicode reversed ("األمم" for "الأمم", "اإلسكوا" for "الإسكوا", "لألمم" for "للأمم").
 *
 * In such a PDF every lam followed by an alef is drawn as one ligature glyph whose text is
 * alef-then-lam, so the text never shows a lam before an alef: that absence is how an affected
 * document is recognised. Only the two sequences that cannot occur in correct Arabic are then
 * turned round: an alef before the reversed pair (the article's alef, "ا|ال|…") and a lam before
 * it ("ل|أل|…"), and "لا" standing as a word. A word-initial pair stays as printed: "إلى" and
 * "ألف" are words of their own.
 */
import type { Anchor, AnchoredText, Line, LinesPage, Reporter } from '../model.js';
import { replace } from '../text/anchored-text.js';

const ALEFS = '\u0627\u0623\u0625\u0622';
const LAM = '\u0644';
/** A lam before an alef: common in correct Arabic text, absent where ligatures come out reversed. */
const LAM_ALEF = new RegExp(`${LAM}[${ALEFS}]`, 'g');
const ALEF_LAM = new RegExp(`[${ALEFS}]${LAM}`, 'g');
/** "ا" or "ل" before a reversed pair: "االقتصادية" → "الاقتصادية", "لألمم" → "للأمم". */
const REVERSED_AFTER_ALEF_OR_LAM = new RegExp(`([\u0627${LAM}])([${ALEFS}])${LAM}`, 'g');
/**
 * "لا" (not) standing as a word, alone or after و, ف, أ, إ, أو ("ولا", "فلا", "ألا", "إلا",
 * "أولاً"): reversed it reads "ال", "وال", "إال", "أوال", which cannot be Arabic words, since the
 * article "ال" never stands alone. Inside longer words a reversed pair can be correct Arabic
 * ("أعمال", "مثال"), so those stay as printed.
 */
const REVERSED_LA_WORD = /(?<![\p{L}\p{M}])(أو|[وفأإ])?\u0627\u0644([\u064B-\u065F\u0670]*)(?![\p{L}\p{M}])/gu;
/** Fewer lam-alef than this share of alef-lam pairs means the ligatures come out reversed. */
const REVERSED_DOCUMENT_RATIO = 0.02;
/** Below this many alef-lam pairs there is too little Arabic to judge. */
const MIN_PAIRS = 50;

/**
 * "ل ا" for "لا": a lam-alef ligature drawn as two glyphs apart, where pdf.js puts a space
 * between them (A/RES/217(III)-ar: "ل ا يجوز", "لكيل ا"). An alef standing alone, followed by
 * no letter, is no Arabic word: it is the second half of the ligature.
 */
const SPLIT_LAM_ALEF = /\u0644 \u0627(?![\p{L}])/gu;

export function repairLamAlef(pages: LinesPage[], reporter: Reporter): LinesPage[] {
  // Split ligatures are joined after the reversed ones are judged, which they would count as lam-alef.
  return joinSplitLamAlefs(repairReversedLamAlef(pages, reporter));
}

/** Pages without a split ligature are handed on as they came. */
function joinSplitLamAlefs(pages: LinesPage[]): LinesPage[] {
  const joined = pages.map((page) => {
    const lines = page.lines.map(joinSplitLamAlef);
    return lines.every((line, index) => line === page.lines[index]) ? page : { ...page, lines };
  });
  return joined.every((page, index) => page === pages[index]) ? pages : joined;
}

function joinSplitLamAlef(line: Line): Line {
  if (!line.rtl || line.text.search(SPLIT_LAM_ALEF) < 0) return line;
  return { ...line, ...replace(line, SPLIT_LAM_ALEF, () => '\u0644\u0627') };
}

function repairReversedLamAlef(pages: LinesPage[], reporter: Reporter): LinesPage[] {
  let lamAlef = 0,
    alefLam = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      if (!line.rtl) continue;
      lamAlef += line.text.match(LAM_ALEF)?.length ?? 0;
      alefLam += line.text.match(ALEF_LAM)?.length ?? 0;
    }
  }
  if (alefLam < MIN_PAIRS || lamAlef > REVERSED_DOCUMENT_RATIO * alefLam) return pages;
  reporter.report(
    'arabic/reversed-lam-alef',
    `The text layer gives lam-alef ligatures reversed (${alefLam} alef-lam pairs, ${lamAlef} lam-alef): they were put back in order.`,
  );
  const reorder = <A extends Anchor>(text: AnchoredText<A>): AnchoredText<A> =>
    replace(
      replace(text, REVERSED_AFTER_ALEF_OR_LAM, ([, before, alef]) => `${before}${LAM}${alef}`),
      REVERSED_LA_WORD,
      ([, prefix, marks]) => `${prefix ?? ''}${LAM}\u0627${marks}`,
    );
  const repair = (line: Line): Line => {
    if (!/[\u0600-\u06FF]/.test(line.text)) return line;
    const reordered = reorder(line);
    return reordered.text === line.text ? line : { ...line, ...reordered };
  };
  return pages.map((page) => ({ ...page, lines: page.lines.map(repair) }));
}
