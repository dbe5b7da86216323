import { describe, expect, it } from 'vitest';
import { buildLines } from '../../pipeline/stages/build-lines.js';
import type { ExtractedDocument, TextRun } from '../../pipeline/model.js';
import { cellsOf, markersOf } from '../../pipeline/text/line-anchors.js';
import { run } from './lines.js';

function page(runs: TextRun[]): ExtractedDocument {
  return { file: 'x.pdf', sha256: '', tagged: false, info: {}, pages: [{ number: 1, width: 612, height: 792, runs }] };
}

describe('build-lines', () => {
  it('A/HRC/59/60 p.2: a marker drawn on its own raised baseline joins the line below as a footnote marker', () => {
    const [result] = buildLines(
      page([
        run('1', 252.65, 153, 6, 'f1', 3),
        run('Respect and Remedy” Framework.', 113.3, 156, 10, 'f1', 139.31),
        run('The Forum is mandated', 258.17, 156, 10, 'f1', 100),
      ]),
    );
    expect(result!.lines).toHaveLength(1);
    const [only] = result!.lines;
    expect(only!.text).toBe('Respect and Remedy” Framework. The Forum is mandated');
    expect(markersOf(only!)).toEqual([{ kind: 'marker', marker: '1', offset: 'Respect and Remedy” Framework.'.length }]);
  });

  it('S/2025/272 para 100: a bold paragraph number set tight against its text is still a word apart ("100. The")', () => {
    const [result] = buildLines(
      page([
        run('100.', 100.61, 498.14, 12, 'bold', 21.92),
        run('The judgments of the European Court on Human Rights', 123.41, 498.14, 12, 'f1', 280),
      ]),
    );
    expect(result!.lines[0]!.text).toBe('100. The judgments of the European Court on Human Rights');
  });

  it('S/2025/272: runs drawn tight inside a word or a figure stay joined ("2.5", "Herzegovina")', () => {
    const [result] = buildLines(
      page([
        run('2.', 100, 300, 12, 'f1', 9),
        run('5 per cent', 109.2, 300, 12, 'f1', 50),
        run('Her', 170, 300, 12, 'f1', 18),
        run('zegovina', 188.3, 300, 12, 'f1', 45),
      ]),
    );
    expect(result!.lines[0]!.text).toBe('2.5 per cent Herzegovina');
  });

  it('A/CONF.230/2025/10 p.10: markers printed "27,28,29" give three markers', () => {
    const [result] = buildLines(
      page([
        run('27', 380, 155, 6.5, 'f1', 6),
        run(',', 386, 155, 6.5, 'f2', 2),
        run('28', 388, 155, 6.5, 'f1', 6),
        run('and seagrass meadows.', 250, 158, 10, 'f1', 129),
      ]),
    );
    expect(markersOf(result!.lines[0]!).map((m) => m.marker)).toEqual(['27', '28']);
    expect(result!.lines[0]!.text).toBe('and seagrass meadows.');
  });

  it('A/AC.292/2024/3 para 4: a marker before the period leaves no space ("completas¹.")', () => {
    const [result] = buildLines(
      page([
        run('escritas completas', 123.41, 407.4, 10.08, 'f1', 78.41),
        run('1', 202.15, 403.8, 6.48, 'f1', 3.24),
        run('.', 205.51, 407.4, 10.08, 'f1', 2.52),
      ]),
    );
    expect(result!.lines[0]!.text).toBe('escritas completas.');
    expect(markersOf(result!.lines[0]!)).toEqual([{ kind: 'marker', marker: '1', offset: 'escritas completas'.length }]);
  });

  it('TD/B/43/6 para 74: a marker run that carries its space ("6 ") leaves the space between the words ("TRAINMAR centres")', () => {
    const [result] = buildLines(
      page([
        run('TRAINMAR', 97.98, 407.4, 12, 'f1', 68.64),
        run('6 ', 166.62, 402.4, 7, 'f1', 10.26),
        run('centres have been established in Angola and Mozambique, with', 176.88, 407.4, 12, 'f1', 375.91),
      ]),
    );
    expect(result!.lines[0]!.text).toBe('TRAINMAR centres have been established in Angola and Mozambique, with');
    expect(markersOf(result!.lines[0]!)).toEqual([{ kind: 'marker', marker: '6', offset: 'TRAINMAR'.length }]);
  });

  it('a raised "e" glued to a number is an ordinal suffix ("XXe siècle"), not a marker', () => {
    const [result] = buildLines(
      page([run('au XX', 100, 200, 10, 'f1', 25), run('e', 125, 197, 6, 'f1', 3), run(' siècle', 128, 200, 10, 'f1', 30)]),
    );
    expect(markersOf(result!.lines[0]!)).toEqual([]);
  });

  it('E/2018/41-fr paragraph 6: "Mme" with its "me" raised on a baseline of its own stays in its word and its line', () => {
    const [result] = buildLines(
      page([
        run('me', 164.5, 194, 6.5, 'f1', 7),
        run('La table ronde fut modérée par M', 100, 200, 10, 'f1', 64.5),
        run(' Gisèle Khoury, journaliste,', 171.5, 200, 10, 'f1', 120),
      ]),
    );
    expect(result!.lines.map((line) => line.text)).toEqual(['La table ronde fut modérée par Mme Gisèle Khoury, journaliste,']);
    expect(markersOf(result!.lines[0]!)).toEqual([]);
  });

  it('a single raised letter after a capital is still a note marker ("UNDPa")', () => {
    const [result] = buildLines(page([run('a', 130, 194, 6.5, 'f1', 3.5), run('Funded by UNDP', 60, 200, 10, 'f1', 70)]));
    expect(markersOf(result!.lines[0]!).map((m) => m.marker)).toEqual(['a']);
  });

  it('a label at a tab stop opens the line instead of making it a table row ("12.⇥Text")', () => {
    const [result] = buildLines(page([run('12.', 123, 300, 10, 'f1', 12), run('The Forum was held', 160, 300, 10, 'f1', 90)]));
    expect(cellsOf(result!.lines[0]!)).toBeUndefined();
    expect(result!.lines[0]!.text).toBe('12. The Forum was held');
  });

  it('wide gaps between runs split a line into cells (A/HRC/59/60 p.3 participation table)', () => {
    const [result] = buildLines(page([run('Academic institutions', 113, 186, 9, 'f1', 90), run('13', 480, 186, 9, 'f1', 9)]));
    expect(cellsOf(result!.lines[0]!)).toEqual(['Academic institutions', '13']);
  });
});

describe('build-lines, right-to-left', () => {
  const rtl = (text: string, x: number, width: number, size = 13): TextRun => ({ ...run(text, x, 400, size, 'f1', width), dir: 'rtl' });
  const ltr = (text: string, x: number, width: number): TextRun => ({ ...run(text, x, 400, 10.4, 'f5', width), dir: 'ltr' });
  /** E/ESCWA/30/8 stores its brackets as drawn: this pair, elsewhere on the page, shows it. */
  const storedAsDrawn = { ...rtl('لغربي آسيا )الإسكوا(', 300, 120), y: 100 };
  const lineAt400 = (result: ReturnType<typeof buildLines>[number] | undefined) => result!.lines.find((l) => l.y === 400)!;

  it('E/ESCWA/30/8 p.3: reads an Arabic line from its right edge and puts the range "22-24" back in order', () => {
    const [result] = buildLines(
      page([rtl('عن دورتها', 300, 50), ltr('22', 264, 11.53), ltr('-', 275.52, 3.46), ltr('24', 278.98, 11.53), rtl('آذار', 220, 30)]),
    );
    expect(result!.lines[0]!.text).toBe('عن دورتها 22-24 آذار');
    expect(result!.lines[0]!.rtl).toBe(true);
  });

  it('E/ESCWA/30/8: mirrored brackets read the logical way round ("(الإسكوا)")', () => {
    const [result] = buildLines(page([rtl('لغربي آسيا )الإسكوا(', 300, 120)]));
    expect(result!.lines[0]!.text).toBe('لغربي آسيا (الإسكوا)');
  });

  it('E/ESCWA/30/8 para 4: punctuation drawn alone at the line end takes the line\'s direction (`التنفيذية".`)', () => {
    const [result] = buildLines(page([ltr('."', 255.84, 8.25), rtl('للجنة التنفيذية', 264.47, 100)]));
    expect(result!.lines[0]!.text).toBe('للجنة التنفيذية".');
  });

  it('E/ESCWA/30/8 para 5: brackets drawn alone are mirrored like the others ("(القاهرة، 14-16 أيار/مايو 2017).")', () => {
    const [result] = buildLines(
      page([
        ltr('.(', 165.6, 7.96),
        ltr('2017', 173.52, 23.05),
        rtl('أيار/مايو', 200.16, 36.31),
        ltr('14', 240, 11.53),
        ltr('-', 251.52, 3.46),
        ltr('16', 254.88, 11.77),
        ltr('،', 270, 4.17),
        rtl('القاهرة', 274.32, 28.15),
        ltr(')', 302.4, 4.36),
        rtl('عشرة', 310.08, 30),
        storedAsDrawn,
      ]),
    );
    expect(lineAt400(result)!.text).toBe('عشرة (القاهرة، 14-16 أيار/مايو 2017).');
  });

  it('E/ESCWA/30/8 para 37: a bracket opened on one line and closed on the next reads the right way round on both', () => {
    const [first, second] = buildLines({
      file: 'x.pdf',
      sha256: '',
      tagged: false,
      info: {},
      pages: [
        {
          number: 1,
          width: 612,
          height: 792,
          runs: [
            { ...rtl('مبادرة ريكار )4.1 مليون', 300, 200), y: 400 },
            { ...rtl('دولار من الوكالة(؛ وبرنامج', 300, 200), y: 415 },
            storedAsDrawn,
          ],
        },
      ],
    })[0]!.lines.slice(1);
    expect(first!.text).toBe('مبادرة ريكار (4.1 مليون');
    expect(second!.text).toBe('دولار من الوكالة)؛ وبرنامج');
  });

  it('E/ESCWA/30/8 para 37: "(2011-2013)" drawn as five touching runs is one piece of text, not three table cells', () => {
    const [result] = buildLines(
      page([
        rtl('؛ ومشروع الترويج', 286.07, 189.7),
        ltr('(', 475.92, 3.46),
        ltr('2011', 479.28, 23.05),
        ltr('-', 502.32, 3.46),
        ltr('2013', 505.68, 23.29),
        ltr(')', 528.96, 3.46),
        storedAsDrawn,
      ]),
    );
    expect(cellsOf(lineAt400(result)!)).toBeUndefined();
    expect(lineAt400(result)!.text).toBe('(2011-2013)؛ ومشروع الترويج');
  });

  it('E/ESCWA/30/7 p.11: a document storing brackets as meant keeps them ("(2012-2015)", "(أ)")', () => {
    const [result] = buildLines(
      page([
        rtl('وقدمت', 352.5, 90),
        ltr(')', 447.7, 3.6),
        ltr('2012-2015', 451.3, 52),
        ltr('(', 503.86, 3.6),
        rtl('الأولى', 511.17, 25),
        { ...rtl('النظر في إنجازات (أ)', 393.77, 110), y: 100 },
      ]),
    );
    expect(lineAt400(result)!.text).toBe('الأولى (2012-2015) وقدمت');
    expect(result!.lines[0]!.text).toBe('النظر في إنجازات (أ)');
  });

  it('E/ESCWA/2017/EC.4/4: a range drawn right to left ("14-13") reads from its lower number, one drawn left to right stays', () => {
    const [result] = buildLines(
      page([
        ltr('14', 472.66, 12.26),
        ltr('-', 484.78, 3.68),
        ltr('13', 488.5, 12.26),
        rtl('بيروت،', 504, 30),
        { ...rtl('آذار', 220, 30), y: 100 },
        { ...ltr('22', 264, 11.53), y: 100 },
        { ...ltr('-', 275.52, 3.46), y: 100 },
        { ...ltr('24', 278.98, 11.53), y: 100 },
        { ...rtl('عن دورتها', 300, 50), y: 100 },
      ]),
    );
    expect(lineAt400(result)!.text).toBe('بيروت، 13-14');
    expect(result!.lines[0]!.text).toBe('عن دورتها 22-24 آذار');
  });

  it('E/ESCWA/30/8 para 23: a mark opening a run before punctuation was drawn for another line ("الركيزة 4: …")', () => {
    const [result] = buildLines(
      page([rtl('\u064F : الاستجابة المتكاملة', 79.44, 378.76), ltr('4', 457.2, 5.77), rtl('الركيزة', 468, 30.55)]),
    );
    expect(result!.lines[0]!.text).toBe('الركيزة 4: الاستجابة المتكاملة');
  });

  it('E/ESCWA/30/8 para 38: a zero-width mark and spaces pdf.js put beside marks do not split the word "تعد"', () => {
    const [result] = buildLines(
      page([
        rtl('\u064F', 494.88, 0),
        rtl('\u064E ت', 495.35, 3.19),
        rtl('\u0651 ع', 490.31, 5.16),
        rtl('\u064B د', 485.76, 4.41),
        rtl('حاليا', 461.04, 19.17),
      ]),
    );
    expect(result!.lines[0]!.text.replace(/[\u064B-\u065F]/g, '')).toBe('تعد حاليا');
  });

  it('E/2018/41-ar para 4: a number picture and a dash picture before the first word are a paragraph number of one digit', () => {
    const number = { x: 532.56, y: 367.2, width: 5.94, height: 8.34 };
    const dash = { x: 528.96, y: 371.88, width: 3.54, height: 1.5 };
    const text = { ...rtl('اتخذت اللجنة قرارات', 56.9, 440, 14.04), y: 375.41 };
    const lines = (pictures: (typeof number)[]) =>
      buildLines({
        file: 'x.pdf',
        sha256: '',
        tagged: false,
        info: {},
        pages: [{ number: 25, width: 595, height: 842, runs: [text], pictures }],
      })[0]!.lines;
    expect(lines([number, dash])[0]!.numberPicture).toEqual({ digits: 1 });
    expect(
      lines([
        { ...number, x: 527.52, width: 10.98, height: 8.46 },
        { ...dash, x: 523.92 },
      ])[0]!.numberPicture,
    ).toEqual({ digits: 2 });
    expect(
      lines([
        { ...number, x: 521.2, width: 16.8, height: 8.46 },
        { ...dash, x: 517.6 },
      ])[0]!.numberPicture,
    ).toEqual({ digits: 3 });
    // Without its dash, or far from the baseline, a small picture is no paragraph number.
    expect(lines([number])[0]!.numberPicture).toBeUndefined();
    expect(lines([{ ...number, y: 340 }, dash])[0]!.numberPicture).toBeUndefined();
  });

  it('A/RES/217(III)-ar p.1: a marker raised in brackets, "(1)" drawn as three runs, is the marker "1"', () => {
    const [result] = buildLines(
      page([
        { ...rtl('الإعلان العالمي لحقوق الإنسان', 262.8, 154, 14), y: 360.7 },
        { ...ltr('(', 260.1, 2.7), y: 355.2, size: 8.1 },
        { ...ltr('1', 256.1, 4), y: 355.2, size: 8.1 },
        { ...ltr(')', 253.4, 2.7), y: 355.2, size: 8.1 },
      ]),
    );
    expect(result!.lines).toHaveLength(1);
    expect(result!.lines[0]!.text).toBe('الإعلان العالمي لحقوق الإنسان');
    expect(markersOf(result!.lines[0]!)).toEqual([{ kind: 'marker', marker: '1', offset: 'الإعلان العالمي لحقوق الإنسان'.length }]);
  });

  it('A/RES/217(III)-ar p.1: the note "(1) A/810." in Latin script reads right to left, its marker opening it', () => {
    const [result] = buildLines(
      page([
        { ...rtl('الديباجة والفرد والحقوق والحريات', 300, 180), y: 100 },
        { ...ltr(')', 498.9, 2.1), y: 716.9, size: 6.4 },
        { ...ltr('1', 495.7, 3.2), y: 716.9, size: 6.4 },
        { ...ltr('(', 493.6, 2.1), y: 716.9, size: 6.4 },
        { ...ltr('A/810', 466.4, 22.5), y: 721.2, size: 9 },
        { ...ltr('.', 463.7, 2.8), y: 721.2, size: 11 },
      ]),
    );
    const note = result!.lines.find((l) => l.y === 721.2)!;
    expect(note.text).toBe('A/810.');
    expect(markersOf(note)).toEqual([{ kind: 'marker', marker: '1', offset: 0 }]);
  });

  it('A/RES/217(III)-ar p.1: a period drawn apart over an Arabic run goes in at the word end where it stands ("الإنساني. وكان")', () => {
    const text = 'الضمير الإنساني وكان غاية ما يرنو إليه عامة البشر انبثاق عالم يتمتع فيه الفرد';
    const [result] = buildLines(page([rtl('.', 412.6, 3.2), rtl(text, 123.3, 365.2)]));
    expect(result!.lines[0]!.text).toBe(text.replace('الإنساني', 'الإنساني.'));
  });

  it('A/RES/217(III)-ar art. 2: a tanween after a final alef, with the word space pdf.js put before it, ends its word ("وفضلاً عما")', () => {
    const [result] = buildLines(page([rtl('وفضلا \u064Bعما تقدم', 300, 120)]));
    expect(result!.lines[0]!.text).toBe('وفضلا\u064B عما تقدم');
  });

  it('A/RES/217(III)-ar art. 16: the label "2-" and the Arabic run drawn over it are two words', () => {
    const [result] = buildLines(page([ltr('2', 482.4, 6.5), ltr('-', 478.2, 4.3), rtl('يبرم عقد الزواج', 123.5, 356.5)]));
    expect(result!.lines[0]!.text).toBe('2- يبرم عقد الزواج');
  });

  it('E/2018/41-ar p.10: a Latin note with a few Arabic words, or a note number "(10)" drawn as one run, reads right to left', () => {
    const [mixed] = buildLines(
      page([
        ltr('.14', 323.6, 10),
        rtl('، الفقرة', 334, 30),
        ltr('5', 365, 5),
        rtl('، ص', 371, 10),
        ltr('E/ESCWA/29/12/Report', 382, 100),
        ltr('(6)', 490, 12),
        storedAsDrawn,
      ]),
    );
    expect(lineAt400(mixed)!.rtl).toBe(true);
    expect(lineAt400(mixed)!.text.startsWith('(6) E/ESCWA/29/12/Report')).toBe(true);
    const [alone] = buildLines(
      page([
        ltr('(10)', 486.8, 16.1),
        ltr('E/ESCWA/EDID/2017/2', 388, 96.1),
        ltr('.', 384.9, 3.1),
        { ...rtl('بيانات من البنك الدولي', 300, 120), y: 100 },
      ]),
    );
    expect(lineAt400(alone)!.text).toBe('(10) E/ESCWA/EDID/2017/2.');
  });

  it('E/2018/41-ar p.20: a line of Arabic with its digits set smaller has the size of its letters ("لعام 2030،")', () => {
    const [result] = buildLines(
      page([rtl('لعام', 522.5, 16.4, 14.04), { ...ltr('2030', 494, 24.5), size: 11.04 }, { ...ltr('،', 479.6, 3.5), size: 11.04 }]),
    );
    expect(result!.lines[0]!.size).toBe(14.04);
  });

  it('E/2025/L.27 masthead: a separator "," raised alone between markers still joins the line below; brackets raised alone do not', () => {
    const [comma] = buildLines(
      page([run('Iraq:', 100, 200, 10, 'f1', 25), run(',', 128, 196, 6, 'f1', 2), run(' draft resolution', 131, 200, 10, 'f1', 80)]),
    );
    expect(comma!.lines).toHaveLength(1);
    const [brackets] = buildLines(
      page([run('Iraq:', 100, 200, 10, 'f1', 25), run('()', 128, 196, 6, 'f1', 4), run(' draft resolution', 133, 200, 10, 'f1', 80)]),
    );
    expect(brackets!.lines).toHaveLength(2);
  });
});
