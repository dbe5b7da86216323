import { describe, expect, it } from 'vitest';
import { readMasthead } from '../../pipeline/stages/read-masthead.js';
import type { Line } from '../../pipeline/model.js';
import { line, silent } from './lines.js';

const typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 123, rightMargin: 488 };

function masthead(lines: Line[], furniture = [{ page: 1, kind: 'job-number' as const, text: '06-44787 (F) 010806 020806' }]) {
  return readMasthead([{ number: 1, width: 612, height: 792, body: lines, notes: [] }], furniture, typography, {}, silent);
}

describe('read-masthead', () => {
  it('A/61/187: reads every field of the French masthead and consumes it up to the subtitle', () => {
    const lines = [
      line('Nations Unies A/61/187', 123, 64, { size: 14, cells: ['Nations Unies', 'A/61/187'] }),
      line('Assemblée générale Distr. générale', 123, 93, { size: 20, cells: ['Assemblée générale', 'Distr. générale'] }),
      line('31 juillet 2006', 397, 106),
      line('Français', 397, 118),
      line('Original : anglais', 397, 130),
      line('Soixante et unième session', 60, 231, { font: 'bold' }),
      line('Point 55 b) de la liste préliminaire', 60, 243),
      line('Mondialisation et interdépendance : migrations', 60, 255, { font: 'bold' }),
      line('Résumé des rencontres interactives informelles', 123, 300, { size: 14, font: 'bold' }),
      line('de l’Assemblée générale', 123, 315, { size: 14, font: 'bold' }),
      line('Note du Président de l’Assemblée générale', 123, 370, { size: 12, font: 'bold' }),
      line('Le Président de l’Assemblée générale a l’honneur de transmettre', 147, 394, { font: 'body' }),
    ];
    const result = masthead(lines);
    expect(result.metadata).toEqual({
      symbol: 'A/61/187', symbols: ['A/61/187'], organ: 'General Assembly', distribution: 'General', date: '2006-07-31',
      language: 'fr', originalLanguage: 'en', jobNumber: '06-44787', session: 'Soixante et unième session', agendaItems: ['55 b)'],
      title: 'Résumé des rencontres interactives informelles de l’Assemblée générale', subtitle: 'Note du Président de l’Assemblée générale',
    });
    expect(result.consumed).toBe(11);
    expect(result.lines.map((l) => l.field)).toEqual(['symbol', 'distribution', 'date', 'language', 'originalLanguage', 'session', 'agendaItems', null, 'title', 'title', 'subtitle']);
  });

  it('A/RES/78/1: skips "Resolution adopted by …" and takes the resolution title without its number', () => {
    const lines = [
      line('United Nations A/RES/78/1', 123, 58, { cells: ['United Nations', 'A/RES/78/1'] }),
      line('Seventy-eighth session', 60, 222),
      line('Agenda items 13 and 117', 60, 234),
      line('Resolution adopted by the General Assembly', 123, 321, { size: 14.3, font: 'bold' }),
      line('on 29 September 2023', 123, 336, { size: 14.3, font: 'bold' }),
      line('78/1. Political declaration of the high-level political forum', 85, 385, { size: 12.3, font: 'bold' }),
    ];
    const result = masthead(lines, []);
    expect(result.metadata).toMatchObject({ symbol: 'A/RES/78/1', session: 'Seventy-eighth session', agendaItems: ['13', '117'], title: 'Political declaration of the high-level political forum' });
  });

  it('a document without a UN masthead (WHA66.10) consumes nothing and reports it', () => {
    const messages: string[] = [];
    const pages = [{ number: 1, width: 612, height: 792, body: [line('The Sixty-sixth World Health Assembly,', 123, 100, { font: 'body' })], notes: [] }];
    const result = readMasthead(pages, [], typography, {}, { report: (rule) => void messages.push(rule) });
    expect(result.consumed).toBe(0);
    expect(result.metadata.symbol).toBeNull();
    expect(messages).toContain('masthead/not-found');
  });
});

describe('read-masthead, Chinese', () => {
  it('reads a Chinese masthead: 大会, the date 2024年3月15日, 原文：英文, 第七十九届会议, 议程项目', () => {
    const lines = [
      line('联合国 A/79/100', 123, 58, { cells: ['联合国', 'A/79/100'] }),
      line('大会 Distr.: General', 123, 86, { size: 20, cells: ['大会', 'Distr.: General'] }),
      line('2024年3月15日', 397, 98),
      line('Chinese', 397, 110),
      line('原文：英文', 397, 122),
      line('第七十九届会议', 60, 222),
      line('临时议程项目 12', 60, 234),
      line('可持续发展', 123, 300, { size: 14, font: 'bold' }),
    ];
    expect(masthead(lines, []).metadata).toMatchObject({
      symbol: 'A/79/100', organ: 'General Assembly', distribution: 'General', date: '2024-03-15', language: 'zh',
      originalLanguage: 'en', session: '第七十九届会议', agendaItems: ['12'], title: '可持续发展',
    });
  });
});
