/**
 * UnDocument → Markdown (CommonMark with GFM tables and footnotes), written to render on GitHub.
 *
 * Every piece of text comes from the PDF and is untrusted: each character Markdown could read as
 * syntax is backslash-escaped, so `<script>`, HTML tags or `[x](javascript:…)` in a document render
 * as the literal characters. Each text is written on one line, so only a line's start can open a block.
 *
 * Which text becomes a link is decided here, not left to a renderer's autolinking: a web address
 * (`http://`, `https://`, `www.`) or an e-mail address in the text is written as an explicit link
 * with its characters unescaped (escaping would leave backslashes inside an autolinked address);
 * nothing else can become one, so `javascript:` and the like always stay text.
 */
import { hasSpans, tableHtml } from './table-html.js';
import type { Annex, Block, Footnote, FootnoteRef, ItemBlock, TableCell, UnDocument } from '../model.js';
import {
  ANNEX_LABEL_RANK,
  ANNEX_TITLE_RANK,
  type BlockHandlers,
  annexParentRank,
  dispatchBlock,
  displayTitle,
  headingRank,
  metadataFields,
  splitAtFootnoteRefs,
  TITLE_RANK,
} from './common.js';

/**
 * Characters that open inline syntax anywhere in a line: backslash escapes, code (`), emphasis
 * (* _), links and footnote references ([ ]), raw HTML and autolinks (< >), entities (&),
 * strikethrough (~), GitHub math ($), table cells (|) and the closing sequence of a heading (#).
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&~$|#]/g;

/** Texts are single lines in the model, but a stray line break would let the next line open a block. */
const LINE_BREAKS = /[\r\n]+/g;

/**
 * What would turn the start of a line into something else: indentation (four spaces make a code
 * block), a bullet (`-`, `+`), or an ordered-list number (`23.`, `1)`) followed by a space.
 */
const LINE_START_SYNTAX = /^[ \t]*(?:([-+])|(\d{1,9})([.)])(?=[ \t]|$))?/;

/**
 * Next to a footnote reference, `[^1](x)` would read as a link, `[^1]:` at a line start as a
 * definition, and `![^1]` as an image; the neighbouring character is escaped in those spots.
 */
const FOOTNOTE_MARK_NEIGHBOUR_SYNTAX = /!(?=\[\^)|(?<=\[\^[^\]\s]+\])[(:]/g;

/** Labels that are bullet glyphs rather than letters or numbers: the Markdown bullet already shows them. */
const BULLET_LABELS = new Set(['•', '◦', '▪', '▫', '‣', '⁃', '∙', '·', '-', '–', '—', '*', '○', '●', '■', '□', '►', '➢']);

/** Readable names for marker symbols, so `*` gets the label `[^star]`; other symbols are dropped. */
const MARKER_SYMBOL_NAMES: Readonly<Record<string, string>> = {
  '*': 'star',
  '†': 'dagger',
  '‡': 'double-dagger',
  '§': 'section',
  '¶': 'pilcrow',
  '#': 'hash',
};

/** Characters kept as they are in a footnote label (GFM labels are matched case-insensitively). */
const LABEL_CHARACTER = /^[a-z0-9]$/;

/** Spaces that nest a list under an item opened by `- `. */
const LIST_INDENT = '  ';

interface MarkdownContext {
  /** Markdown blocks, separated by blank lines in the output. */
  blocks: string[];
  /** Footnote id → its GFM label, e.g. `fn-1` → `1`. */
  labels: Map<string, string>;
  /** Footnotes referenced at least once: GitHub drops a definition nobody references. */
  referenced: Set<string>;
  /** Footnote id → its marker as printed, for the markers in tables written as HTML. */
  markers: Map<string, string>;
  /** Rank under which the current body's level-1 headings nest. */
  parentRank: number;
}

/**
 * Web and e-mail addresses as GitHub's autolinking finds them in text: a scheme or `www.`, then
 * no space or angle bracket; an e-mail's local part and a dotted domain. Trailing punctuation
 * (`.`, `,`, `)` closing a sentence) is not part of the address, as for GitHub.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"`]+|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const ADDRESS_TRAILING_PUNCTUATION = /[.,:;!?'*_~\]]+$/;
/** What may appear in an address written as an autolink `<…>`: no space, control character, bracket or table pipe. */
const AUTOLINK_SAFE = /^[^\s<>|\u0000-\u001f\u007f]+$/;

/** The address without the punctuation that ends the sentence around it; a `)` stays when it closes a `(` of the address. */
function trimAddress(address: string): string {
  let trimmed = address.replace(ADDRESS_TRAILING_PUNCTUATION, '');
  while (trimmed.endsWith(')') && trimmed.split(')').length > trimmed.split('(').length) {
    trimmed = trimmed.slice(0, -1).replace(ADDRESS_TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

/** Escapes plain text (no address in it) for use inside a line. */
function escapeText(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&');
}

/** An address as a link: `<https://…>`, `<name@host>`, or `[www.…](<http://www.…>)`. */
function addressLink(address: string): string {
  if (address.startsWith('www.')) return `[${escapeText(address)}](<http://${address}>)`;
  return `<${address}>`;
}

/** Escapes text for use inside a line; its web and e-mail addresses become links (see the module comment). */
function escapeInline(text: string): string {
  const line = text.replace(LINE_BREAKS, ' ');
  const parts: string[] = [];
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    // An address glued to a preceding word character is part of that word (`x.www.y`): left as text.
    const glued = match.index > 0 && /[A-Za-z0-9_]/.test(line[match.index - 1]!);
    if (glued || !AUTOLINK_SAFE.test(address) || address.length < 4) continue;
    parts.push(escapeText(line.slice(last, match.index)), addressLink(address));
    last = match.index + address.length;
  }
  parts.push(escapeText(line.slice(last)));
  return parts.join('');
}

/** Escapes what would make already inline-escaped content open a list or a code block at a line start. */
function escapeLineStart(line: string): string {
  return line.replace(
    LINE_START_SYNTAX,
    (_match: string, bullet: string | undefined, digits: string | undefined, delimiter: string | undefined) => {
      if (bullet !== undefined) return `\\${bullet}`;
      if (digits !== undefined) return `${digits}\\${delimiter ?? ''}`;
      return '';
    },
  );
}

/** Escaped text with a `[^label]` reference at the place of each of its footnote markers. */
function inlineWithRefs(text: string, refs: readonly FootnoteRef[], context: MarkdownContext): string {
  const { marked, rest } = splitAtFootnoteRefs(text, refs);
  if (marked.length === 0) return escapeInline(rest);
  const parts: string[] = [];
  for (const { before, ref } of marked) {
    parts.push(escapeInline(before));
    const label = context.labels.get(ref.id);
    // A ref to a footnote that does not exist (an invalid document) gets no reference: it would dangle.
    if (label === undefined) continue;
    parts.push(`[^${label}]`);
    context.referenced.add(ref.id);
  }
  parts.push(escapeInline(rest));
  return parts.join('').replace(FOOTNOTE_MARK_NEIGHBOUR_SYNTAX, '\\$&');
}

function itemLines(items: readonly ItemBlock[], indent: string, lines: string[], context: MarkdownContext): void {
  for (const item of items) {
    const label = item.label === null || BULLET_LABELS.has(item.label) ? '' : `${escapeInline(item.label)} `;
    lines.push(`${indent}- ${escapeLineStart(label + inlineWithRefs(item.text, item.footnoteRefs, context))}`);
    if (item.items !== undefined) itemLines(item.items, indent + LIST_INDENT, lines, context);
  }
}

/** Text inside an HTML table in Markdown: HTML's special characters, and line breaks that would end the HTML block. */
function escapeMarkdownHtml(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A GFM table row; short rows are padded so every row has `width` cells. */
function tableRow(cells: readonly TableCell[], width: number, context: MarkdownContext): string {
  const escaped: string[] = [];
  for (let column = 0; column < width; column++) {
    const cell = cells[column];
    escaped.push(cell === undefined ? '' : inlineWithRefs(cell.text, cell.footnoteRefs ?? [], context));
  }
  return `| ${escaped.join(' | ')} |`;
}

const BLOCK_WRITERS = {
  heading: (block, context) => {
    const text = inlineWithRefs(block.text, block.footnoteRefs, context);
    // A heading that is all number ("Article 1") has no text after it.
    const content = block.number === null ? text : text === '' ? escapeInline(block.number) : `${escapeInline(block.number)} ${text}`;
    context.blocks.push(`${'#'.repeat(headingRank(block.level, context.parentRank))} ${content}`);
  },
  paragraph: (block, context) => {
    const text = inlineWithRefs(block.text, block.footnoteRefs, context);
    // `23. ` would start an ordered list renumbered from 23; escaping the dot keeps the number as printed.
    const line = escapeLineStart(block.number === null ? text : `${escapeInline(block.number)}. ${text}`);
    if (line !== '') context.blocks.push(line);
    if (block.items !== undefined && block.items.length > 0) {
      const lines: string[] = [];
      itemLines(block.items, '', lines, context);
      context.blocks.push(lines.join('\n'));
    }
  },
  table: (block, context) => {
    if (block.rows.length === 0) return;
    // GFM holds one header row and no spans; other tables are written as HTML, which GitHub renders too.
    const headerRows = block.headerRows ?? 1;
    if (hasSpans(block) || headerRows > 1) {
      // Markdown's `[^1]` is not read inside HTML: a cell's markers are printed raised, their notes listed unlinked.
      const content = (cell: TableCell) =>
        escapeMarkdownHtml(cell.text) +
        (cell.footnoteRefs ?? []).map((ref) => `<sup>${escapeMarkdownHtml(context.markers.get(ref.id) ?? '')}</sup>`).join('');
      context.blocks.push(tableHtml(block, escapeMarkdownHtml, undefined, '', undefined, content));
      return;
    }
    const width = block.rows.reduce((widest, row) => Math.max(widest, row.length), 1);
    const [header, ...body] = headerRows === 1 ? block.rows : [[], ...block.rows];
    const lines = [tableRow(header!, width, context), `|${' --- |'.repeat(width)}`];
    for (const row of body) lines.push(tableRow(row, width, context));
    context.blocks.push(lines.join('\n'));
  },
  contents: (block, context) => {
    // A list, not headings: the entries' numbers and titles, then the paragraphs and page as printed.
    if (block.title !== null) context.blocks.push(`**${escapeInline(block.title)}**`);
    if (block.columns.length > 0) context.blocks.push(`*${escapeInline(block.columns.join(' · '))}*`);
    const entries = block.entries.map((entry) => {
      const title = [entry.label, entry.title].filter((part) => part !== null && part !== '').join(' ');
      const numbers = [entry.paragraphs, entry.page].filter((part) => part !== undefined && part !== null);
      return `- ${escapeInline([title, ...numbers].join(' · '))}`;
    });
    if (entries.length > 0) context.blocks.push(entries.join('\n'));
  },
} satisfies BlockHandlers<MarkdownContext, void>;

function writeBlocks(blocks: readonly Block[], parentRank: number, context: MarkdownContext): void {
  context.parentRank = parentRank;
  for (const block of blocks) dispatchBlock(BLOCK_WRITERS, block, context);
}

function writeAnnex(annex: Annex, context: MarkdownContext): void {
  context.blocks.push(`${'#'.repeat(ANNEX_LABEL_RANK)} ${escapeInline(annex.label)}`);
  if (annex.title !== null)
    context.blocks.push(`${'#'.repeat(ANNEX_TITLE_RANK)} ${inlineWithRefs(annex.title, annex.footnoteRefs ?? [], context)}`);
  writeBlocks(annex.body, annexParentRank(annex), context);
}

/** The footnote's marker turned into a GFM label: `1` → `1`, `a` → `a`, `*` → `star`, `**` → `star-star`. */
function labelFromMarker(marker: string): string {
  const words: string[] = [];
  let word = '';
  for (const character of marker.toLowerCase()) {
    if (LABEL_CHARACTER.test(character)) {
      word += character;
      continue;
    }
    if (word !== '') words.push(word);
    word = '';
    const name = MARKER_SYMBOL_NAMES[character];
    if (name !== undefined) words.push(name);
  }
  if (word !== '') words.push(word);
  return words.length > 0 ? words.join('-') : 'note';
}

/** A distinct label per footnote; a marker used again (annexes restart at 1) gets `-2`, `-3`, …. */
function footnoteLabels(footnotes: readonly Footnote[]): Map<string, string> {
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  for (const footnote of footnotes) {
    const base = labelFromMarker(footnote.marker);
    let label = base;
    for (let suffix = 2; taken.has(label); suffix++) label = `${base}-${suffix}`;
    taken.add(label);
    labels.set(footnote.id, label);
  }
  return labels;
}

/**
 * Referenced footnotes become GFM definitions, which GitHub lists at the bottom. A footnote no
 * text references (such as the asterisk note on the masthead's agenda item) would be dropped by
 * GitHub as a definition, so it is written as a plain paragraph after a rule, marker first.
 */
function writeFootnotes(footnotes: readonly Footnote[], context: MarkdownContext): void {
  const unreferenced = footnotes.filter((footnote) => !context.referenced.has(footnote.id));
  if (unreferenced.length > 0) {
    context.blocks.push('---');
    for (const footnote of unreferenced) {
      context.blocks.push(escapeLineStart(`${escapeInline(footnote.marker)} ${escapeInline(footnote.text)}`));
    }
  }
  for (const footnote of footnotes) {
    const label = context.labels.get(footnote.id);
    if (label === undefined || !context.referenced.has(footnote.id)) continue;
    context.blocks.push(`[^${label}]: ${definitionSafe(escapeLineStart(escapeInline(footnote.text)))}`);
  }
}

/**
 * A footnote definition that a renderer without footnotes (plain CommonMark) reads as a link
 * reference definition: one token, optionally a quoted title. With a scheme in the token,
 * `[^2]: javascript:alert(2)` would make every `[^2]` of the text such a link there; a token
 * without one (`A/60/871.`) is a harmless relative link and is left alone.
 */
const LINK_DEFINITION_SHAPE = /^(?:<[^>]*>|\S+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
const SCHEME = /^<?[A-Za-z][A-Za-z0-9+.-]*:/;
const SAFE_SCHEME = /^<(?:https?:\/\/|[^>:]+@)/;
/** A zero-width space as an entity: invisible where footnotes render, and no title, so no definition, where they do not. */
const DEFINITION_BREAK = ' &#8203;';

function definitionSafe(content: string): string {
  const unsafe = LINK_DEFINITION_SHAPE.test(content) && SCHEME.test(content) && !SAFE_SCHEME.test(content);
  return unsafe ? content + DEFINITION_BREAK : content;
}

/** Renders a document as Markdown: title, metadata list, body, annexes, then the footnotes. */
export function toMarkdown(document: UnDocument): string {
  const context: MarkdownContext = {
    blocks: [`${'#'.repeat(TITLE_RANK)} ${escapeInline(displayTitle(document))}`],
    labels: footnoteLabels(document.footnotes),
    referenced: new Set(),
    markers: new Map(document.footnotes.map((footnote) => [footnote.id, footnote.marker])),
    parentRank: TITLE_RANK,
  };
  const fields = metadataFields(document.metadata);
  if (fields.length > 0) {
    context.blocks.push(fields.map(({ label, value }) => `- **${label}:** ${escapeInline(value)}`).join('\n'));
  }
  writeBlocks(document.body, TITLE_RANK, context);
  for (const annex of document.annexes) writeAnnex(annex, context);
  writeFootnotes(document.footnotes, context);
  return `${context.blocks.join('\n\n')}\n`;
}
