/** The output formats and their emitters, in one table the CLI iterates over. */
import type { UnDocument } from '../model.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';

/** An output format, as named on the command line (`--format json,md,html`). */
export type Format = 'json' | 'md' | 'html';

/** Every format, in the order outputs are written and listed. */
export const FORMATS: readonly Format[] = ['json', 'md', 'html'];

/** The function that renders a document in each format; each returns the complete file text. */
export const EMITTERS = {
  json: toJson,
  md: toMarkdown,
  html: toHtml,
} satisfies Record<Format, (document: UnDocument) => string>;

/** File extension of each format's output, with its dot: `X.pdf` → `X.json`, `X.md`, `X.html`. */
export const EXTENSIONS = {
  json: '.json',
  md: '.md',
  html: '.html',
} as const satisfies Record<Format, string>;
