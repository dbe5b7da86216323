/**
 * End to end on the reference document A/61/187 (French), the replica bundled in input/.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertPdf } from '../../pipeline/convert.js';
import type { HeadingBlock, ParagraphBlock, UnDocument } from '../../pipeline/model.js';
import { REPLICA_PDF } from './shared.js';

let document: UnDocument;

beforeAll(async () => {
  document = (await convertPdf(new Uint8Array(readFileSync(REPLICA_PDF)), 'A_61_187-fr.pdf')).document;
}, 60_000);

const numbered = () => document.body.filter((b): b is ParagraphBlock => b.type === 'paragraph' && b.number !== null);
const paragraph = (n: number) => numbered().find((p) => p.number === String(n))!;

describe('A/61/187 (replica) end to end', () => {
  it('reads the masthead as printed', () => {
    expect(document.metadata).toMatchObject({
      symbol: 'A/61/187',
      symbols: ['A/61/187'],
      distribution: 'General',
      date: '2006-07-31',
      language: 'fr',
      originalLanguage: 'en',
      jobNumber: '06-44787',
      session: 'Soixante et unième session',
      agendaItems: ['55 b)'],
      subtitle: 'Note du Président de l’Assemblée générale',
    });
    expect(document.metadata.title).toMatch(
      /^Résumé des rencontres interactives informelles de l’Assemblée générale avec des représentants d’organisations non gouvernementales/,
    );
  });

  it('has the 76 numbered paragraphs once each, in order', () => {
    expect(numbered().map((p) => p.number)).toEqual(Array.from({ length: 76 }, (_, i) => String(i + 1)));
  });

  it('paragraph 23 starts as printed, across its line breaks', () => {
    expect(paragraph(23).text).toMatch(/^Les participants ont souligné qu’il fallait protéger/);
  });

  it('paragraph 22 carries the reference to footnote 1 (A/60/871.) at the marker', () => {
    const p22 = paragraph(22);
    expect(p22.footnoteRefs).toHaveLength(1);
    const note = document.footnotes.find((f) => f.id === p22.footnoteRefs[0]!.id)!;
    expect(note).toMatchObject({ marker: '1', text: 'A/60/871.' });
    const before = p22.text.slice(0, p22.footnoteRefs[0]!.offset);
    expect(before).toMatch(/\p{L}[.,;:»”)]?$/u);
  });

  it('keeps the asterisk note of the agenda item', () => {
    expect(document.footnotes.find((f) => f.marker === '*')).toMatchObject({ text: 'A/61/50.', page: 1 });
  });

  it('numbers the headings with levels from their numbering', () => {
    const headings = document.body.filter((b): b is HeadingBlock => b.type === 'heading');
    expect(headings[0]).toMatchObject({ level: 1, number: 'I.', text: 'Introduction' });
    expect(headings.find((h) => h.text === 'Égalité des sexes')).toMatchObject({ level: 2, number: 'B.' });
    expect(headings.find((h) => h.text === 'Communautés transnationales')).toMatchObject({ level: 3, number: '4.' });
    expect(headings.find((h) => h.text === 'Migrantes')).toMatchObject({ level: 4, number: null });
  });

  it('reads the annex with its label and title', () => {
    expect(document.annexes).toHaveLength(1);
    expect(document.annexes[0]!.label).toBe('Annexe');
    expect(document.annexes[0]!.title).toMatch(/^Programme de rencontres interactives informelles/);
  });

  it('removes the running furniture from the text and records it', () => {
    const text = JSON.stringify([document.body, document.annexes, document.footnotes]);
    expect(text).not.toContain('06-44787');
    expect(text).not.toContain('*0644787*');
    expect(document.furniture.filter((f) => f.kind === 'header' && f.text === 'A/61/187')).toHaveLength(19);
  });

  it('is deterministic: a second conversion gives the same document', async () => {
    const again = (await convertPdf(new Uint8Array(readFileSync(REPLICA_PDF)), 'A_61_187-fr.pdf')).document;
    expect(again).toEqual(document);
  }, 60_000);
});
