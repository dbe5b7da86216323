import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../pipeline/emit/html.js';
import { toMarkdown } from '../../pipeline/emit/markdown.js';
import type { TableBlock, UnDocument } from '../../pipeline/model.js';
import { a61187, at } from '../fixtures/documents.js';

/** The A/61/187 fixture with a table whose cell calls a table note, as A/80/604/Add.1 p. 6 prints one. */
function withTableNote(spans: boolean): UnDocument {
  const document = a61187();
  const table: TableBlock = {
    type: 'table',
    id: 'table-3',
    title: null,
    headerRows: 1,
    rows: [
      [
        { text: 'Category', header: true, ...(spans ? { rowspan: 2 } : {}) },
        { text: 'Authorized 2024/25', header: true, footnoteRefs: [{ id: 'fn-a', offset: 18 }] },
      ],
      spans ? [{ text: '1 250' }] : [{ text: 'Military contingent personnel' }, { text: '1 250' }],
    ],
    notes: ['fn-a'],
    prov: at(6),
  };
  return {
    ...document,
    body: [...document.body, table],
    footnotes: [
      ...document.footnotes,
      { id: 'fn-a', marker: 'a', text: 'Representing the highest level of authorized strength.', page: 6, prov: at(6) },
    ],
  };
}

describe('table notes in the outputs', () => {
  it('A/80/604/Add.1 p. 6: the HTML cell links to its table note, which links back', () => {
    const $ = load(toHtml(withTableNote(false)));
    const link = $('#table-3 th a.note-ref');
    expect(link.attr('href')).toBe('#fn-a');
    expect($('#table-3 th').eq(1).text()).toBe('Authorized 2024/25a');
    expect($(`#fn-a a.back-ref`).attr('href')).toBe(`#${link.attr('id')}`);
  });

  it('A/80/604/Add.1 p. 6: a GFM table cell carries the note reference, and the note is defined', () => {
    const markdown = toMarkdown(withTableNote(false));
    expect(markdown).toMatch(/\| Authorized 2024\/25\[\^(\w+)\] \|/);
    const label = /Authorized 2024\/25\[\^(\w+)\]/.exec(markdown)![1];
    expect(markdown).toContain(`[^${label}]: Representing the highest level of authorized strength.`);
  });

  it('A/80/604/Add.1 p. 6: an HTML table inside Markdown prints the marker raised and keeps the note', () => {
    const markdown = toMarkdown(withTableNote(true));
    expect(markdown).toContain('Authorized 2024/25<sup>a</sup>');
    expect(markdown).toContain('a Representing the highest level of authorized strength.');
  });
});
