/**
 * The manifest: what each output in an output directory was made from, so a rerun converts only
 * what changed (vite's dependency-optimizer idea: the cache key is stored next to the outputs).
 *
 * `<out>/.undoc-manifest.json` maps each output key (`a/X` for `<out>/a/X.json|md|html`) to the
 * source's sha256, size and mtime, the converter and schema versions and the formats written.
 * Every finished document is also appended to `<out>/.undoc-manifest.journal` (one JSON line,
 * cheap), and the whole manifest is rewritten atomically now and then and at the end. A run that
 * is killed therefore loses nothing: the next one replays the journal over the manifest.
 */
import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareKeys } from './inputs.js';
import { writeFileAtomic } from './write.js';

export const MANIFEST_FILE = '.undoc-manifest.json';
export const JOURNAL_FILE = '.undoc-manifest.journal';
/** Names the manifest layout; a manifest of another layout is ignored (everything reconverts). */
const MANIFEST_FORMAT = 'undoc-manifest/1';

/** What one document's outputs were made from. */
export interface ManifestEntry {
  /** The source PDF, relative to the output directory, `/`-separated (survives moving both). */
  source: string;
  sha256: string;
  /** Size and mtime of the source when it was hashed: a shortcut that spares rehashing. */
  size: number;
  mtimeMs: number;
  /** Page count of the source, so a report can count pages of unchanged documents too. */
  pages: number;
  converter: string;
  schema: string;
  formats: string[];
  /** `--pages` of the run that wrote the outputs; absent for every page. */
  pageSelection?: string;
  /** Output paths relative to the output directory → their size in bytes when written. */
  outputs: Record<string, number>;
}

interface ManifestFile {
  manifest: string;
  documents: Record<string, ManifestEntry>;
}

/** One journal line: an entry recorded, or (entry null) a document's outputs removed. */
interface JournalLine {
  key: string;
  entry: ManifestEntry | null;
}

/** The manifest of one output directory, loaded in memory and kept on disk as documents finish. */
export class Manifest {
  private readonly entries: Map<string, ManifestEntry>;
  /** Changes since the manifest file was last rewritten (recorded ones are in the journal). */
  private pendingSinceFlush = 0;
  /**
   * Disk operations run one after another: a rewrite must never delete the journal while a line
   * it did not include is being appended.
   */
  private queue: Promise<void> = Promise.resolve();

  /** A killed run may have left the journal's last line cut short, without its newline. */
  private journalNeedsNewline: boolean;

  private constructor(
    private readonly outDir: string,
    entries: Map<string, ManifestEntry>,
    private journalHasLines: boolean,
    journalText: string | null,
  ) {
    this.entries = entries;
    this.journalNeedsNewline = journalText !== null && journalText.length > 0 && !journalText.endsWith('\n');
  }

  /** Reads the manifest and replays the journal of an interrupted run; a missing one is empty. */
  static async load(outDir: string): Promise<Manifest> {
    const entries = new Map<string, ManifestEntry>();
    const text = await readFile(join(outDir, MANIFEST_FILE), 'utf8').catch(() => null);
    if (text !== null) {
      const parsed = safeParse(text) as Partial<ManifestFile> | undefined;
      if (parsed?.manifest === MANIFEST_FORMAT && parsed.documents && typeof parsed.documents === 'object') {
        for (const [key, entry] of Object.entries(parsed.documents)) if (isEntry(key, entry)) entries.set(key, entry);
      }
    }
    const journal = await readFile(join(outDir, JOURNAL_FILE), 'utf8').catch(() => null);
    let replayed = false;
    for (const line of journal?.split('\n') ?? []) {
      // The last line of a killed run may be cut short: it and anything unreadable are skipped.
      const record = safeParse(line) as Partial<JournalLine> | undefined;
      if (!record || typeof record.key !== 'string') continue;
      if (record.entry === null) entries.delete(record.key);
      else if (isEntry(record.key, record.entry)) entries.set(record.key, record.entry);
      replayed = true;
    }
    return new Manifest(outDir, entries, replayed || (journal !== null && journal.length > 0), journal);
  }

  get(key: string): ManifestEntry | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()].sort(compareKeys);
  }

  /** Records a finished document; durable once the returned promise settles. */
  record(key: string, entry: ManifestEntry): Promise<void> {
    return this.serially(async () => {
      this.entries.set(key, entry);
      await this.journal({ key, entry });
    });
  }

  /** Forgets a document whose outputs were removed. */
  forget(key: string): Promise<void> {
    return this.serially(async () => {
      if (this.entries.delete(key)) await this.journal({ key, entry: null });
    });
  }

  /**
   * Updates where a source found unchanged now lives and its size and mtime (a fresh checkout
   * gives every file a new mtime; remembering it spares hashing on the next run). In memory only:
   * it reaches the disk with the next rewrite, and losing it costs one rehash, nothing more.
   */
  refreshSource(key: string, source: string, size: number, mtimeMs: number): void {
    const entry = this.entries.get(key);
    if (!entry || (entry.source === source && entry.size === size && entry.mtimeMs === mtimeMs)) return;
    this.entries.set(key, { ...entry, source, size, mtimeMs });
    this.pendingSinceFlush++;
  }

  /** Whether the in-memory manifest differs from the manifest file. */
  get dirty(): boolean {
    return this.pendingSinceFlush > 0 || this.journalHasLines;
  }

  /** Rewrites the manifest file atomically (sorted, stable bytes) and empties the journal. */
  flush(): Promise<void> {
    return this.serially(() => this.rewrite());
  }

  /** Journal lines recorded since the last rewrite: the caller rewrites after enough of them. */
  get changesSinceFlush(): number {
    return this.pendingSinceFlush;
  }

  private async rewrite(): Promise<void> {
    if (!this.dirty) return;
    const documents: Record<string, ManifestEntry> = {};
    for (const key of this.keys()) documents[key] = this.entries.get(key)!;
    const file: ManifestFile = { manifest: MANIFEST_FORMAT, documents };
    await writeFileAtomic(join(this.outDir, MANIFEST_FILE), JSON.stringify(file, null, 2) + '\n');
    // Killed between these two lines, the journal replays onto a manifest that already holds it: harmless.
    await rm(join(this.outDir, JOURNAL_FILE), { force: true });
    this.pendingSinceFlush = 0;
    this.journalHasLines = false;
    this.journalNeedsNewline = false;
  }

  private serially(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation);
    // A failed operation rejects its own caller but must not block the ones queued after it.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async journal(line: JournalLine): Promise<void> {
    // Without the newline, a line cut short by a kill would swallow this one on the next replay.
    const prefix = this.journalNeedsNewline ? '\n' : '';
    await appendFile(join(this.outDir, JOURNAL_FILE), prefix + JSON.stringify(line) + '\n');
    this.journalNeedsNewline = false;
    this.journalHasLines = true;
    this.pendingSinceFlush++;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether `key` names a place inside the output directory: `/`-separated names, none empty, `.`
 * or `..`, no backslash or NUL. A manifest travels (CI caches, copies), so it is not trusted:
 * an entry `../../x` must never make undoc delete or write outside `--out`.
 */
export function isSafeKey(key: string): boolean {
  return key !== '' && !/[\\\0]/.test(key) && key.split('/').every((name) => name !== '' && name !== '.' && name !== '..');
}

function isEntry(key: string, value: unknown): value is ManifestEntry {
  const entry = value as Partial<ManifestEntry> | null;
  return (
    isSafeKey(key) &&
    !!entry?.outputs &&
    typeof entry.outputs === 'object' &&
    // Outputs are removed through their entry: each must name a file inside the output directory.
    Object.keys(entry.outputs).every(isSafeKey) &&
    !!entry &&
    typeof entry.source === 'string' &&
    typeof entry.sha256 === 'string' &&
    typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.pages === 'number' &&
    typeof entry.converter === 'string' &&
    typeof entry.schema === 'string' &&
    Array.isArray(entry.formats) &&
    !!entry.outputs &&
    typeof entry.outputs === 'object'
  );
}
