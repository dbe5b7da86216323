/** `undoc align`'s command line: outputs, stdout, and one-line errors with exit status 2. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { alignCommand } from '../../pipeline/cli/commands/align.js';
import { runCommand } from '../../pipeline/cli/main.js';
import { toJson } from '../../pipeline/emit/json.js';
import { ARABIC, ENGLISH, FRENCH, paragraph, version } from './fixtures.js';

let dir: string;
const path = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'undoc-align-test-'));
  await writeFile(path('ar.json'), toJson(ARABIC));
  await writeFile(path('en.json'), toJson(ENGLISH));
  await writeFile(path('fr.json'), toJson(FRENCH));
  await writeFile(path('en-copy.json'), toJson(ENGLISH));
  const cedaw = version('ru', [paragraph('1', 'Комитет рассмотрел шестой периодический доклад Центральноафриканской Республики.')]);
  cedaw.metadata.symbol = 'CEDAW/C/CAF/CO/6';
  cedaw.metadata.symbols = ['CEDAW/C/CAF/CO/6'];
  await writeFile(path('cedaw-ru.json'), toJson(cedaw));
  await writeFile(path('no-language.json'), toJson(version(null, [])));
  await writeFile(path('broken.json'), '{"schemaVersion": "1.0.0", ');
  await writeFile(path('manifest.json'), JSON.stringify({ schemaVersion: '1.0.0', documents: {} }));
  await writeFile(path('bad-paragraph.json'), JSON.stringify({ ...ENGLISH, body: [{ type: 'paragraph', number: 5, text: 'Five.' }] }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `undoc align` in-process and collects what it prints. */
async function align(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCommand(alignCommand, args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('undoc align', () => {
  it('writes the JSON and the TSV, leaves no temporary file, and says how much aligned', async () => {
    const result = await align(
      path('en.json'),
      path('fr.json'),
      path('ar.json'),
      '--out',
      path('out/E_2018_41.json'),
      '--tsv',
      path('out/E_2018_41.tsv'),
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(
      'aligned ar, en, fr: 18 units, 15 in every version, 3 in some, 0 unpaired; 0 texts rejected for their length\n' +
        '  in every version: 10 of 11 numbered paragraphs, 5 of 5 numbered headings, 0 of 2 sub-items\n' +
        '  length ratios: en/ar 1.31 ×÷2.00 (0.66-2.62, 9 samples), fr/ar 1.36 ×÷2.00 (0.68-2.72, 9 samples), ' +
        'fr/en 1.04 ×÷2.00 (0.52-2.08, 9 samples)\n',
    );
    const json = JSON.parse(await readFile(path('out/E_2018_41.json'), 'utf8'));
    expect(json.languages).toEqual(['ar', 'en', 'fr']);
    expect(json.units[7]).toEqual({
      kind: 'paragraph',
      scope: null,
      number: '5',
      texts: {
        ar: 'وقدم المتحدثون توصيات: (أ) تعزيز البحث؛ (ب) دعم الابتكار.',
        en: 'The speakers recommended: (a) Strengthening research; (b) Supporting innovation.',
      },
    });
    const tsv = await readFile(path('out/E_2018_41.tsv'), 'utf8');
    expect(tsv.split('\n')[1]).toBe(
      'paragraph\t\t1\tعقدت لجنة الأمم المتحدة الاقتصادية والاجتماعية لغربي آسيا دورتها الثلاثين.\t' +
        'The Economic and Social Commission for Western Asia held its thirtieth session.\t' +
        'La Commission économique et sociale pour l’Asie occidentale a tenu sa trentième session.',
    );
    expect((await readdir(path('out'))).sort()).toEqual(['E_2018_41.json', 'E_2018_41.tsv']);
  });

  it('prints the JSON on stdout when neither --out nor --tsv is given', async () => {
    const result = await align(path('en.json'), path('fr.json'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout).languages).toEqual(['en', 'fr']);
  });

  it('shows its usage on --help', async () => {
    const result = await align('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n {2}undoc align <A\.json> <B\.json>/);
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['one input', ['en.json'], /^undoc: align needs at least two JSON documents/],
    ['an unknown option', ['en.json', 'fr.json', '--colour'], /^undoc: unknown option --colour$/],
    ['a mistyped option', ['en.json', 'fr.json', '--tvs', 'x.tsv'], /^undoc: unknown option --tvs \(did you mean --tsv\?\)$/],
    ['--out and --tsv on one file', ['en.json', 'fr.json', '--tsv', 'REFUSED'], /^undoc: --out and --tsv name the same file/],
    [
      'two inputs in one language',
      ['en.json', 'en-copy.json'],
      /en\.json and .*en-copy\.json are both in "en": give one document per language$/,
    ],
    ['an input without a language', ['en.json', 'no-language.json'], /no-language\.json: metadata\.language is not set/],
    ['a missing input', ['en.json', 'nowhere.json'], /nowhere\.json: no such file$/],
    ['an input that is not JSON', ['en.json', 'broken.json'], /broken\.json: not JSON \(/],
    [
      'JSON that is not an undoc document',
      ['en.json', 'manifest.json'],
      /manifest\.json: not an undoc document \(\/source\/file: expected a string\)/,
    ],
    [
      'a block of the wrong shape',
      ['en.json', 'bad-paragraph.json'],
      /bad-paragraph\.json: not an undoc document \(\/body\/0\/number: expected a string or null\)/,
    ],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name}: exit 2, one line, nothing written`, async () => {
      const refusedOutput = path('refused/alignment.json');
      const inputs = args.map((arg) => (arg.endsWith('.json') ? path(arg) : arg === 'REFUSED' ? refusedOutput : arg));
      const result = await align(...inputs, '--out', refusedOutput);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const [first, ...rest] = result.stderr.trimEnd().split('\n');
      expect(first).toMatch(message);
      // A mistake in the command line also gets the usage line; a bad input does not need it.
      expect(rest).toEqual(
        /^undoc: (align needs|unknown option|--out and)/.test(first!) ? [expect.stringMatching(/^usage: undoc align /)] : [],
      );
      await expect(readdir(path('refused'))).rejects.toThrow();
    });
  }

  it('E/2018/41-en with CEDAW/C/CAF/CO/6-ru: exit 4, one line naming both symbols, nothing written', async () => {
    const result = await align(path('en.json'), path('cedaw-ru.json'), '--out', path('mismatch/alignment.json'));
    expect(result).toMatchObject({ code: 4, stdout: '' });
    expect(result.stderr).toBe(
      `undoc: ${path('en.json')} is E/2018/41 and ${path('cedaw-ru.json')} is CEDAW/C/CAF/CO/6: not language versions of one document\n`,
    );
    await expect(readdir(path('mismatch'))).rejects.toThrow();
  });

  it('exits 1 with one line when an output cannot be written', async () => {
    await writeFile(path('a-file'), '');
    const result = await align(path('en.json'), path('fr.json'), '--out', path('a-file/alignment.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`undoc: cannot write ${path('a-file/alignment.json')}: a file stands where a directory is needed\n`);
  });
});
