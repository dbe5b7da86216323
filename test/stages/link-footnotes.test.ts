import { describe, expect, it } from 'vitest';
import { linkFootnotes } from '../../pipeline/stages/link-footnotes.js';
import type { Line, PageLines } from '../../pipeline/model.js';
import { line, silent } from './lines.js';

const notesPage = (number: number, notes: Line[]): PageLines => ({
  number,
  width: 612,
  height: 792,
  body: [],
  notes: notes.map((l) => ({ ...l, page: number })),
});

describe('link-footnotes', () => {
  it('A/61/187 para 22: a marker resolves to the note with that marker on its page', () => {
    const result = linkFootnotes(
      [notesPage(6, [line('1 A/60/871.', 123, 695, { size: 9 })])],
      {
        body: [
          {
            type: 'paragraph',
            id: 'para-22',
            number: '22',
            text: 'dans le rapport du Secrétaire général.',
            footnoteRefs: [{ marker: '1', page: 6, offset: 15 }],
            prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
          },
        ],
        annexes: [],
      },
      silent,
    );
    expect(result.footnotes).toEqual([
      // The note's box is its line's: from its left edge to its right, over the em box of its 9 pt type.
      { id: 'fn-1', marker: '1', text: 'A/60/871.', page: 6, prov: [{ page: 6, bbox: [123, 687.8, 167.6, 696.8] }] },
    ]);
    expect(result.body[0]).toMatchObject({ footnoteRefs: [{ id: 'fn-1', offset: 15 }], prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] });
  });

  it('E/CN.6/2025/3: a note line starting with a date continues the note above ("14 June 2024")', () => {
    const result = linkFootnotes(
      [
        notesPage(24, [
          line('International Labour Conference, resolution adopted on', 123, 700, { size: 9, markers: [{ marker: '13', offset: 0 }] }),
          line('14 June 2024 (ILC.112/Resolution V).', 123, 710, { size: 9 }),
        ]),
      ],
      { body: [], annexes: [] },
      silent,
    );
    expect(result.footnotes).toHaveLength(1);
    expect(result.footnotes[0]!.text).toBe('International Labour Conference, resolution adopted on 14 June 2024 (ILC.112/Resolution V).');
  });

  it('E/CN.5/2025/4 p.1: a printed "**" under a printed "*" opens a note of its own where the numbered notes are raised', () => {
    const result = linkFootnotes(
      [
        notesPage(1, [
          line('* E/CN.5/2025/1.', 116, 704, { size: 8.5 }),
          line('** The present report was submitted after the deadline', 112, 714, { size: 8.5 }),
          line('for technical reasons.', 124, 724, { size: 8.5 }),
        ]),
        notesPage(2, [line('The present report drew information from', 124, 740, { size: 8.5, markers: [{ marker: '1', offset: 0 }] })]),
      ],
      { body: [], annexes: [] },
      silent,
    );
    expect(result.footnotes.map((f) => [f.marker, f.text])).toEqual([
      ['*', 'E/CN.5/2025/1.'],
      ['**', 'The present report was submitted after the deadline for technical reasons.'],
      ['1', 'The present report drew information from'],
    ]);
  });

  it('A/61/187 Notes: printed markers open notes only in sequence ("1 A/60/871.", then "2 …", never "14 June")', () => {
    const result = linkFootnotes(
      [
        notesPage(19, [
          line('1 A/60/871.', 115, 158, { size: 9 }),
          line('2 See the report of', 115, 170, { size: 9 }),
          line('14 June 2006.', 115, 180, { size: 9 }),
        ]),
      ],
      { body: [], annexes: [] },
      silent,
    );
    expect(result.footnotes.map((f) => [f.marker, f.text])).toEqual([
      ['1', 'A/60/871.'],
      ['2', 'See the report of 14 June 2006.'],
    ]);
  });

  it('a note continued at the top of the next page notes area joins the previous note', () => {
    const result = linkFootnotes(
      [
        notesPage(3, [line('5 See the report of the Secretary-General on', 123, 760, { size: 9 })]),
        notesPage(4, [line('the work of the Organization (A/80/1).', 123, 740, { size: 9 })]),
      ],
      { body: [], annexes: [] },
      silent,
    );
    expect(result.footnotes.map((f) => f.text)).toEqual([
      'See the report of the Secretary-General on the work of the Organization (A/80/1).',
    ]);
  });

  it('a raised character that matches no note goes back into the text ("km2")', () => {
    const result = linkFootnotes(
      [notesPage(2, [])],
      {
        body: [
          {
            type: 'paragraph',
            id: 'p-1',
            number: null,
            text: 'An area of 40 km of land.',
            footnoteRefs: [{ marker: '2', page: 2, offset: 16 }],
            prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
          },
        ],
        annexes: [],
      },
      silent,
    );
    expect(result.body[0]).toMatchObject({
      text: 'An area of 40 km2 of land.',
      footnoteRefs: [],
      prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
    });
  });

  it('A/80/604/Add.1 p. 6: a table note becomes a footnote, listed by its table, and the cells calling it link to it', () => {
    const cell = (text: string, extra = {}) => ({
      text,
      prov: [{ page: 6, bbox: [123, 340, 200, 352] as [number, number, number, number] }],
      ...extra,
    });
    const result = linkFootnotes(
      [
        {
          ...notesPage(6, [line('1 A/80/596, para. 28.', 123, 720, { size: 8.5 })]),
          tableNotes: [
            line('Representing the highest level of authorized strength.', 137.4, 408.9, {
              size: 8.5,
              markers: [{ marker: 'a', offset: 0 }],
            }),
          ].map((l) => ({ ...l, page: 6 })),
        },
      ],
      {
        body: [
          {
            type: 'table',
            id: 'table-3',
            title: null,
            pages: [6],
            rows: [
              [
                cell('Authorized 2024/25a'),
                cell('Somalia'),
                cell('Temporary positions', { footnoteRefs: [{ marker: 'a', page: 6, offset: 19 }] }),
                cell('m', { footnoteRefs: [{ marker: '2', page: 6, offset: 1 }] }),
              ],
            ],
            prov: [{ page: 6, bbox: [123.4, 328.8, 551.7, 390.6] }],
          },
          {
            type: 'paragraph',
            id: 'para-19',
            number: '19',
            text: 'The strength set.',
            footnoteRefs: [{ marker: 'a', page: 6, offset: 12 }],
            prov: [{ page: 6, bbox: [72, 420, 523.3, 432] }],
          },
        ],
        annexes: [],
      },
      silent,
    );
    expect(result.footnotes.map(({ id, marker, text }) => [id, marker, text])).toEqual([
      ['fn-a', 'a', 'Representing the highest level of authorized strength.'],
      ['fn-1', '1', 'A/80/596, para. 28.'],
    ]);
    const table = result.body[0]!;
    expect(table.type === 'table' && table.notes).toEqual(['fn-a']);
    const cells = table.type === 'table' ? table.rows[0]! : [];
    expect(cells.map(({ text, footnoteRefs }) => [text, footnoteRefs])).toEqual([
      ['Authorized 2024/25', [{ id: 'fn-a', offset: 18 }]],
      // A glued letter after a word is the word's; a raised marker matching no note is dropped, as the grid read it.
      ['Somalia', undefined],
      ['Temporary positions', [{ id: 'fn-a', offset: 19 }]],
      ['m', undefined],
    ]);
    // The text's markers resolve to the pages' notes only: the table's "a" is for its cells.
    expect(result.body[1]).toMatchObject({ text: 'The strengtha set.', footnoteRefs: [] });
  });

  it('S/2025/153 p.13: an asterisk printed at the text\'s size after "(see annex I)." calls the "*" note of its page; one on a page without such a note stays text', () => {
    const paragraph = (id: string, text: string, page: number) => ({
      type: 'paragraph' as const,
      id,
      number: null,
      text,
      footnoteRefs: [],
      prov: [{ page, bbox: [72, 400, 523, 412] as [number, number, number, number] }],
    });
    const result = linkFootnotes(
      [notesPage(13, [line('* Circulated in the language of submission only.', 115, 708, { size: 8.5 })]), notesPage(14, [])],
      {
        body: [
          paragraph('para-a', 'A UNIFIL convoy was attacked (see annex I). * Condemning the attack, Mr. Aoun stated:', 13),
          paragraph('para-b', 'Grades marked * are provisional.', 14),
        ],
        annexes: [],
      },
      silent,
    );
    expect(result.footnotes.map((f) => [f.id, f.marker, f.page])).toEqual([['fn-star', '*', 13]]);
    expect(result.body[0]).toMatchObject({
      text: 'A UNIFIL convoy was attacked (see annex I). Condemning the attack, Mr. Aoun stated:',
      footnoteRefs: [{ id: 'fn-star', offset: 43 }],
    });
    expect(result.body[1]).toMatchObject({ text: 'Grades marked * are provisional.', footnoteRefs: [] });
  });

  it('E/2018/41-fr p.24: where two resolutions on one page number their notes from 1 each, the second "3" calls the second note 3', () => {
    const paragraph = (id: string, text: string, offset: number) => ({
      type: 'paragraph' as const,
      id,
      number: null,
      text,
      footnoteRefs: [{ marker: '3', page: 24, offset }],
      prov: [{ page: 24, bbox: [72, 100, 523, 112] as [number, number, number, number] }],
    });
    const result = linkFootnotes(
      [
        notesPage(24, [
          line('E/ESCWA/30/13.', 115, 594, { size: 8, markers: [{ marker: '3', offset: 0 }] }),
          line('E/ESCWA/EDID/2017/IG.1/9/Report.', 115, 658, { size: 8, markers: [{ marker: '3', offset: 0 }] }),
        ]),
      ],
      {
        body: [
          paragraph('para-a', 'les résultats obtenus pour l’exercice biennal 2016-2017,', 55),
          paragraph('para-b', 'le rapport du Comité du transport sur sa dix-huitième session,', 61),
          paragraph('para-c', 'déjà cité dans le rapport du Comité,', 35),
        ],
        annexes: [],
      },
      silent,
    );
    expect(result.footnotes.map((f) => [f.id, f.text])).toEqual([
      ['fn-3', 'E/ESCWA/30/13.'],
      ['fn-3-2', 'E/ESCWA/EDID/2017/IG.1/9/Report.'],
    ]);
    expect(result.body.map((b) => (b.type === 'paragraph' ? b.footnoteRefs.map((r) => r.id) : []))).toEqual([
      ['fn-3'],
      ['fn-3-2'],
      ['fn-3-2'],
    ]);
  });

  it('TPNW/MSP/2025/11 p.13, E/2025/9/Add.12 p.3: an annex title\'s raised "1" and printed "*" link to the notes of its page', () => {
    const annex = (id: string, title: string, page: number, footnoteRefs?: { marker: string; page: number; offset: number }[]) => ({
      id,
      label: 'Annex',
      title,
      ...(footnoteRefs ? { footnoteRefs } : {}),
      prov: [{ page, bbox: [60, 73, 454, 123] as [number, number, number, number] }],
      body: [],
    });
    const decisions = 'Decisions of the third Meeting of States Parties';
    const result = linkFootnotes(
      [
        notesPage(3, [line('* Curricula vitae are issued without formal editing.', 115, 721, { size: 8.5 })]),
        notesPage(13, [
          line('Adopted by the Meeting at its 10th plenary meeting.', 115, 729, { size: 8, markers: [{ marker: '1', offset: 0 }] }),
        ]),
      ],
      {
        body: [],
        annexes: [
          annex('annex-1', 'Biographical information on candidates*', 3),
          annex('annex-2', decisions, 13, [{ marker: '1', page: 13, offset: decisions.length }]),
          annex('annex-3', 'Present membership', 14),
        ],
      },
      silent,
    );
    expect(result.annexes.map((a) => [a.title, a.footnoteRefs])).toEqual([
      ['Biographical information on candidates', [{ id: 'fn-star', offset: 38 }]],
      [decisions, [{ id: 'fn-1', offset: decisions.length }]],
      ['Present membership', undefined],
    ]);
  });
});
