import { describe, expect, it } from 'vitest';
import type { Metadata, Typography } from '../../../pipeline/model.js';
import { FIELD_RULES, type FieldView } from '../../../pipeline/stages/masthead/fields.js';
import { line } from '../lines.js';

const typography: Typography = { bodySize: 10, bodyFont: 'body', lineGap: 12, leftMargin: 72, rightMargin: 540 };
const empty: Metadata = {
  symbol: null, symbols: [], organ: null, distribution: null, date: null, language: null,
  originalLanguage: null, jobNumber: null, session: null, agendaItems: [], title: null, subtitle: null,
};

/** The field of the first rule that reads `text`, and what it read. */
function readField(text: string, metadata: Partial<Metadata> = {}): [string, Partial<Metadata>] | null {
  const view: FieldView = { text, line: line(text, 72, 80), previous: undefined, next: undefined, typography, metadata: { ...empty, ...metadata } };
  for (const rule of FIELD_RULES) {
    const fields = rule.read(view);
    if (fields) return [rule.field, fields];
  }
  return null;
}

describe('masthead field rules', () => {
  it('each field of an E/2018/41-style masthead is read by its rule', () => {
    expect(readField('E/2018/41-E/ESCWA/30/18')).toEqual(['symbol', { symbol: 'E/2018/41-E/ESCWA/30/18', symbols: ['E/2018/41', 'E/ESCWA/30/18'] }]);
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
});
