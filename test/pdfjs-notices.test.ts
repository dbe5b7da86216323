/**
 * Defect 12 of the robustness issue: damaged content converted silently. What pdf.js says while
 * it recovers from damage becomes diagnostics; what good documents make it say stays out.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../pipeline/index.js';
import { ConversionError, extract } from '../pipeline/extract.js';
import { classifyNotice, noticeDiagnostics } from '../pipeline/pdfjs-notices.js';
import { onePagePdf } from './cli/hostile.js';

const LINE = 'The General Assembly, recalling its resolution on the question, decides to continue.';

/** A page of `lines` lines of text, with `damage` (raw content-stream bytes) written after the first `at`. */
function pagePdf(lines: number, damage = '', at = lines): Uint8Array {
  const line = (index: number): string => `BT /F1 10 Tf 72 ${760 - 14 * index} Td (${LINE} ${index + 1}) Tj ET\n`;
  const content = Array.from({ length: lines }, (_, index) => (index === at ? damage : '') + line(index)).join('');
  return new Uint8Array(onePagePdf(Buffer.from(content, 'latin1')));
}

describe('12. damaged content converts silently', () => {
  it('a stray ")" in the middle of a page: pdf.js drops the rest of the page, and the document says so on that page', async () => {
    const document = await extract(pagePdf(20, ')', 10), 'cut.pdf');
    const text = document.pages[0]!.runs.map((run) => run.text).join(' ');
    expect(text).toContain(`${LINE} 1`);
    expect(text).not.toContain(`${LINE} 20`);
    expect(document.diagnostics).toEqual([
      { rule: 'pdf/text-lost', page: 1, message: expect.stringMatching(/^Text is missing: .*Illegal character: 41/) },
    ]);
  });

  it('the same page intact gives no diagnostic of pdf.js', async () => {
    const document = await extract(pagePdf(20), 'whole.pdf');
    expect(document.pages[0]!.runs).toHaveLength(20);
    expect(document.diagnostics).toBeUndefined();
  });

  it('the diagnostic reaches the converted document', async () => {
    const document = await convert(pagePdf(20, ')', 10), { file: 'cut.pdf' });
    expect(document.diagnostics.filter((diagnostic) => diagnostic.rule.startsWith('pdf/'))).toEqual([
      expect.objectContaining({ rule: 'pdf/text-lost', page: 1 }),
    ]);
  });

  it('operators with operands missing are reported as damaged content, once per page with their count', async () => {
    const document = await extract(pagePdf(20, '72 Td 5 Tf 1 2 re\n', 5), 'operands.pdf');
    const damaged = (document.diagnostics ?? []).filter((diagnostic) => diagnostic.rule === 'pdf/content-damaged');
    expect(damaged).toEqual([
      { rule: 'pdf/content-damaged', page: 1, message: expect.stringMatching(/\(3 messages, first: "Skipping command/) },
    ]);
  });

  it('a page whose text pdf.js skips from its second line fails as damaged content, not as a scan', async () => {
    // pdf.js reads ahead: the first line goes with the rest.
    const failure = extract(pagePdf(20, ')', 1), 'hollow.pdf');
    await expect(failure).rejects.toThrow(ConversionError);
    await expect(failure).rejects.toThrow(
      /^damaged content: almost no text could be read \(pdf\.js: "getTextContent - ignoring errors .*Illegal character: 41/,
    );
  });

  it('documents read at once in one thread keep their own messages', async () => {
    const [cut, whole, cutAgain] = await Promise.all([
      extract(pagePdf(20, ')', 10), 'cut.pdf'),
      extract(pagePdf(20), 'whole.pdf'),
      extract(pagePdf(20, ')', 15), 'cut-later.pdf'),
    ]);
    expect(cut.diagnostics?.map((diagnostic) => diagnostic.rule)).toEqual(['pdf/text-lost']);
    expect(whole.diagnostics).toBeUndefined();
    expect(cutAgain.diagnostics?.map((diagnostic) => diagnostic.rule)).toEqual(['pdf/text-lost']);
  });
});

describe('pdf.js messages: the classification table', () => {
  it('what good documents of the corpus make pdf.js say is noise', () => {
    // Seen over pdf, wide and replica: glyph files of the standard fonts, TrueType hinting programs, image decoders.
    for (const message of [
      'UnknownErrorException: Unable to load font data at: file:///x/node_modules/pdfjs-dist/standard_fonts/FoxitSerif.pfb',
      'TT: undefined function: 21',
      'Not enough parameters for hlineto; actual: 0, expected: 1',
      'JBig2Image#instantiateWasm: UnknownErrorException: Ensure that the `wasmUrl` API parameter is provided.',
      'CCITTFaxStream: Falling back to JS CCITTFax decoder.',
      'buildFontPaths - ignoring g_d0_f11_path_ glyph: "RangeError: Maximum call stack size exceeded".',
    ]) {
      expect(classifyNotice(message).severity).toBe('noise');
    }
    expect(noticeDiagnostics([{ message: 'TT: undefined function: 21', page: 2 }])).toEqual([]);
  });

  it('messages of mutated corpus PDFs are classified by what they mean for the text', () => {
    const cases: Array<[string, string]> = [
      [
        'getTextContent - ignoring errors during "GetTextContent: page 2" task: "FormatError: Invalid number: > (charCode 62)".',
        'pdf/text-lost',
      ],
      ['getTextContent - ignoring XObject: "FormatError: Illegal character: 41".', 'pdf/text-lost'],
      ['FormatError: Bad encoding in flate stream', 'pdf/stream-damaged'],
      ['Filter "Fl\u00b4teDecode" is not supported.', 'pdf/stream-damaged'],
      ['Indexing all PDF objects', 'pdf/xref-rebuilt'],
      ['Unable read to structTreeRoot info.', 'pdf/structure-tree'],
      ['loadFont - preEvaluateFont failed: "FormatError: Descendant fonts are not specified".', 'pdf/font-damaged'],
      ['Font "F4" is not available -- attempting to fallback to a default font.', 'pdf/font-damaged'],
      ['Unknown command "TQ1.2".', 'pdf/content-damaged'],
      ['Skipping command Tm: expected 6 args, but received 5 args.', 'pdf/content-damaged'],
      ["TypeError: Cannot read properties of undefined (reading 'offset')", 'pdf/unclassified'],
    ];
    expect(cases.map(([message]) => classifyNotice(message).rule)).toEqual(cases.map(([, rule]) => rule));
  });

  it('a page that gave no text while pdf.js recovered from errors on it is reported as lost; a blank page is not', () => {
    const notices = [{ message: 'Unknown command "x".', page: 3 }];
    expect(noticeDiagnostics(notices, [3, 4]).map(({ rule, page }) => `${rule} ${page}`)).toEqual([
      'pdf/content-damaged 3',
      'pdf/page-text-lost 3',
    ]);
  });

  it('a message naming a font by the document’s rank in its process reads the same whatever the rank (--jobs)', () => {
    const said = (rank: number): string =>
      noticeDiagnostics([{ message: `loadFont - translateFont failed for g_d${rank}_f14: "TypeError: x".`, page: 4 }])[0]!.message;
    expect(said(0)).toBe(said(2));
    expect(said(0)).toContain('g_f14');
  });

  it('diagnostics follow the pages and the table, whatever the order pdf.js spoke in', () => {
    const notices = [
      { message: 'Unknown command "x".', page: 2 },
      { message: 'Indexing all PDF objects' },
      { message: 'getTextContent - ignoring XObject: "x".', page: 2 },
      { message: 'Unknown command "y".', page: 1 },
    ];
    const order = (list: typeof notices): string[] => noticeDiagnostics(list).map(({ rule, page }) => `${page ?? '-'} ${rule}`);
    expect(order(notices)).toEqual(['- pdf/xref-rebuilt', '1 pdf/content-damaged', '2 pdf/text-lost', '2 pdf/content-damaged']);
    expect(order([...notices].reverse())).toEqual(order(notices));
  });
});
