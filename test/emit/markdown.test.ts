import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../pipeline/emit/markdown.js';
import type { Footnote, UnDocument } from '../../pipeline/model.js';
import { a61187, adversarial, BOLD, JAVASCRIPT_LINK, SCRIPT } from '../fixtures/documents.js';

/** The blocks of a Markdown text (separated by blank lines). */
function blocks(markdown: string): string[] {
  return markdown.trimEnd().split('\n\n');
}

describe('toMarkdown on A/61/187 (French)', () => {
  const markdown = toMarkdown(a61187());

  it('starts with the title and the masthead facts', () => {
    const [title, metadata] = blocks(markdown);
    expect(title).toBe(`# ${a61187().metadata.title}`);
    expect(metadata?.split('\n')).toEqual([
      '- **Symbol:** A/61/187',
      '- **Organ:** Assemblée générale',
      '- **Distribution:** General',
      '- **Date:** 2006-07-31',
      '- **Language:** fr',
      '- **Original language:** en',
      '- **Session:** Soixante et unième session',
      '- **Agenda items:** 55 b)',
      '- **Subtitle:** Note du Président de l’Assemblée générale',
    ]);
  });

  it('writes headings one level below the title, number kept', () => {
    expect(blocks(markdown)).toContain('## I. Introduction');
    expect(blocks(markdown)).toContain('## II. Principaux résultats');
    expect(blocks(markdown)).toContain('### A. Participation');
  });

  it('keeps the paragraph number visible without starting an ordered list', () => {
    expect(blocks(markdown).some((block) => block.startsWith('22\\. Les participants ont estimé'))).toBe(true);
  });

  it('puts the footnote reference exactly where the marker stood, and its definition at the end', () => {
    expect(markdown).toContain('dans le rapport[^1] où l’on décrit');
    expect(blocks(markdown).at(-1)).toBe('[^1]: A/60/871.');
  });

  it('keeps the non-breaking spaces of French typography', () => {
    expect(markdown).toContain('«\u00a0souhaitable ou nécessaire\u00a0»');
  });

  it('nests sub-items as lists with their labels', () => {
    expect(blocks(markdown)).toContain(
      [
        '- a) Promotion d’une approche globale et fondée sur les droits;',
        '  - i) Respect des droits humains;',
        '- b) Migrations internationales et développement;',
      ].join('\n'),
    );
  });

  it('writes annexes after the body: label, title, then their headings one level deeper', () => {
    const all = blocks(markdown);
    const annex = all.indexOf('## Annexe');
    expect(annex).toBeGreaterThan(all.findIndex((block) => block.startsWith('22\\.')));
    expect(all[annex + 1]).toBe('### Programme de rencontres interactives informelles');
    expect(all[annex + 2]).toBe('#### Séance du matin');
  });

  it('TPNW/MSP/2025/11 annex II: a marker in the annex title is a footnote reference in its heading', () => {
    const document = a61187();
    document.annexes[0]!.footnoteRefs = [{ id: 'fn-1', offset: document.annexes[0]!.title!.length }];
    expect(blocks(toMarkdown(document))).toContain('### Programme de rencontres interactives informelles[^1]');
  });

  it('writes tables as GFM tables, first row as header, short rows padded', () => {
    expect(blocks(markdown)).toContain(
      ['| Heure | Séance |', '| --- | --- |', '| 10 heures-10 h 30 | Séance inaugurale |', '| 10 h 30-13 heures |  |'].join('\n'),
    );
  });

  it('keeps a footnote nobody references (the masthead asterisk) as a paragraph after a rule', () => {
    const all = blocks(markdown);
    const rule = all.indexOf('---');
    expect(rule).toBeGreaterThan(all.indexOf('## Annexe'));
    expect(all[rule + 1]).toBe('\\* A/61/50.');
    expect(markdown).not.toContain('[^star]');
  });

  it('is the same text on every call', () => {
    expect(toMarkdown(a61187())).toBe(markdown);
  });
});

describe('toMarkdown footnote labels', () => {
  function withFootnotes(footnotes: Footnote[]): string {
    const document = a61187();
    document.footnotes = footnotes;
    document.body = [
      {
        type: 'paragraph',
        id: 'para-1',
        number: '1',
        text: 'abc',
        footnoteRefs: footnotes.map((footnote, index) => ({ id: footnote.id, offset: index })),
        prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
      },
    ];
    document.annexes = [];
    return toMarkdown(document);
  }

  it('names symbol markers and makes repeated markers unique', () => {
    const markdown = withFootnotes([
      { id: 'fn-star', marker: '*', text: 'Star.', page: 1, prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] },
      { id: 'fn-1', marker: '1', text: 'One.', page: 1, prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] },
      { id: 'annex-1-fn-1', marker: '1', text: 'One again, in the annex.', page: 9, prov: [{ page: 9, bbox: [72, 100, 523.3, 112] }] },
    ]);
    expect(markdown).toContain('1\\. [^star]a[^1]b[^1-2]c');
    expect(markdown).toContain('[^star]: Star.\n\n[^1]: One.\n\n[^1-2]: One again, in the annex.\n');
  });

  it('puts several markers at the same offset in their given order', () => {
    const document = a61187();
    const paragraph = document.body[4];
    if (paragraph?.type !== 'paragraph') throw new Error('fixture changed: body[4] is not a paragraph');
    document.footnotes.push({ id: 'fn-2', marker: '2', text: 'Second.', page: 7, prov: [{ page: 7, bbox: [72, 100, 523.3, 112] }] });
    paragraph.footnoteRefs = [
      { id: 'fn-2', offset: paragraph.text.length },
      { id: 'fn-1', offset: 3 },
      { id: 'fn-2', offset: 3 },
    ];
    const markdown = toMarkdown(document);
    expect(markdown).toContain('22\\. Les[^1][^2] participants');
    expect(markdown).toContain('nécessaire\u00a0».[^2]\n');
  });
});

describe('toMarkdown on untrusted text', () => {
  const markdown = toMarkdown(adversarial());

  it('leaves no raw HTML: every < and > is escaped', () => {
    expect(markdown).not.toMatch(/(?<!\\)[<>]/);
    expect(markdown).toContain('# \\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('\\<b\\>x\\</b\\>');
    expect(markdown).not.toContain(SCRIPT);
    expect(markdown).not.toContain(BOLD);
  });

  it('leaves no link: brackets are escaped, and a reference is not followed by a raw (', () => {
    expect(markdown).not.toMatch(/(?<!\\)\[(?!\^)/);
    expect(markdown).not.toContain(JAVASCRIPT_LINK);
    expect(markdown).toContain('\\[click\\](javascript:alert(1))');
    expect(markdown).toContain('See[^1]\\(javascript:alert(1)) too!');
  });

  it('does not let text start a list or a heading, or close a heading', () => {
    const all = blocks(markdown);
    expect(all).toContain('1\\. not a list item');
    expect(all).toContain('\\- not a bullet \\# not a heading');
    expect(all).toContain('## \\<i\\>I.\\</i\\> \\<script\\>alert(1)\\</script\\> \\#');
  });

  it('escapes code, emphasis and cell separators in tables', () => {
    expect(markdown).toContain('| \\<script\\>alert(1)\\</script\\> | a \\| b |');
    expect(markdown).toContain('| \\[click\\](javascript:alert(1)) | \\`code\\` |');
  });

  it('escapes sub-item labels and footnote texts', () => {
    expect(markdown).toContain('- \\<u\\>a\\</u\\> \\[click\\](javascript:alert(1))');
    expect(markdown).toContain('[^1]: \\[click\\](javascript:alert(1))');
  });
});

describe('toMarkdown edge cases', () => {
  function withBody(body: UnDocument['body']): UnDocument {
    const document = a61187();
    document.body = body;
    document.annexes = [];
    return document;
  }

  it('caps deep heading levels at ######', () => {
    const markdown = toMarkdown(
      withBody([
        {
          type: 'heading',
          id: 'heading-1',
          level: 7,
          number: null,
          text: 'Deep',
          footnoteRefs: [],
          prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
        },
      ]),
    );
    expect(blocks(markdown)).toContain('###### Deep');
  });

  it('falls back to the symbol, then the file name, when the masthead has no title', () => {
    const document = a61187();
    document.metadata.title = null;
    expect(toMarkdown(document).startsWith('# A/61/187\n')).toBe(true);
    document.metadata.symbol = null;
    expect(toMarkdown(document).startsWith('# A\\_61\\_187-fr.pdf\n')).toBe(true);
  });

  it('does not repeat bullet glyphs the Markdown bullet already shows', () => {
    const markdown = toMarkdown(
      withBody([
        {
          type: 'paragraph',
          id: 'para-1',
          number: null,
          text: 'Intro:',
          footnoteRefs: [],
          prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
          items: [{ type: 'paragraph', label: '•', text: 'first', footnoteRefs: [], prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }] }],
        },
      ]),
    );
    expect(blocks(markdown)).toContain('- first');
  });

  it("A/80/590 p.3: a table with spans goes into the Markdown as HTML without the cells' provenance attributes", () => {
    const at = [{ page: 3, bbox: [123.6, 511.1, 151.8, 518.1] as [number, number, number, number] }];
    const markdown = toMarkdown(
      withBody([
        {
          type: 'table',
          id: 'table-1',
          headerRows: 2,
          rows: [
            [
              { text: 'Category', header: true, rowspan: 2, prov: at },
              { text: 'Variance', header: true, colspan: 2, prov: at },
            ],
            [
              { text: 'Amount', header: true, prov: at },
              { text: 'Percentage', header: true, prov: at },
            ],
            [
              { text: 'Military and police personnel', prov: at },
              { text: '(11 103.5)', prov: at },
              { text: '(29.7)', prov: at },
            ],
          ],
          prov: at,
        },
      ]),
    );
    expect(markdown).toContain('<th scope="col" rowspan="2">Category</th>');
    expect(markdown).toContain('<td>(11 103.5)</td>');
    expect(markdown).not.toContain('data-');
  });

  it('keeps the text of a marker whose offset is past the end', () => {
    const document = withBody([
      {
        type: 'paragraph',
        id: 'para-1',
        number: null,
        text: 'Text',
        footnoteRefs: [{ id: 'fn-1', offset: 99 }],
        prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
      },
    ]);
    expect(blocks(toMarkdown(document))).toContain('Text[^1]');
  });
});

/** A document of one paragraph with one footnote referenced from it. */
function withNote(paragraph: string, note: string): UnDocument {
  const document = a61187();
  document.body = [
    {
      type: 'paragraph',
      id: 'para-1',
      number: null,
      text: paragraph,
      footnoteRefs: [{ id: 'fn-2', offset: paragraph.length }],
      prov: [{ page: 1, bbox: [72, 100, 523.3, 112] }],
    },
  ];
  document.annexes = [];
  document.footnotes = [{ id: 'fn-2', marker: '2', text: note, page: 1, prov: [{ page: 1, bbox: [72, 700, 523.3, 712] }] }];
  return document;
}

/**
 * CommonMark's link reference definition, as a renderer without the footnote extension reads a
 * line: `[label]: destination` and an optional title, nothing else on the line.
 */
const LINK_REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(?:<[^<>\n]*>|[^\s<][^\s]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;

describe('toMarkdown: which text may become a link', () => {
  it('a note whose text is JaVaScRiPt:alert(2) is no link definition in a renderer without footnotes', () => {
    const markdown = toMarkdown(withNote('Recalling the report', 'JaVaScRiPt:alert(2)'));
    const definition = blocks(markdown).find((block) => block.startsWith('[^2]:'))!;
    expect(definition).toContain('JaVaScRiPt:alert(2)');
    expect(definition).not.toMatch(LINK_REFERENCE_DEFINITION);
  });

  it('a note of several words stays as it was (it cannot be read as a definition)', () => {
    const markdown = toMarkdown(withNote('Recalling the report', 'See document A/61/187, annex.'));
    expect(blocks(markdown)).toContain('[^2]: See document A/61/187, annex.');
  });

  it('bare web and e-mail addresses become explicit links without backslashes inside; the sentence’s full stop stays outside', () => {
    const text =
      'See https://www.un.org/en/ga/search_view_doc.asp?symbol=A/61/187&Lang=E. or www.un.org/depts or write to info_desk@un.org.';
    const markdown = toMarkdown(withNote(text, 'Available from https://undocs.org/A/RES/60/1 (accessed 2006).'));
    expect(markdown).toContain('See <https://www.un.org/en/ga/search_view_doc.asp?symbol=A/61/187&Lang=E>. or');
    expect(markdown).toContain('[www.un.org/depts](<http://www.un.org/depts>)');
    expect(markdown).toContain('write to <info_desk@un.org>.');
    expect(markdown).toContain('[^2]: Available from <https://undocs.org/A/RES/60/1> (accessed 2006).');
    for (const link of markdown.match(/<[^>\s]+>/g) ?? []) expect(link).not.toContain('\\');
  });

  it('javascript: and other schemes never become links, bare or in angle brackets', () => {
    const markdown = toMarkdown(withNote('Click javascript:alert(1) or <javascript:alert(1)> or data:text/html,x', 'x'));
    expect(markdown).toContain('Click javascript:alert(1) or \\<javascript:alert(1)\\> or data:text/html,x');
  });
});
