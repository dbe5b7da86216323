import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../pipeline/emit/html.js';
import { toJson } from '../../pipeline/emit/json.js';
import { toMarkdown } from '../../pipeline/emit/markdown.js';
import type { ContentsBlock } from '../../pipeline/model.js';
import { validateDocument } from '../../pipeline/validate.js';
import { a61187 } from '../fixtures/documents.js';

const at = (page: number, y: number) => [{ page, bbox: [72, y, 523, y + 10] as [number, number, number, number] }];

/** E/2018/41-en's contents as the structure stage reads them. */
const CONTENTS: ContentsBlock = {
  type: 'contents',
  id: 'contents',
  title: 'Contents',
  columns: ['Paragraphs', 'Page'],
  entries: [
    { label: null, title: 'Introduction', paragraphs: '1-2', page: '4', prov: at(2, 100) },
    {
      label: 'I.',
      title: 'ISSUES FOR ATTENTION AND ACTION BY THE ECONOMIC AND SOCIAL COUNCIL',
      paragraphs: '3',
      page: '5',
      prov: at(2, 112),
    },
    { label: 'Annex', title: 'List of participants', page: null, prov: at(2, 124) },
  ],
  prov: at(2, 90),
};

function withContents() {
  const document = a61187();
  document.body.unshift(CONTENTS);
  return document;
}

describe('the contents block', () => {
  it('E/2018/41: is valid JSON of the contract, its fields in order', () => {
    const document = withContents();
    expect(validateDocument(document)).toEqual([]);
    const written = JSON.parse(toJson(document)).body[0];
    expect(Object.keys(written)).toEqual(['type', 'id', 'title', 'columns', 'entries', 'prov']);
    expect(Object.keys(written.entries[0])).toEqual(['label', 'title', 'paragraphs', 'page', 'prov']);
    expect(Object.keys(written.entries[2])).toEqual(['label', 'title', 'page', 'prov']);
  });

  it('E/2018/41: HTML writes a nav list, never headings nor a table, each entry linked back to its page', () => {
    const $ = load(toHtml(withContents()));
    const nav = $('nav#contents.contents');
    expect(nav.find('.contents-title').text()).toBe('Contents');
    expect(nav.find('.contents-columns').text()).toBe('Paragraphs Page');
    const entries = nav.find('li').toArray();
    expect(entries.map((entry) => $(entry).text())).toEqual([
      'Introduction 1-2 4',
      'I. ISSUES FOR ATTENTION AND ACTION BY THE ECONOMIC AND SOCIAL COUNCIL 3 5',
      'Annex List of participants',
    ]);
    expect($(entries[1]).find('.page').text()).toBe('5');
    expect($(entries[1]).attr('data-bbox')).toBe('72,112,523,122');
    expect(nav.find('table, h1, h2, h3').length).toBe(0);
  });

  it('E/2018/41: Markdown writes a list of entries, their numbers and pages as printed', () => {
    const markdown = toMarkdown(withContents());
    expect(markdown).toContain(
      '**Contents**\n\n*Paragraphs · Page*\n\n- Introduction · 1-2 · 4\n- I. ISSUES FOR ATTENTION AND ACTION BY THE ECONOMIC AND SOCIAL COUNCIL · 3 · 5\n- Annex List of participants\n',
    );
  });
});
