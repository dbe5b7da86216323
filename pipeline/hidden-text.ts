/**
 * Text a reader of the printed or displayed page cannot see, kept out of the reading text.
 *
 * A PDF can carry text nobody sees: drawn at zero size or squeezed flat, or in an
 * optional-content layer that viewers hide by default. A prompt or a payload hidden so would
 * otherwise flow into the outputs unnoticed. Such text is left out and the document says how
 * much, why and on which pages. Only what pdf.js's text content tells is used, plus, in the rare
 * documents with layers hidden by default, the operator list of the pages that carry layers
 * (reading it on every page would double the extraction's time).
 *
 * Text placed outside the page never gets here: pdf.js's text content leaves out every glyph
 * whose origin lies outside the page box, and does not say how many. Not covered (they need the
 * operator list of every page): invisible text (rendering mode 3), which is also the reading text
 * of an OCR'd scan, and text drawn in the colour of its background; form XObjects hidden by their
 * own /OC entry (the text content marks no section for them).
 */
import type { PDFDocumentProxy, PDFPageProxy, TextContent } from 'pdfjs-dist/types/src/display/api.js';
import type { Diagnostic } from './model.js';

export type HiddenReason = 'zero-size' | 'hidden-layer';

/**
 * Glyphs smaller than this (points, in either direction) are no print: the smallest sizes set
 * for reading are about 4 pt. Zero-size text and text scaled flat fall below it.
 */
export const MIN_VISIBLE_GLYPH_SIZE = 0.5;

/** Why one text item cannot be seen from its own transform (its glyph box has no size); null when it can. */
export function unseenReason(transform: readonly number[]): HiddenReason | null {
  const [a, b, c, d] = transform as [number, number, number, number];
  // The glyph box's two sides are the text matrix's two columns: along the baseline, and up.
  return Math.hypot(a, b) < MIN_VISIBLE_GLYPH_SIZE || Math.hypot(c, d) < MIN_VISIBLE_GLYPH_SIZE ? 'zero-size' : null;
}

/**
 * Whether each optional-content section of a page's content (`/OC … BDC`, in order) is hidden, from
 * its operator list; form XObjects that carry their own /OC wrap their content in one more such
 * section there, with no counterpart in the text content, and are skipped.
 */
export async function hiddenSections(
  page: PDFPageProxy,
  visible: (group: unknown) => boolean,
  OPS: Record<string, number>,
): Promise<boolean[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const hidden: boolean[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== OPS.beginMarkedContentProps || (argsArray[i] as unknown[])[0] !== 'OC') continue;
    const next = fnArray[i + 1];
    if (next === OPS.paintFormXObjectBegin || next === OPS.beginGroup) continue;
    const group = (argsArray[i] as unknown[])[1];
    hidden.push(group !== null && group !== undefined && !visible(group));
  }
  return hidden;
}

/** The document's test of a layer's default visibility, or null when no layer is hidden by default. */
export async function hiddenLayerTest(pdf: PDFDocumentProxy): Promise<((group: unknown) => boolean) | null> {
  const config = await pdf.getOptionalContentConfig().catch(() => null);
  if (!config) return null;
  const groups = [...(config as unknown as Iterable<[string, { visible: boolean }]>)];
  if (!groups.some(([, group]) => !group.visible)) return null;
  return (group) => Boolean(config.isVisible(group));
}

/** Whether a page's text content has optional-content sections at all. */
export function hasSections(items: TextContent['items']): boolean {
  return items.some((item) => 'type' in item && item.type === 'beginMarkedContentProps' && (item as { tag?: string }).tag === 'OC');
}

/**
 * For each text item, whether it lies in a hidden optional-content section: the text content's
 * `OC` sections are matched in order with `hidden` (from hiddenSections); nested sections inherit.
 */
export function inHiddenLayer(items: TextContent['items'], hidden: readonly boolean[]): boolean[] {
  const stack: boolean[] = [];
  let section = 0;
  return items.map((item) => {
    if ('type' in item) {
      const inherited = stack.at(-1) ?? false;
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        const isLayer = item.type === 'beginMarkedContentProps' && (item as { tag?: string }).tag === 'OC';
        stack.push(inherited || (isLayer && (hidden[section++] ?? false)));
      } else if (item.type === 'endMarkedContent') stack.pop();
      return false;
    }
    return stack.at(-1) ?? false;
  });
}

/** Characters left out on one page for one reason. */
export interface HiddenCount {
  page: number;
  reason: HiddenReason;
  characters: number;
}

const SAYS: Record<HiddenReason, string> = {
  'zero-size': 'drawn at zero size or scaled flat',
  'hidden-layer': 'in an optional-content layer hidden by default',
};

/** One diagnostic per reason: how many characters were left out and on which pages. */
export function hiddenTextDiagnostics(counts: readonly HiddenCount[]): Diagnostic[] {
  const reasons = Object.keys(SAYS) as HiddenReason[];
  return reasons.flatMap((reason) => {
    const found = counts.filter((count) => count.reason === reason && count.characters > 0);
    if (found.length === 0) return [];
    const characters = found.reduce((sum, count) => sum + count.characters, 0);
    const pages = [...new Set(found.map((count) => count.page))].sort((x, y) => x - y);
    const where = pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
    return [
      {
        rule: `hidden/${reason}`,
        message: `${characters} characters of text ${SAYS[reason]}, which no reader sees, were left out of the reading text (${where}).`,
      },
    ];
  });
}
