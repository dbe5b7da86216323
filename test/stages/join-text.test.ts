import { describe, expect, it } from 'vitest';
import { joinLines, vocabularyOf } from '../../pipeline/stages/join-text.js';
import { line } from './lines.js';

describe('join-text', () => {
  it('undoes a line-end hyphen when the document prints the word whole (A/61/187 "déve-loppement")', () => {
    const lines = [line('les migrations internationales et le déve-', 123, 100), line('loppement des pays', 123, 112)];
    const vocabulary = vocabularyOf([...lines, line('le développement durable', 123, 300)]);
    expect(joinLines(lines, vocabulary).text).toBe('les migrations internationales et le développement des pays');
  });

  it('keeps a real hyphen at the line end, without a space ("multi-stakeholder")', () => {
    const lines = [line('a multi-', 123, 100), line('stakeholder approach', 123, 112)];
    const vocabulary = vocabularyOf([...lines, line('multi-stakeholder partnerships', 123, 300)]);
    expect(joinLines(lines, vocabulary).text).toBe('a multi-stakeholder approach');
  });

  it('A/80/604/Add.1 para 39: a spaced hyphen at the line end ("cross -" / "cutting") joins the compound the document prints whole', () => {
    const lines = [line('in its report on cross -', 123, 100), line('cutting issues', 123, 112)];
    const vocabulary = vocabularyOf([...lines, line('on cross-cutting issues related to peacekeeping', 123, 300)]);
    expect(joinLines(lines, vocabulary).text).toBe('in its report on cross-cutting issues');
  });

  it('S/2025/383: a spaced hyphen at the line end before a word never printed with it is a dash, kept between spaces', () => {
    const lines = [line('personnel died -', 123, 100), line('two in armed attacks', 123, 112)];
    expect(joinLines(lines, vocabularyOf(lines)).text).toBe('personnel died - two in armed attacks');
  });

  it('A/HRC/59/60 note 2: a URL broken across lines is joined without a space, hyphens kept', () => {
    const lines = [
      line('See https://forumbhr2024.sched.com/event/1gevJ/procurement-and-deployment-of-artificial-', 113, 717),
      line('intelligence-and-the-ungps-consultation', 113, 728),
    ];
    expect(joinLines(lines, new Set()).text).toBe(
      'See https://forumbhr2024.sched.com/event/1gevJ/procurement-and-deployment-of-artificial-intelligence-and-the-ungps-consultation',
    );
  });

  it('carries marker offsets across the join', () => {
    const lines = [line('first line', 0, 0), line('second.', 0, 12, { markers: [{ marker: '3', offset: 7 }] })];
    expect(joinLines(lines, new Set()).anchors).toEqual([{ marker: '3', page: 1, offset: 'first line second.'.length }]);
  });

  it('joins Chinese lines without a space', () => {
    expect(joinLines([line('联合国大会', 0, 0), line('第七十九届会议', 0, 12)], new Set()).text).toBe('联合国大会第七十九届会议');
  });

  it('A/RES/217(III)-ru art. 11: a Russian line-end hyphen the document gives no evidence for is hyphenation ("обеспе-чиваются"), "какой-либо" stays', () => {
    const lines = [line('ему обеспе-', 123, 100), line('чиваются все возможности какой-', 123, 112), line('либо защиты', 123, 124)];
    expect(joinLines(lines, vocabularyOf(lines)).text).toBe('ему обеспечиваются все возможности какой-либо защиты');
    // Where the document prints the compound, it stays.
    const compound = [line('северо-', 123, 100), line('западный', 123, 112)];
    expect(joinLines(compound, vocabularyOf([...compound, line('северо-западный район', 123, 300)])).text).toBe('северо-западный');
  });
});
