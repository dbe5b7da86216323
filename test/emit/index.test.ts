import { describe, expect, it } from 'vitest';
import { EMITTERS, EXTENSIONS, FORMATS } from '../../pipeline/emit/index.js';
import { a61187 } from '../fixtures/documents.js';

describe('emit/index', () => {
  it('has an emitter and an extension for every format, and nothing else', () => {
    expect(FORMATS).toEqual(['json', 'md', 'html']);
    expect(Object.keys(EMITTERS).sort()).toEqual([...FORMATS].sort());
    expect(EXTENSIONS).toEqual({ json: '.json', md: '.md', html: '.html' });
  });

  it.each(FORMATS)('%s: renders the whole document as one newline-terminated text', (format) => {
    const output = EMITTERS[format](a61187());
    expect(output.endsWith('\n')).toBe(true);
    expect(output).toContain('A/60/871.');
    expect(output).toContain('Programme de rencontres interactives informelles');
  });
});
