/**
 * A/RES/217(III), the Universal Declaration of Human Rights, in the six official languages (the
 * replicas with exact text in the shared corpus): every article heading numbered in its own
 * language ("Article 1", "Article premier", "Artículo 1", "Статья 1", "المادة 1", "第一条"), and
 * `align` pairing the 30 articles and the numbered paragraphs inside them in all six.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignDocuments, alignmentSummary } from '../../pipeline/align/align.js';
import { convertPdf } from '../../pipeline/convert.js';
import type { HeadingBlock, UnDocument } from '../../pipeline/model.js';
import { REPLICA_DIR } from './shared.js';

const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
const pdfOf = (language: string): string => join(REPLICA_DIR, `A_RES_217_III-${language}.pdf`);
const HAVE_PDFS = LANGUAGES.every((language) => existsSync(pdfOf(language)));
const SKIP_REASON = `skipped: the A/RES/217(III) replicas are not in ${REPLICA_DIR} (the shared UN corpus is not part of this repository)`;
/** Six conversions on a busy two-core machine. */
const CONVERSION_TIMEOUT_MS = 180_000;

const versions = new Map<string, UnDocument>();
const headings = (language: string): HeadingBlock[] =>
  versions.get(language)!.body.filter((block): block is HeadingBlock => block.type === 'heading');

describe.skipIf(!HAVE_PDFS)(`A/RES/217(III) in the six languages${HAVE_PDFS ? '' : ` (${SKIP_REASON})`}`, () => {
  beforeAll(async () => {
    for (const language of LANGUAGES) {
      const file = pdfOf(language);
      versions.set(language, (await convertPdf(new Uint8Array(readFileSync(file)), file.split('/').pop()!)).document);
    }
  }, CONVERSION_TIMEOUT_MS);

  it('numbers the 30 article headings in every language, as printed, each a level-1 heading with no text of its own', () => {
    const first: Record<string, string> = {
      ar: 'المادة 1',
      en: 'Article 1',
      es: 'Artículo 1',
      fr: 'Article premier',
      ru: 'Статья 1',
      zh: '第一条',
    };
    const last: Record<string, string> = {
      ar: 'المادة 30',
      en: 'Article 30',
      es: 'Artículo 30',
      fr: 'Article 30',
      ru: 'Статья 30',
      zh: '第三十条',
    };
    for (const language of LANGUAGES) {
      const articles = headings(language).filter((heading) => heading.number !== null);
      expect(articles, language).toHaveLength(30);
      expect([articles[0]!.number, articles[29]!.number], language).toEqual([first[language], last[language]]);
      expect(
        articles.every((heading) => heading.text === '' && heading.level === 1),
        language,
      ).toBe(true);
    }
  });

  it('aligns the 30 articles and the 32 numbered paragraphs inside them in all six, none rejected', () => {
    const alignment = alignDocuments([...versions.values()]);
    const summary = alignmentSummary(alignment);
    expect(summary).toMatchObject({ complete: 62, paired: 62, unpaired: 0, rejected: 0 });
    expect(summary.byKind.heading).toEqual({ complete: 30, total: 30 });
    expect(summary.byKind.paragraph).toEqual({ complete: 32, total: 32 });
    const articles = alignment.units.filter((unit) => unit.kind === 'heading');
    expect(articles.map((unit) => unit.number)).toEqual(Array.from({ length: 30 }, (_, index) => `Article ${index + 1}`));
    // Article 13's two paragraphs follow its heading, in the six languages.
    const thirteen = alignment.units.findIndex((unit) => unit.number === 'Article 13');
    const [one, two] = alignment.units.slice(thirteen + 1, thirteen + 3);
    expect([one!.number, two!.number]).toEqual(['1', '2']);
    expect(one!.texts.en).toMatch(/^Everyone has the right to freedom of movement and residence/);
    expect(one!.texts.zh).toMatch(/^人人在各国境内有权自由迁徙和居住/);
    expect(two!.texts.ru).toMatch(/^Каждый человек имеет право покидать любую страну/);
  });
});
