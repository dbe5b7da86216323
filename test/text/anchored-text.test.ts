/**
 * Anchored text, property style: many random texts, anchors and edits (a small seeded PRNG, so a
 * failure repeats), each checked against a model that gives every character an identity. An
 * anchor must stay on its character; on a removed or replaced one it goes to the start of what
 * replaced it; at the end it stays at the end.
 */
import { describe, expect, it } from 'vitest';
import type { AnchoredText } from '../../pipeline/model.js';
import { anchored, insert, join, removeRanges, replace, slice, trim, withAnchors } from '../../pipeline/text/anchored-text.js';

interface Tagged {
  offset: number;
  tag: number;
}

/** mulberry32: a tiny seeded generator, enough to vary the cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ab c\u00A0\tdé-';
const PATTERNS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/\s+/g, () => ' '],
  [/ab/g, () => 'x'],
  [/a/g, () => 'bb'],
  [/[bc]+/g, () => ''],
  [/(d)(é)?/g, ([, d, e]) => `${e ?? ''}${d}`],
];

/** The model: each character with an identity, each anchor on a character's identity or at the end. */
interface Model {
  chars: { char: string; id: number }[];
  /** Tag → identity of the character the anchor stands on, or END. */
  on: Map<number, number>;
}
const END = -1;

function scenario(next: () => number) {
  let ids = 0;
  let tags = 0;
  const int = (n: number) => Math.floor(next() * n);
  const randomText = (length: number) => Array.from({ length }, () => ALPHABET[int(ALPHABET.length)]!).join('');
  const make = (text: string, count: number): { value: AnchoredText<Tagged>; model: Model } => {
    const chars = [...text].map((char) => ({ char, id: ids++ }));
    const anchors: Tagged[] = Array.from({ length: count }, () => ({ offset: int(text.length + 1), tag: tags++ }));
    const on = new Map(anchors.map((a) => [a.tag, chars[a.offset]?.id ?? END]));
    return { value: anchored(text, anchors), model: { chars, on } };
  };
  return { int, randomText, make, newId: () => ids++, newTag: () => tags++ };
}

/** Where each anchor must be now: on its character, else at the start of what replaced it (`moved`), else at the end. */
function expectAnchors(value: AnchoredText<Tagged>, model: Model, moved: Map<number, number>): void {
  expect(value.text).toBe(model.chars.map((c) => c.char).join(''));
  const offsets = value.anchors.map((a) => a.offset);
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  expect(value.anchors.map((a) => a.tag).sort((a, b) => a - b)).toEqual([...model.on.keys()].sort((a, b) => a - b));
  for (const anchor of value.anchors) {
    const id = model.on.get(anchor.tag)!;
    const at = id === END ? model.chars.length : model.chars.findIndex((c) => c.id === id);
    expect(anchor.offset, `anchor ${anchor.tag} in "${value.text}"`).toBe(at >= 0 ? at : moved.get(anchor.tag));
  }
}

/** Applies edits [start, end) → replacement to the model; returns the new offset of the anchors whose character went. */
function editModel(model: Model, edits: { start: number; end: number; replacement: string }[], newId: () => number): Map<number, number> {
  const chars: Model['chars'] = [];
  const startOf = new Map<number, number>();
  let from = 0;
  for (const edit of edits) {
    chars.push(...model.chars.slice(from, edit.start));
    for (const c of model.chars.slice(edit.start, edit.end)) startOf.set(c.id, chars.length);
    chars.push(...[...edit.replacement].map((char) => ({ char, id: newId() })));
    from = edit.end;
  }
  chars.push(...model.chars.slice(from));
  const moved = new Map<number, number>();
  for (const [tag, id] of model.on) if (startOf.has(id)) moved.set(tag, startOf.get(id)!);
  model.chars = chars;
  return moved;
}

describe('anchored text', () => {
  it('keeps every anchor on its character through random replace, removeRanges, insert, trim, slice and join', () => {
    const next = random(20240611);
    for (let round = 0; round < 400; round++) {
      const { int, randomText, make, newId, newTag } = scenario(next);
      let { value, model } = make(randomText(int(24)), int(6));
      for (let step = 0; step < 8; step++) {
        const text = value.text;
        const operation = int(7);
        let moved = new Map<number, number>();
        if (operation === 0) {
          const [pattern, replacement] = PATTERNS[int(PATTERNS.length)]!;
          const edits = [...text.matchAll(pattern)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            replacement: replacement(m as RegExpExecArray),
          }));
          value = replace(value, pattern, replacement);
          moved = editModel(model, edits, newId);
        } else if (operation === 1) {
          const cuts = Array.from({ length: int(4) * 2 }, () => int(text.length + 1)).sort((a, b) => a - b);
          const ranges: [number, number][] = [];
          for (let i = 0; i < cuts.length; i += 2) ranges.push([cuts[i]!, cuts[i + 1]!]);
          value = removeRanges(value, ranges);
          moved = editModel(
            model,
            ranges.map(([start, end]) => ({ start, end, replacement: '' })),
            newId,
          );
        } else if (operation === 2) {
          const at = int(text.length + 1);
          const inserted = randomText(1 + int(3));
          value = insert(value, at, inserted);
          moved = editModel(model, [{ start: at, end: at, replacement: inserted }], newId);
        } else if (operation === 3) {
          const end = text.trimEnd().length;
          const start = end - text.slice(0, end).trimStart().length;
          value = trim(value);
          moved = editModel(
            model,
            [
              { start: 0, end: start, replacement: '' },
              { start: end, end: text.length, replacement: '' },
            ],
            newId,
          );
        } else if (operation === 4) {
          const start = int(text.length + 1);
          const end = start + int(text.length - start + 1);
          value = slice(value, start, end);
          // Only the anchors on the slice's characters stay, and those at the end if it reaches the end.
          const kept = new Set(model.chars.slice(start, end).map((c) => c.id));
          if (end === text.length) kept.add(END);
          for (const [tag, id] of model.on) if (!kept.has(id)) model.on.delete(tag);
          model.chars = model.chars.slice(start, end);
        } else if (operation === 5) {
          const other = make(randomText(int(10)), int(3));
          const separator = randomText(int(2));
          value = join([value, other.value], separator);
          // The first part's end anchors now stand on the separator or the second part's first character.
          const separatorChars = [...separator].map((char) => ({ char, id: newId() }));
          const firstAfter = separatorChars[0]?.id ?? other.model.chars[0]?.id ?? END;
          for (const [tag, id] of model.on) if (id === END) model.on.set(tag, firstAfter);
          model.chars = [...model.chars, ...separatorChars, ...other.model.chars];
          for (const [tag, id] of other.model.on) model.on.set(tag, id);
        } else {
          const added = Array.from({ length: 1 + int(3) }, () => ({ offset: int(text.length + 1), tag: newTag() }));
          value = withAnchors(value, added);
          for (const a of added) model.on.set(a.tag, model.chars[a.offset]?.id ?? END);
        }
        expectAnchors(value, model, moved);
        // An anchor moved off a removed character now stands on whatever is at its new place.
        for (const anchor of value.anchors) model.on.set(anchor.tag, model.chars[anchor.offset]?.id ?? END);
      }
    }
  });

  it('keeps anchors at one offset in their order, through edits and when more are added', () => {
    const value = withAnchors(
      anchored('ab  cd', [
        { offset: 2, tag: 1 },
        { offset: 2, tag: 2 },
      ]),
      [{ offset: 2, tag: 3 }],
    );
    const collapsed = replace(value, /\s+/g, () => ' ');
    expect(collapsed.anchors).toEqual([
      { offset: 2, tag: 1 },
      { offset: 2, tag: 2 },
      { offset: 2, tag: 3 },
    ]);
    expect(insert(collapsed, 2, 'x').anchors.map((a) => a.offset)).toEqual([3, 3, 3]);
  });

  it('refuses an anchor outside its text', () => {
    expect(() => anchored('ab', [{ offset: 3 }])).toThrow(RangeError);
  });
});
