import { describe, expect, it } from 'vitest';
import { toJson } from '../../pipeline/emit/json.js';
import type { HeadingBlock, ParagraphBlock, UnDocument } from '../../pipeline/model.js';
import { a61187 } from '../fixtures/documents.js';

/** The same object with its own keys inserted in reverse order, recursively. */
function reverseKeyOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeyOrder) as T;
  if (typeof value !== 'object' || value === null) return value;
  const reversed: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) reversed[key] = reverseKeyOrder((value as Record<string, unknown>)[key]);
  return reversed as T;
}

describe('toJson', () => {
  it('is byte-identical across calls, 2-space indented, with a trailing newline', () => {
    const first = toJson(a61187());
    expect(toJson(a61187())).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.split('\n')[1]).toBe('  "schemaVersion": "1.4.0",');
  });

  it('does not depend on the order in which the pipeline set the keys', () => {
    expect(toJson(reverseKeyOrder(a61187()))).toBe(toJson(a61187()));
  });

  it('writes the top-level, metadata and block keys in contract order', () => {
    const parsed = JSON.parse(toJson(reverseKeyOrder(a61187()))) as Record<string, unknown> & UnDocument;
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'source',
      'metadata',
      'masthead',
      'body',
      'annexes',
      'footnotes',
      'furniture',
      'diagnostics',
    ]);
    expect(Object.keys(parsed.source)).toEqual(['file', 'sha256', 'pages']);
    expect(Object.keys(parsed.metadata)).toEqual([
      'symbol',
      'symbols',
      'organ',
      'distribution',
      'date',
      'language',
      'originalLanguage',
      'jobNumber',
      'session',
      'agendaItems',
      'title',
      'subtitle',
    ]);
    const heading = parsed.body[0] as HeadingBlock;
    const paragraph5 = parsed.body[1] as ParagraphBlock;
    const paragraph22 = parsed.body[4] as ParagraphBlock;
    expect(Object.keys(heading)).toEqual(['type', 'id', 'level', 'number', 'text', 'footnoteRefs', 'prov']);
    expect(Object.keys(paragraph5)).toEqual(['type', 'id', 'number', 'text', 'footnoteRefs', 'prov', 'items']);
    expect(Object.keys(paragraph5.items![0]!)).toEqual(['type', 'label', 'text', 'footnoteRefs', 'prov', 'items']);
    expect(Object.keys(paragraph22.footnoteRefs[0]!)).toEqual(['id', 'offset']);
    expect(Object.keys(parsed.annexes[0]!)).toEqual(['id', 'label', 'title', 'prov', 'body']);
    expect(Object.keys(parsed.annexes[0]!.body[1]!)).toEqual(['type', 'id', 'headerRows', 'rows', 'prov']);
    expect(Object.keys(parsed.footnotes[0]!)).toEqual(['id', 'marker', 'text', 'page', 'prov']);
    expect(Object.keys(parsed.furniture[0]!)).toEqual(['page', 'kind', 'text', 'prov']);
    expect(Object.keys(parsed.diagnostics[1]!)).toEqual(['rule', 'message', 'page']);
  });

  it('round-trips the document unchanged', () => {
    expect(JSON.parse(toJson(a61187()))).toEqual(a61187());
  });

  it('leaves out optional fields that are absent and properties outside the contract', () => {
    const document = a61187();
    Object.assign(document.body[0]!, { page: 2, lines: [] });
    const parsed = JSON.parse(toJson(document)) as UnDocument;
    expect(Object.keys(parsed.body[0]!)).not.toContain('page');
    expect(Object.keys(parsed.body[4]!)).not.toContain('items');
    expect(Object.keys(parsed.diagnostics[0]!)).toEqual(['rule', 'message']);
  });

  it('writes each provenance entry on one line, its page before its box', () => {
    const document = a61187();
    document.body[4]!.prov = [
      { page: 6, bbox: [123.2, 640.4, 488, 720.8] },
      { page: 7, bbox: [123.2, 80, 488, 141.5] },
    ];
    const json = toJson(document);
    expect(json).toContain(
      [
        '      "prov": [',
        '        { "page": 6, "bbox": [123.2, 640.4, 488, 720.8] },',
        '        { "page": 7, "bbox": [123.2, 80, 488, 141.5] }',
        '      ]',
      ].join('\n'),
    );
    // Arrays of strings keep one element per line.
    expect(json).toContain('"symbols": [\n      "A/61/187"\n    ]');
    expect(JSON.parse(json)).toEqual(document);
  });

  it('keeps non-ASCII text as UTF-8 rather than \\u escapes', () => {
    const json = toJson(a61187());
    expect(json).toContain('"organ": "Assemblée générale"');
    expect(json).toContain('«\u00a0souhaitable ou nécessaire\u00a0»');
  });

  it('refuses a block type it does not know', () => {
    const document = a61187();
    document.body.push({ type: 'quote', id: 'quote-1' } as unknown as UnDocument['body'][number]);
    expect(() => toJson(document)).toThrow('no emitter for block type "quote"');
  });
});
