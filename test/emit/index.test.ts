import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, DOCUMENT_FORMATS, EMITTERS, EXTENSIONS, FORMATS, renderFiles } from '../../pipeline/emit/index.js';
import { a61187 } from '../fixtures/documents.js';

describe('emit/index', () => {
  it('has an emitter and an extension for every one-file format, and nothing else; CSV is asked for by name', () => {
    expect(FORMATS).toEqual(['json', 'md', 'html', 'csv']);
    expect(DOCUMENT_FORMATS).toEqual(['json', 'md', 'html']);
    expect(DEFAULT_FORMATS).toEqual(['json', 'md', 'html', 'csv']);
    expect(Object.keys(EMITTERS).sort()).toEqual([...DOCUMENT_FORMATS].sort());
    expect(EXTENSIONS).toEqual({ json: '.json', md: '.md', html: '.html' });
  });

  it('A/61/187: renders a one-file format as one file with its extension, CSV as a file per table', () => {
    const document = a61187();
    expect(renderFiles(document, 'md')).toEqual([{ suffix: '.md', content: EMITTERS.md(document) }]);
    expect(renderFiles(document, 'csv').map((file) => file.suffix)).toEqual(['.annex-1-table-1.csv']);
  });

  it.each(DOCUMENT_FORMATS)('%s: renders the whole document as one newline-terminated text', (format) => {
    const output = EMITTERS[format](a61187());
    expect(output.endsWith('\n')).toBe(true);
    expect(output).toContain('A/60/871.');
    expect(output).toContain('Programme de rencontres interactives informelles');
  });
});
