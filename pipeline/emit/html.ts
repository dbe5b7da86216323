/**
 * UnDocument → one standalone HTML5 page: `<article>` with the masthead facts in a `<header>`,
 * nested `<section>`s following the heading outline, annexes, and footnotes linked both ways.
 *
 * Every piece of text comes from the PDF and is escaped; the page has no script and loads nothing,
 * its style is inline. Ids are the document's own (unique by validation) plus the back-reference
 * ids made here, which are kept distinct from them, so every `href="#…"` finds exactly one target.
 */
import { tableHtml } from './table-html.js';
import type { Annex, Block, Footnote, FootnoteRef, ItemBlock, Provenance, UnDocument } from '../model.js';
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
 * Characters that must not appear raw: the five markup characters, and the control and
 * non-characters that make an HTML parse error (they come out of broken PDF fonts) → U+FFFD.
 */
const HTML_UNSAFE = /[&<>"'\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;

const CHARACTER_REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** ISO 639-1 codes of languages written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'ur', 'yi']);

/** BCP 47 "undetermined", for a document whose language the masthead did not tell. */
const UNKNOWN_LANGUAGE = 'und';

/** Text of the links from a note back to where it is referenced; U+FE0E asks for the glyph, not an emoji. */
const BACK_LINK_TEXT = '↩\uFE0E';

/** Readable on screen and on paper without any external resource; logical properties follow `dir`. */
const STYLE = [
  'body{margin:0;color:#1b1b1b;background:#fff;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}',
  'article{max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.6rem;line-height:1.25}',
  'h2{font-size:1.3rem}h3{font-size:1.15rem}h4,h5,h6{font-size:1rem}',
  'header{border-bottom:1px solid #ccc;margin-bottom:1.5rem;padding-bottom:1rem}',
  'header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0;font-size:.9rem}',
  'dt{font-weight:600}dd{margin:0}',
  '.number,.marker{font-weight:600}',
  'ul.items{list-style:none;margin:.25rem 0 1rem;padding-inline-start:1.5rem}',
  'ul.items>li{margin:.25rem 0}',
  '.table{overflow-x:auto;margin:1rem 0}',
  '.contents ul{list-style:none;padding:0}',
  '.contents .paragraphs,.contents .page{margin-left:1em;color:#555}',
  'table{border-collapse:collapse}',
  'th,td{border:1px solid #aaa;padding:.25rem .5rem;text-align:start;vertical-align:top}',
  '.annex{border-top:1px solid #ccc;margin-top:2rem}',
  '.notes{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}',
  '.notes ol{list-style:none;padding:0}',
  '.notes li{margin:.35rem 0}',
  '.notes li:target{background:#fff3bf}',
  'a.note-ref{text-decoration:none}',
].join('');

interface HtmlContext {
  /** HTML fragments, one line each in the output. */
  lines: string[];
  footnotes: Map<string, Footnote>;
  /** Footnote id → ids of the references to it, in reading order: the targets of its back-links. */
  backReferences: Map<string, string[]>;
  /** Every id in the page, so that an id made here never repeats one. */
  usedIds: Set<string>;
  /** Outline levels of the open `<section>`s, innermost last. */
  openSections: number[];
  /** Rank under which the current body's level-1 headings nest. */
  parentRank: number;
  /** ` lang="en"` on the English interface words (labels, "Notes") of a document in another language. */
  interfaceLang: string;
}

/** Escapes text for element content and for attribute values. */
function escapeHtml(text: string): string {
  return text.replace(HTML_UNSAFE, (character) => CHARACTER_REFERENCES[character] ?? '\uFFFD');
}

/**
 * Where the element was printed, for a viewer to link back to the PDF: `data-page` lists the page
 * of each provenance entry and `data-bbox` its box (`x0,y0,x1,y1`, points from the page's top-left
 * corner), both space-separated and in the same order. Nothing for an element without provenance.
 */
function provenanceAttributes(prov: readonly Provenance[]): string {
  if (prov.length === 0) return '';
  const pages = prov.map((entry) => entry.page).join(' ');
  const boxes = prov.map((entry) => entry.bbox.join(',')).join(' ');
  return ` data-page="${pages}" data-bbox="${boxes}"`;
}

/** `preferred` when no element has that id yet, else the first free `preferred-2`, `preferred-3`, …. */
function claimId(preferred: string, usedIds: Set<string>): string {
  let id = preferred;
  for (let suffix = 2; usedIds.has(id); suffix++) id = `${preferred}-${suffix}`;
  usedIds.add(id);
  return id;
}

/** The ids the document itself gives to blocks, annexes and footnotes. */
function documentIds(document: UnDocument): Set<string> {
  const ids = new Set<string>();
  const addBlocks = (blocks: readonly Block[]): void => {
    for (const block of blocks) ids.add(block.id);
  };
  addBlocks(document.body);
  for (const annex of document.annexes) {
    ids.add(annex.id);
    addBlocks(annex.body);
  }
  for (const footnote of document.footnotes) ids.add(footnote.id);
  return ids;
}

/** A superscript link to the note, with an id its back-link returns to: `fn-1` → `fnref-1`, then `fnref-1-2`, …. */
function noteReference(ref: FootnoteRef, context: HtmlContext): string {
  const footnote = context.footnotes.get(ref.id);
  // A ref to a footnote that does not exist (an invalid document) gets no link: it would be broken.
  if (footnote === undefined) return '';
  let backReferences = context.backReferences.get(ref.id);
  if (backReferences === undefined) {
    backReferences = [];
    context.backReferences.set(ref.id, backReferences);
  }
  const base = `fnref-${ref.id.startsWith('fn-') ? ref.id.slice('fn-'.length) : ref.id}`;
  const id = claimId(backReferences.length === 0 ? base : `${base}-${backReferences.length + 1}`, context.usedIds);
  backReferences.push(id);
  const target = escapeHtml(ref.id);
  return `<sup><a href="#${target}" id="${escapeHtml(id)}" class="note-ref" role="doc-noteref">${escapeHtml(footnote.marker)}</a></sup>`;
}

/** Escaped text with a note reference at the place of each of its footnote markers. */
function inlineWithRefs(text: string, refs: readonly FootnoteRef[], context: HtmlContext): string {
  const { marked, rest } = splitAtFootnoteRefs(text, refs);
  if (marked.length === 0) return escapeHtml(rest);
  const parts: string[] = [];
  for (const { before, ref } of marked) parts.push(escapeHtml(before), noteReference(ref, context));
  parts.push(escapeHtml(rest));
  return parts.join('');
}

function itemList(items: readonly ItemBlock[], context: HtmlContext): string {
  const parts = ['<ul class="items">'];
  for (const item of items) {
    parts.push(`<li${provenanceAttributes(item.prov)}>`);
    if (item.label !== null) parts.push(`<span class="label">${escapeHtml(item.label)}</span> `);
    parts.push(inlineWithRefs(item.text, item.footnoteRefs, context));
    if (item.items !== undefined && item.items.length > 0) parts.push(itemList(item.items, context));
    parts.push('</li>');
  }
  parts.push('</ul>');
  return parts.join('');
}

function closeSections(deepestKept: number, context: HtmlContext): void {
  while ((context.openSections.at(-1) ?? 0) > deepestKept) {
    context.openSections.pop();
    context.lines.push('</section>');
  }
}

const BLOCK_WRITERS = {
  heading: (block, context) => {
    // A heading closes the sections of its level and deeper, then opens its own.
    closeSections(block.level - 1, context);
    context.openSections.push(block.level);
    context.lines.push('<section>');
    const rank = headingRank(block.level, context.parentRank);
    const text = inlineWithRefs(block.text, block.footnoteRefs, context);
    // A heading that is all number ("Article 1") has no text to keep apart from it.
    const number = block.number === null ? '' : `<span class="number">${escapeHtml(block.number)}</span>${text === '' ? '' : ' '}`;
    context.lines.push(`<h${rank} id="${escapeHtml(block.id)}"${provenanceAttributes(block.prov)}>${number}${text}</h${rank}>`);
  },
  paragraph: (block, context) => {
    // The model keeps the number without its dot; the page shows it as printed, `23.`.
    const number = block.number === null ? '' : `<span class="number">${escapeHtml(block.number)}.</span> `;
    const text = inlineWithRefs(block.text, block.footnoteRefs, context);
    context.lines.push(`<p id="${escapeHtml(block.id)}"${provenanceAttributes(block.prov)}>${number}${text}</p>`);
    if (block.items !== undefined && block.items.length > 0) context.lines.push(itemList(block.items, context));
  },
  table: (block, context) => {
    if (block.rows.length === 0) return;
    context.lines.push(
      `<div class="table">${tableHtml(
        block,
        escapeHtml,
        block.id,
        provenanceAttributes(block.prov),
        (cell) => provenanceAttributes(cell.prov ?? []),
        (cell) => inlineWithRefs(cell.text, cell.footnoteRefs ?? [], context),
      )}</div>`,
    );
  },
  contents: (block, context) => {
    const parts = [`<nav id="${escapeHtml(block.id)}" class="contents"${provenanceAttributes(block.prov)}>`];
    if (block.title !== null) parts.push(`<p class="contents-title">${escapeHtml(block.title)}</p>`);
    if (block.columns.length > 0) parts.push(`<p class="contents-columns">${escapeHtml(block.columns.join(' '))}</p>`);
    parts.push('<ul>');
    for (const entry of block.entries) {
      const label = entry.label === null ? '' : `<span class="number">${escapeHtml(entry.label)}</span> `;
      const paragraphs = entry.paragraphs === undefined ? '' : ` <span class="paragraphs">${escapeHtml(entry.paragraphs)}</span>`;
      const page = entry.page === null ? '' : ` <span class="page">${escapeHtml(entry.page)}</span>`;
      parts.push(`<li${provenanceAttributes(entry.prov)}>${label}${escapeHtml(entry.title)}${paragraphs}${page}</li>`);
    }
    parts.push('</ul></nav>');
    context.lines.push(parts.join(''));
  },
} satisfies BlockHandlers<HtmlContext, void>;

function writeBlocks(blocks: readonly Block[], parentRank: number, context: HtmlContext): void {
  context.parentRank = parentRank;
  for (const block of blocks) dispatchBlock(BLOCK_WRITERS, block, context);
  closeSections(0, context);
}

function writeAnnex(annex: Annex, context: HtmlContext): void {
  context.lines.push(`<section id="${escapeHtml(annex.id)}" class="annex"${provenanceAttributes(annex.prov)}>`);
  context.lines.push(`<h${ANNEX_LABEL_RANK}>${escapeHtml(annex.label)}</h${ANNEX_LABEL_RANK}>`);
  if (annex.title !== null) {
    context.lines.push(`<h${ANNEX_TITLE_RANK}>${inlineWithRefs(annex.title, annex.footnoteRefs ?? [], context)}</h${ANNEX_TITLE_RANK}>`);
  }
  writeBlocks(annex.body, annexParentRank(annex), context);
  context.lines.push('</section>');
}

/** The notes list: every footnote, with a back-link to each place that references it (none if unreferenced). */
function writeNotes(footnotes: readonly Footnote[], context: HtmlContext): void {
  if (footnotes.length === 0) return;
  const notesRank = headingRank(1, TITLE_RANK);
  context.lines.push('<section class="notes" role="doc-endnotes">');
  context.lines.push(`<h${notesRank}${context.interfaceLang}>Notes</h${notesRank}>`);
  context.lines.push('<ol>');
  for (const footnote of footnotes) {
    const parts = [
      `<li id="${escapeHtml(footnote.id)}"${provenanceAttributes(footnote.prov)}><span class="marker">${escapeHtml(footnote.marker)}</span> `,
      escapeHtml(footnote.text),
    ];
    const backReferences = context.backReferences.get(footnote.id) ?? [];
    backReferences.forEach((id, index) => {
      const ordinal = index === 0 ? '' : `<sup>${index + 1}</sup>`;
      parts.push(
        ` <a href="#${escapeHtml(id)}" class="back-ref" role="doc-backlink"${context.interfaceLang}`,
        ` aria-label="Back to reference ${index + 1}">${BACK_LINK_TEXT}${ordinal}</a>`,
      );
    });
    parts.push('</li>');
    context.lines.push(parts.join(''));
  }
  context.lines.push('</ol>', '</section>');
}

/** Renders a document as a standalone HTML5 page. */
export function toHtml(document: UnDocument): string {
  const language = document.metadata.language ?? UNKNOWN_LANGUAGE;
  const direction = RTL_LANGUAGES.has(language) ? ' dir="rtl"' : '';
  const title = escapeHtml(displayTitle(document));
  const context: HtmlContext = {
    lines: [],
    footnotes: new Map(document.footnotes.map((footnote) => [footnote.id, footnote])),
    backReferences: new Map(),
    usedIds: documentIds(document),
    openSections: [],
    parentRank: TITLE_RANK,
    interfaceLang: language === 'en' ? '' : ' lang="en"',
  };
  context.lines.push(
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"${direction}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    '<header>',
    `<h${TITLE_RANK}>${title}</h${TITLE_RANK}>`,
  );
  const fields = metadataFields(document.metadata);
  if (fields.length > 0) {
    context.lines.push('<dl>');
    for (const { label, value } of fields) {
      context.lines.push(`<dt${context.interfaceLang}>${label}</dt><dd>${escapeHtml(value)}</dd>`);
    }
    context.lines.push('</dl>');
  }
  context.lines.push('</header>');
  writeBlocks(document.body, TITLE_RANK, context);
  for (const annex of document.annexes) writeAnnex(annex, context);
  writeNotes(document.footnotes, context);
  context.lines.push('</article>', '</main>', '</body>', '</html>');
  return `${context.lines.join('\n')}\n`;
}
