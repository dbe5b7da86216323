import { describe, expect, it } from 'vitest';
import type { Metadata, Typography } from '../../../pipeline/model.js';
import { FIELD_RULES, textsOf, type FieldView } from '../../../pipeline/stages/masthead/fields.js';
import { line } from '../lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 72, rightMargin: 540 };
const empty: Metadata = {
  symbol: null,
  symbols: [],
  organ: null,
  distribution: null,
  date: null,
  language: null,
  originalLanguage: null,
  jobNumber: null,
  session: null,
  agendaItems: [],
  title: null,
  subtitle: null,
};

/** The field of the first rule that reads `text`, and what it read. */
function readField(text: string, metadata: Partial<Metadata> = {}): [string, Partial<Metadata>] | null {
  const view: FieldView = {
    text,
    line: line(text, 72, 80),
    previous: undefined,
    next: undefined,
    typography,
    metadata: { ...empty, ...metadata },
  };
  for (const rule of FIELD_RULES) {
    const fields = rule.read(view);
    if (fields) return [rule.field, fields];
  }
  return null;
}

describe('masthead field rules', () => {
  it('each field of an E/2018/41-style masthead is read by its rule', () => {
    expect(readField('E/2018/41-E/ESCWA/30/18')).toEqual([
      'symbol',
      { symbol: 'E/2018/41-E/ESCWA/30/18', symbols: ['E/2018/41', 'E/ESCWA/30/18'] },
    ]);
    expect(readField('Economic and Social Council')).toEqual(['organ', { organ: 'Economic and Social Council' }]);
    expect(readField('Distr.: General')).toEqual(['distribution', { distribution: 'General' }]);
    expect(readField('Original: Arabic')).toEqual(['originalLanguage', { originalLanguage: 'ar' }]);
    expect(readField('English')).toEqual(['language', { language: 'en' }]);
    expect(readField('25 June 2018')).toEqual(['date', { date: '2018-06-25' }]);
    expect(readField('Thirtieth session')).toEqual(['session', { session: 'Thirtieth session' }]);
    expect(readField('Agenda items 3 and 4 (b)')).toEqual(['agendaItems', { agendaItems: ['3', '4 (b)'] }]);
  });

  it('a field once read is not read again: a second symbol line is no field', () => {
    expect(readField('E/2018/41', { symbol: 'E/2018/41' })).toBeNull();
  });
  it('E/CN.5/2025/4: nested sub-item labels are one agenda item', () => {
    expect(readField('Item 3 (b) (ii) of the provisional agenda*')).toEqual(['agendaItems', { agendaItems: ['3 (b) (ii)'] }]);
  });

  it('A/RES/217 (III) in Russian: "Третья сессия" is the session (word edges by letter, not ASCII \\b)', () => {
    expect(readField('Третья сессия')).toEqual(['session', { session: 'Третья сессия' }]);
  });

  it('E/CN.5/2025/4: organ and distribution printed on one line without a cell gap are read as two texts', () => {
    expect(textsOf(line('Economic and Social Council Distr.: General', 123, 86), undefined)).toEqual([
      'Economic and Social Council',
      'Distr.: General',
    ]);
    expect(textsOf(line('Third session', 60, 217), undefined)).toEqual(['Third session']);
  });
});
