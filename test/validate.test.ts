import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../pipeline/emit/json.js';
import type { ParagraphBlock, UnDocument } from '../pipeline/model.js';
import { SCHEMAS_DIR } from '../pipeline/paths.js';
import { SCHEMA_VERSION, validateDocument } from '../pipeline/validate.js';
import { a61187, adversarial, arabic } from './fixtures/documents.js';

/** A/61/187 with one change applied; the change may break the typing on purpose. */
function a61187With(change: (document: UnDocument) => void): UnDocument {
  const document = a61187();
  change(document);
  return document;
}

function paragraph22(document: UnDocument): ParagraphBlock {
  const block = document.body[4];
  if (block?.type !== 'paragraph' || block.id !== 'para-22') throw new Error('fixture changed: body[4] is not para-22');
  return block;
}

describe('validateDocument', () => {
  it('accepts the A/61/187 fixture, the Arabic and the adversarial documents', () => {
    expect(validateDocument(a61187())).toEqual([]);
    expect(validateDocument(arabic())).toEqual([]);
    expect(validateDocument(adversarial())).toEqual([]);
  });

  it('accepts what toJson wrote, read back', () => {
    expect(validateDocument(JSON.parse(toJson(a61187())) as UnDocument)).toEqual([]);
  });

  it('rejects a distribution left in the document language', () => {
    const document = a61187With((d) => {
      (d.metadata as { distribution: string }).distribution = 'Générale';
    });
    expect(validateDocument(document)).toEqual(['/metadata/distribution: must be one of "General", "Limited", "Restricted", null']);
  });

  it('rejects a heading level below 1 with a pointer to the field', () => {
    const document = a61187With((d) => {
      const heading = d.body[0];
      if (heading?.type === 'heading') heading.level = 0;
    });
    expect(validateDocument(document)).toEqual(['/body/0/level: must be >= 1']);
  });

  it('rejects a property the contract does not define', () => {
    const document = a61187With((d) => {
      Object.assign(paragraph22(d), { page: 7 });
    });
    expect(validateDocument(document)).toEqual(['/body/4: unexpected property "page"']);
  });

  it('rejects an unknown block type', () => {
    const document = a61187With((d) => {
      d.body.push({ type: 'quote', id: 'quote-1', text: 'x' } as unknown as UnDocument['body'][number]);
    });
    expect(validateDocument(document)).toEqual(['/body/5/type: must be one of "heading", "paragraph", "table", "contents"']);
  });

  it('rejects a bad nested sub-item (ItemBlock is recursive)', () => {
    const document = a61187With((d) => {
      const paragraph = d.body[1];
      const subItem = paragraph?.type === 'paragraph' ? paragraph.items?.[0]?.items?.[0] : undefined;
      if (subItem) (subItem as { label: unknown }).label = 3;
    });
    expect(validateDocument(document)).toEqual(['/body/1/items/0/items/0/label: must be string,null']);
  });

  const fieldViolations: Array<{ what: string; change: (document: UnDocument) => void; message: string }> = [
    {
      what: 'an id with a space',
      change: (d) => (paragraph22(d).id = 'para 22'),
      message: '/body/4/id: must match pattern',
    },
    {
      what: 'a date not in ISO form',
      change: (d) => (d.metadata.date = '31 juillet 2006'),
      message: '/metadata/date: must match pattern',
    },
    {
      what: 'a three-letter language code',
      change: (d) => (d.metadata.language = 'fra'),
      message: '/metadata/language: must match pattern',
    },
    {
      what: 'a negative offset',
      change: (d) => (paragraph22(d).footnoteRefs[0]!.offset = -1),
      message: '/body/4/footnoteRefs/0/offset: must be >= 0',
    },
    {
      what: 'a fractional offset',
      change: (d) => (paragraph22(d).footnoteRefs[0]!.offset = 1.5),
      message: '/body/4/footnoteRefs/0/offset: must be integer',
    },
    {
      what: 'another schema version',
      change: (d) => ((d as { schemaVersion: string }).schemaVersion = '2.0.0'),
      message: '/schemaVersion: must be "1.4.0"',
    },
    {
      what: 'an unknown furniture kind',
      change: (d) => ((d.furniture[0] as { kind: string }).kind = 'stamp'),
      message: '/furniture/0/kind: must be one of "header", "footer"',
    },
  ];

  it.each(fieldViolations)('rejects $what', ({ change, message }) => {
    const problems = validateDocument(a61187With(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.slice(0, message.length)).toBe(message);
  });

  it('rejects a footnote ref to a footnote that does not exist', () => {
    const document = a61187With((d) => {
      paragraph22(d).footnoteRefs[0]!.id = 'fn-9';
    });
    expect(validateDocument(document)).toEqual(['/body/4/footnoteRefs/0/id: footnote "fn-9" does not exist']);
  });

  it('rejects a dangling footnote ref inside a nested sub-item', () => {
    const document = a61187With((d) => {
      const paragraph = d.body[1];
      const subItem = paragraph?.type === 'paragraph' ? paragraph.items?.[0]?.items?.[0] : undefined;
      subItem?.footnoteRefs.push({ id: 'fn-2', offset: 0 });
    });
    expect(validateDocument(document)).toEqual(['/body/1/items/0/items/0/footnoteRefs/0/id: footnote "fn-2" does not exist']);
  });

  it('rejects an offset past the end of the text', () => {
    const document = a61187With((d) => {
      const paragraph = paragraph22(d);
      paragraph.footnoteRefs[0]!.offset = paragraph.text.length + 1;
    });
    const length = paragraph22(a61187()).text.length;
    expect(validateDocument(document)).toEqual([
      `/body/4/footnoteRefs/0/offset: ${length + 1} is past the end of the text (length ${length})`,
    ]);
  });

  it('accepts a marker at the very end of the text', () => {
    const document = a61187With((d) => {
      const paragraph = paragraph22(d);
      paragraph.footnoteRefs[0]!.offset = paragraph.text.length;
    });
    expect(validateDocument(document)).toEqual([]);
  });

  it('rejects duplicate ids across body, annexes and footnotes', () => {
    const document = a61187With((d) => {
      const annexTable = d.annexes[0]!.body[1]!;
      annexTable.id = 'para-22';
      d.footnotes[0]!.id = 'annex-1';
    });
    expect(validateDocument(document)).toEqual([
      '/annexes/0/body/1/id: duplicate id "para-22", already used at /body/4',
      '/footnotes/0/id: duplicate id "annex-1", already used at /annexes/0',
    ]);
  });
});

describe('schemas/undoc.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'undoc.schema.json'), 'utf8')) as Record<string, unknown>;

  it('is versioned as SCHEMA_VERSION', () => {
    expect(schema.$id).toBe(`urn:undoc:schema:document:${SCHEMA_VERSION}`);
    expect((schema.properties as Record<string, { const?: string }>).schemaVersion?.const).toBe(SCHEMA_VERSION);
  });

  it('describes every property and closes every object', () => {
    const gaps: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schemaNode = node as Record<string, unknown>;
      if (schemaNode.properties !== undefined) {
        // Block only dispatches on `type` to the closed HeadingBlock, ParagraphBlock and TableBlock.
        if (schemaNode.additionalProperties !== false && !path.endsWith('/Block')) gaps.push(`${path}: open object`);
        for (const [name, property] of Object.entries(schemaNode.properties as Record<string, Record<string, unknown>>)) {
          if (typeof property.description !== 'string') gaps.push(`${path}/${name}: no description`);
        }
      }
      // An `if` is a condition on the data, not a description of it.
      for (const [key, value] of Object.entries(schemaNode)) if (key !== 'if') visit(value, `${path}/${key}`);
    };
    visit(schema, '#');
    expect(gaps).toEqual([]);
  });
});
