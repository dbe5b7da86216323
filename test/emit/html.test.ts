import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../pipeline/emit/html.js';
import type { UnDocument } from '../../pipeline/model.js';
import { a61187, adversarial, arabic, BOLD, JAVASCRIPT_LINK, SCRIPT } from '../fixtures/documents.js';

function page(document: UnDocument): CheerioAPI {
  return load(toHtml(document));
}

/** Every problem with the page's internal links and ids: duplicates, and links that find no target. */
function linkProblems($: CheerioAPI): string[] {
  const problems: string[] = [];
  const ids = $('[id]')
    .toArray()
    .map((element) => $(element).attr('id') ?? '');
  const idSet = new Set(ids);
  if (idSet.size !== ids.length) problems.push(`duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
  for (const element of $('[href]').toArray()) {
    const href = $(element).attr('href') ?? '';
    if (!href.startsWith('#')) problems.push(`external link ${href}`);
    else if (!idSet.has(href.slice(1))) problems.push(`broken link ${href}`);
  }
  return problems;
}

describe('toHtml on A/61/187 (French)', () => {
  const html = toHtml(a61187());
  const $ = load(html);

  it('is a standalone HTML5 document in the document language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">\n')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect($('html').attr('dir')).toBeUndefined();
    expect($('meta[charset]').attr('charset')).toBe('utf-8');
    expect($('title').text()).toBe(a61187().metadata.title);
  });

  it('loads nothing and runs nothing', () => {
    expect($('script, link, iframe, object, embed, img, [src]')).toHaveLength(0);
    expect($('style')).toHaveLength(1);
    const eventHandlers = $('*')
      .toArray()
      .flatMap((element) => Object.keys($(element).attr() ?? {}))
      .filter((name) => name.startsWith('on'));
    expect(eventHandlers).toEqual([]);
  });

  it('has unique ids and no broken internal links', () => {
    expect(linkProblems($)).toEqual([]);
  });

  it('shows the title as h1 and the masthead facts as a definition list', () => {
    expect($('article > header > h1').text()).toBe(a61187().metadata.title);
    const facts = $('header dl dt')
      .toArray()
      .map((dt) => `${$(dt).text()}: ${$(dt).next('dd').text()}`);
    expect(facts).toContain('Symbol: A/61/187');
    expect(facts).toContain('Distribution: General');
    expect(facts).toContain('Agenda items: 55 b)');
    expect($('header dt').first().attr('lang')).toBe('en');
  });

  it('nests sections by heading level: h2 for level 1, h3 for level 2', () => {
    expect($('article > section > h2#heading-1').text()).toBe('I. Introduction');
    expect($('article > section > section > h3#heading-3').text()).toBe('A. Participation');
    expect($('#heading-3').parent().parent().children('h2').attr('id')).toBe('heading-2');
  });

  it('writes paragraph 22 with its number and a link to footnote 1 where the marker stood', () => {
    const paragraph = $('p#para-22');
    expect(paragraph).toHaveLength(1);
    expect(paragraph.find('.number').text()).toBe('22.');
    const reference = paragraph.find('sup > a#fnref-1');
    expect(reference.attr('href')).toBe('#fn-1');
    expect(reference.text()).toBe('1');
    expect(paragraph.html()).toContain('dans le rapport<sup><a href="#fn-1" id="fnref-1"');
  });

  it('lists every footnote, with a back-link only where it is referenced', () => {
    expect($('section.notes li#fn-1').text()).toContain('A/60/871.');
    expect($('li#fn-1 a.back-ref').attr('href')).toBe('#fnref-1');
    expect($('li#fn-star').text()).toBe('* A/61/50.');
    expect($('li#fn-star a')).toHaveLength(0);
  });

  it('writes sub-items as nested lists with their labels', () => {
    const items = $('p#para-5 + ul.items > li');
    expect(items).toHaveLength(2);
    expect(items.first().children('.label').text()).toBe('a)');
    expect(items.first().find('ul.items > li').text()).toBe('i) Respect des droits humains;');
  });

  it('TPNW/MSP/2025/11 annex II: a marker in the annex title links from its heading to the note', () => {
    const document = a61187();
    document.annexes[0]!.footnoteRefs = [{ id: 'fn-1', offset: document.annexes[0]!.title!.length }];
    const $ = page(document);
    expect($('section#annex-1 > h3 sup a.note-ref').attr('href')).toBe('#fn-1');
    expect(linkProblems($)).toEqual([]);
  });

  it('writes the annex as a section with label, title and its own outline', () => {
    const annex = $('section#annex-1.annex');
    expect(annex.children('h2').text()).toBe('Annexe');
    expect(annex.children('h3').text()).toBe('Programme de rencontres interactives informelles');
    expect(annex.find('section > h4#annex-1-heading-1').text()).toBe('Séance du matin');
  });

  it('writes tables with a header row and pads short rows', () => {
    const table = $('table#annex-1-table-1');
    expect(
      table
        .find('thead th')
        .toArray()
        .map((cell) => $(cell).text()),
    ).toEqual(['Heure', 'Séance']);
    expect(table.find('tbody tr')).toHaveLength(2);
    expect(table.find('tbody tr').last().children('td')).toHaveLength(2);
  });

  it('is the same text on every call', () => {
    expect(toHtml(a61187())).toBe(html);
  });
});

describe('toHtml provenance', () => {
  it('links every block, item, annex and note back to its page and box', () => {
    const document = a61187();
    document.body[4]!.prov = [
      { page: 6, bbox: [123.2, 640.4, 488, 720.8] },
      { page: 7, bbox: [123.2, 80, 488, 141.5] },
    ];
    const $ = page(document);
    // Paragraph 22 runs over two pages: one page and one box per entry, in the same order.
    expect($('p#para-22').attr('data-page')).toBe('6 7');
    expect($('p#para-22').attr('data-bbox')).toBe('123.2,640.4,488,720.8 123.2,80,488,141.5');
    expect($('#heading-1').attr('data-page')).toBe('1');
    expect($('#heading-1').attr('data-bbox')).toBe('72,100,523.3,112');
    expect($('table#annex-1-table-1').attr('data-page')).toBe('18');
    expect($('li#fn-1').attr('data-page')).toBe('7');
    expect($('section#annex-1').attr('data-page')).toBe('1');
    const unplaced = $('p, li, h2, h3, h4, table')
      .toArray()
      .filter((element) => $(element).closest('header').length === 0 && $(element).attr('data-page') === undefined)
      .map((element) => $(element).text());
    // The annex's label and title are placed by its section; the notes heading is undoc's own, not printed.
    expect(unplaced).toEqual(['Annexe', 'Programme de rencontres interactives informelles', 'Notes']);
  });

  it('A/61/187 annex timetable: each cell with text links back to its page and box; an empty cell, with none, has no attributes', () => {
    const document = a61187();
    const table = document.annexes[0]!.body[1]!;
    if (table.type !== 'table') throw new Error("the fixture's annex holds its timetable second");
    table.rows[0]![0]!.prov = [{ page: 18, bbox: [102, 90.2, 140.5, 100.2] }];
    table.rows[2]![0]!.prov = [
      { page: 18, bbox: [102, 700, 170, 710] },
      { page: 19, bbox: [102, 80, 150, 90] },
    ];
    const $ = page(document);
    const heading = $('table#annex-1-table-1 thead th').first();
    expect([heading.text(), heading.attr('data-page'), heading.attr('data-bbox')]).toEqual(['Heure', '18', '102,90.2,140.5,100.2']);
    const broken = $('table#annex-1-table-1 tbody tr').last().children('td');
    // A row broken by the page end: one page and one box per part, in order.
    expect([broken.first().text(), broken.first().attr('data-page'), broken.first().attr('data-bbox')]).toEqual([
      '10 h 30-13 heures',
      '18 19',
      '102,700,170,710 102,80,150,90',
    ]);
    expect(broken.last().text()).toBe('');
    expect(broken.last().attr('data-page')).toBeUndefined();
  });
});

describe('toHtml footnote back-references', () => {
  it('gives each reference to the same footnote its own id and back-link', () => {
    const document = a61187();
    const paragraph = document.body[4];
    if (paragraph?.type !== 'paragraph') throw new Error('fixture changed: body[4] is not a paragraph');
    paragraph.footnoteRefs.push({ id: 'fn-1', offset: 3 });
    document.annexes[0]!.body.push({
      type: 'paragraph',
      id: 'annex-1-para-1',
      number: '1',
      text: 'Voir le rapport.',
      footnoteRefs: [{ id: 'fn-1', offset: 15 }],
      prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
    });
    const $ = page(document);
    expect(linkProblems($)).toEqual([]);
    // Reading order: the early marker in paragraph 22 first, then the later one, then the annex.
    expect(
      $('p#para-22 sup a')
        .toArray()
        .map((a) => $(a).attr('id')),
    ).toEqual(['fnref-1', 'fnref-1-2']);
    expect($('p#annex-1-para-1 sup a').attr('id')).toBe('fnref-1-3');
    expect(
      $('li#fn-1 a.back-ref')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['#fnref-1', '#fnref-1-2', '#fnref-1-3']);
  });

  it('never reuses an id the document already gives to a block', () => {
    const document = a61187();
    document.body.push({
      type: 'paragraph',
      id: 'fnref-1',
      number: null,
      text: 'x',
      footnoteRefs: [],
      prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
    });
    const $ = page(document);
    expect(linkProblems($)).toEqual([]);
    expect($('p#para-22 sup a').attr('id')).toBe('fnref-1-2');
  });
});

describe('toHtml on an Arabic document', () => {
  it('sets lang="ar" and dir="rtl" on the root element', () => {
    const $ = page(arabic());
    expect($('html').attr('lang')).toBe('ar');
    expect($('html').attr('dir')).toBe('rtl');
    expect($('h1').text()).toBe('تقرير الأمين العام عن أعمال المنظمة');
    expect($('p#para-1').text()).toBe('1. يتضمن هذا التقرير موجزا لأعمال المنظمة.');
  });

  it('says the language is undetermined when the masthead did not give it', () => {
    const document = arabic();
    document.metadata.language = null;
    expect(toHtml(document)).toContain('<html lang="und">');
  });
});

describe('toHtml on untrusted text', () => {
  const html = toHtml(adversarial());
  const $ = load(html);

  it('creates no script, no markup from the text and no javascript: link', () => {
    expect($('script')).toHaveLength(0);
    expect($('b, i, u, img')).toHaveLength(0);
    expect($('a[href^="javascript"]')).toHaveLength(0);
    expect(linkProblems($)).toEqual([]);
    expect(html).not.toContain(SCRIPT);
  });

  it('shows the markup as text', () => {
    expect($('h1').text()).toBe(SCRIPT);
    expect($('title').text()).toBe(SCRIPT);
    expect($('p#para-1').text()).toBe(`1. ${BOLD} and ${JAVASCRIPT_LINK} and ${SCRIPT}`);
    expect($('p#para-5').text()).toBe('<a href="javascript:alert(1)">x</a>');
    expect($('table#table-1 th').first().text()).toBe(SCRIPT);
    expect($('li#fn-1').text()).toContain(JAVASCRIPT_LINK);
  });

  it('escapes quotes so that no attribute can be closed early', () => {
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;');
  });

  it('replaces control characters, which are not allowed in HTML, by U+FFFD', () => {
    const document = a61187();
    document.footnotes[1]!.text = 'A/60/871.\u0001';
    expect(page(document)('li#fn-1').text()).toContain('A/60/871.\uFFFD');
  });
});
