/**
 * Operations on an anchored text: a text and the places in it that must follow its characters
 * (footnote markers, cell starts), edited together so that no offset is ever fixed up by hand.
 *
 * An anchor at offset `o` stands on the character at `o`, or at the end when `o` is the text's
 * length. It stays on that character through every edit. When the character itself is removed or
 * replaced, the anchor moves to the start of what replaced it: for a removal, the next character
 * that remains. Anchors are kept in order of offset; anchors at one offset keep their order.
 */
import type { Anchor, AnchoredText } from '../model.js';

export type { Anchor, AnchoredText };

/** Characters [start, end) become `replacement`; start === end inserts. */
interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A text with anchors, sorted by offset (a stable sort: anchors at one offset keep their order). */
export function anchored<A extends Anchor>(text: string, anchors: readonly A[] = []): AnchoredText<A> {
  for (const anchor of anchors) {
    if (anchor.offset < 0 || anchor.offset > text.length)
      throw new RangeError(`anchor offset ${anchor.offset} outside a text of ${text.length} characters`);
  }
  return { text, anchors: [...anchors].sort((a, b) => a.offset - b.offset) };
}

/** The same text with more anchors; at one offset the anchors it had come first. */
export function withAnchors<A extends Anchor>(value: AnchoredText<A>, anchors: readonly A[]): AnchoredText<A> {
  return anchored(value.text, [...value.anchors, ...anchors]);
}

/**
 * Applies edits sorted by start and not overlapping (an insertion may precede a replacement
 * starting where it is). Offsets map monotonically, so the anchors stay in order.
 */
function applyEdits<A extends Anchor>(value: AnchoredText<A>, edits: readonly Edit[]): AnchoredText<A> {
  if (edits.length === 0) return value;
  let text = '';
  let from = 0;
  for (const edit of edits) {
    text += value.text.slice(from, edit.start) + edit.replacement;
    from = edit.end;
  }
  text += value.text.slice(from);
  const anchors: A[] = [];
  let next = 0;
  let shift = 0;
  for (const anchor of value.anchors) {
    // Edits wholly before the anchor (an insertion at its offset included) move it by their change in length.
    while (next < edits.length && edits[next]!.end <= anchor.offset) {
      const edit = edits[next++]!;
      shift += edit.replacement.length - (edit.end - edit.start);
    }
    const inside = next < edits.length && edits[next]!.start <= anchor.offset;
    const offset = inside ? edits[next]!.start + shift : anchor.offset + shift;
    anchors.push(offset === anchor.offset ? anchor : { ...anchor, offset });
  }
  return { text, anchors };
}

/** Replaces every match of a global pattern by what `replacement` makes of it. */
export function replace<A extends Anchor>(
  value: AnchoredText<A>,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
): AnchoredText<A> {
  if (!pattern.global) throw new TypeError('replace needs a global pattern');
  const edits: Edit[] = [];
  for (const match of value.text.matchAll(pattern)) {
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: replacement(match as RegExpExecArray) });
  }
  return applyEdits(value, edits);
}

/** Removes the ranges [start, end), given sorted and not overlapping. */
export function removeRanges<A extends Anchor>(value: AnchoredText<A>, ranges: readonly (readonly [number, number])[]): AnchoredText<A> {
  return applyEdits(
    value,
    ranges.filter(([start, end]) => end > start).map(([start, end]) => ({ start, end, replacement: '' })),
  );
}

/** Inserts `text` at `at`: an anchor standing there stays on its character, after the insertion. */
export function insert<A extends Anchor>(value: AnchoredText<A>, at: number, text: string): AnchoredText<A> {
  return applyEdits(value, [{ start: at, end: at, replacement: text }]);
}

/** The text from `start` to `end`, with the anchors standing on it (and at the end, if it reaches the end). */
export function slice<A extends Anchor>(value: AnchoredText<A>, start: number, end = value.text.length): AnchoredText<A> {
  const reachesEnd = end >= value.text.length;
  const anchors = value.anchors
    .filter((a) => a.offset >= start && (a.offset < end || (reachesEnd && a.offset === value.text.length)))
    .map((a) => (start === 0 ? a : { ...a, offset: a.offset - start }));
  return { text: value.text.slice(start, end), anchors };
}

/** Without leading and trailing whitespace; anchors there move onto the text's first character or its end. */
export function trim<A extends Anchor>(value: AnchoredText<A>): AnchoredText<A> {
  const { text } = value;
  const end = text.trimEnd().length;
  const start = end - text.slice(0, end).trimStart().length;
  return removeRanges(value, [
    [0, start],
    [end, text.length],
  ]);
}

/** The parts one after the other, `separator` between them. */
export function join<A extends Anchor>(parts: readonly AnchoredText<A>[], separator = ''): AnchoredText<A> {
  let text = '';
  const anchors: A[] = [];
  for (const [index, part] of parts.entries()) {
    if (index > 0) text += separator;
    const base = text.length;
    for (const anchor of part.anchors) anchors.push(base === 0 ? anchor : { ...anchor, offset: anchor.offset + base });
    text += part.text;
  }
  return { text, anchors };
}
