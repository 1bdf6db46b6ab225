import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { HeadwordOrder } from '../../src-main/domain/query-model.js';
import { writeCollation } from '../../src-main/lift/collation-setting.js';
import { importLift } from '../../src-main/lift/import.js';
import { HeadwordCollation } from '../../src-main/worksets/collation.js';
import { validateQuery } from '../../src-main/worksets/query/validate.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SENA = resolve(import.meta.dirname, '../../../shared/lift/Sena/Sena.lift');

function sorted(locale: string, words: readonly string[], order?: HeadwordOrder, letters?: string[]): string[] {
  const collation = new HeadwordCollation({ locale, letters });
  return [...words].sort((a, b) => {
    const [x, y] = [collation.key(a, order), collation.key(b, order)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

describe('headword collation keys', () => {
  it('order as the locale collates: Spanish ñ after n, Swedish å ä ö after z, German ä with a', () => {
    expect(sorted('es', ['oso', 'ñandú', 'nube', 'Ñu', 'nada'])).toEqual(['nada', 'nube', 'ñandú', 'Ñu', 'oso']);
    expect(sorted('sv', ['öl', 'zebra', 'ärm', 'apa', 'åsna'])).toEqual(['apa', 'zebra', 'åsna', 'ärm', 'öl']);
    expect(sorted('de', ['öl', 'zebra', 'ärm', 'apa', 'åsna'])).toEqual(['apa', 'ärm', 'åsna', 'öl', 'zebra']);
  });

  it('compare base letters over the whole word before accents and case, as ICU does', () => {
    expect(sorted('en', ['ab', 'áa', 'Ab', 'b', 'a', 'aa'])).toEqual(['a', 'aa', 'áa', 'ab', 'Ab', 'b']);
  });

  it('follow a dictionary\'s own letters: "ch" after "c" as one letter, in any case', () => {
    const words = ['dado', 'Chile', 'cosa', 'chico', 'cama', 'Cuba'];
    expect(sorted('es', words)).toEqual(['cama', 'chico', 'Chile', 'cosa', 'Cuba', 'dado']);
    expect(sorted('es', words, 'alphabetical', ['c', 'ch'])).toEqual(['cama', 'cosa', 'Cuba', 'chico', 'Chile', 'dado']);
    // Length counts "ch" as one letter.
    expect(new HeadwordCollation({ locale: 'es', letters: ['c', 'ch'] }).letters('chico')).toEqual(['ch', 'i', 'c', 'o']);
  });

  it('sort from the end of the word, and by length in letters (grapheme clusters)', () => {
    expect(sorted('en', ['walking', 'talk', 'sing', 'king', 'ring'], 'reverse')).toEqual(['king', 'walking', 'ring', 'sing', 'talk']);
    expect(sorted('en', ['abcd', 'zz', 'b', 'aaa', 'ŋ́a'], 'length')).toEqual(['b', 'ŋ́a', 'zz', 'aaa', 'abcd']);
  });
});

describe('worksets ordered by headword collation', () => {
  let session: BaseXSession;
  let store: Store;
  let worksets: WorksetService;
  let dir: string;
  const sena = uniqueName('coll_sena');
  const small = uniqueName('coll_sv');

  beforeAll(async () => {
    session = await connectTestSession({ timeoutMs: 120_000 });
    dir = mkdtempSync(join(tmpdir(), 'wb-collation-'));
    store = openStore(dir);
    worksets = new WorksetService(store, TEST_AUTHOR);
    await importLift(session, SENA, { database: sena });
    const entries = ['öl', 'zebra', 'ärm', 'apa', 'åsna', 'chans', 'cykel']
      .map((word, i) => `<entry id="e${i}" guid="00000000-0000-4000-8000-00000000000${i}"><lexical-unit><form lang="sv"><text>${word}</text></form></lexical-unit></entry>`);
    const file = join(dir, 'svenska.lift');
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<lift version="0.13">\n${entries.join('\n')}\n</lift>\n`);
    await importLift(session, file, { database: small });
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, sena);
    await dropDictionary(session, small);
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function headwords(dictionary: string, order: HeadwordOrder | undefined, dir: 'asc' | 'desc' = 'asc'): Promise<string[]> {
    const made = await worksets.create(session, { dictionary, name: uniqueName('order'), query: { match: 'all', filters: [], sort: { by: 'headword', dir, ...(order ? { order } : {}) } } });
    const all: string[] = [];
    for (let offset = 0; offset < made.total; offset += 500) {
      const page = await worksets.page(session, made.id, { offset, limit: 500 });
      all.push(...page.entries.map((e) => Object.values(e.entry?.headword ?? {})[0] ?? ''));
    }
    return all;
  }

  it('by the writing system of the headwords (sv), by a locale set on the dictionary (de), and by its own letters', async () => {
    expect(await headwords(small, 'alphabetical')).toEqual(['apa', 'chans', 'cykel', 'zebra', 'åsna', 'ärm', 'öl']);
    // Without an order, as before: by character code.
    expect(await headwords(small, undefined)).toEqual(['apa', 'chans', 'cykel', 'zebra', 'ärm', 'åsna', 'öl']);
    await writeCollation(session, small, { locale: 'de' });
    expect(await headwords(small, 'alphabetical')).toEqual(['apa', 'ärm', 'åsna', 'chans', 'cykel', 'öl', 'zebra']);
    await writeCollation(session, small, { letters: ['c', 'ch'] });
    expect(await headwords(small, 'alphabetical')).toEqual(['apa', 'ärm', 'åsna', 'cykel', 'chans', 'öl', 'zebra']);
    expect(await headwords(small, 'alphabetical', 'desc')).toEqual(['zebra', 'öl', 'chans', 'cykel', 'åsna', 'ärm', 'apa']);
    // The query builder's preview shows the head of the same order.
    const preview = await validateQuery(session, small, { match: 'all', filters: [], sort: { by: 'headword', dir: 'asc', order: 'reverse' } });
    expect(preview).toMatchObject({ ok: true, total: 7 });
    expect(preview.preview?.map((v) => v.headword.sv)).toEqual(['åsna', 'apa', 'zebra', 'cykel', 'öl', 'ärm', 'chans']);
  });

  it('orders Sena from the end of the word and by length, as the collator orders those strings', async () => {
    const collator = new Intl.Collator('und');
    const reversed = await headwords(sena, 'reverse');
    expect(reversed.length).toBeGreaterThan(1000);
    const ends = reversed.filter((h) => h !== '').map((h) => [...h.normalize('NFC')].reverse().join(''));
    expect(ends).toEqual([...ends].sort(collator.compare));
    const byLength = (await headwords(sena, 'length')).filter((h) => h !== '');
    const letters = (h: string) => [...new Intl.Segmenter('und').segment(h.normalize('NFC'))].length;
    expect(byLength).toEqual([...byLength].sort((a, b) => letters(a) - letters(b) || collator.compare(a, b)));
    expect(letters(byLength[0])).toBe(1);
  }, 120_000);
});
