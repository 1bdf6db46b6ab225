import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/basex.js';
import { jsonOf, runCli, type CliRun } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'wb-cli-sort-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (...args: string[]): Promise<CliRun> => runCli(work, ...args);

const json = jsonOf;

const WORDS = ['nube', 'ñandú', 'oso', 'nada', 'chico', 'cosa', 'cantar', 'comer', 'ir'];

describe('workset-browser --query with "sort":{"by":"headword","order":…}', () => {
  it('orders a work list by the collation, from the end of the word and by length; sets the dictionary\'s letters', async () => {
    const file = join(work, 'palabras.lift');
    const entries = WORDS.map((w, i) => `<entry id="e${i}" guid="10000000-0000-4000-8000-00000000000${i}"><lexical-unit><form lang="es"><text>${w}</text></form></lexical-unit></entry>`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<lift version="0.13">\n${entries.join('\n')}\n</lift>\n`);
    const db = uniqueName('cli_sort');
    json(await cli('import', file, '--db', db, '--json'));
    const listed = async (order: string, dir = 'asc'): Promise<string[]> => {
      const query = JSON.stringify({ match: 'all', filters: [], sort: { by: 'headword', dir, order } });
      const made = json<{ id: number }>(await cli('worksets', 'create', db, '--name', uniqueName(`${order}_${dir}`), '--query', query, '--json'));
      const shown = json<{ entries: Array<{ entry: { headword: Record<string, string> } }> }>(await cli('worksets', 'show', String(made.id), '--json'));
      return shown.entries.map((e) => e.entry.headword.es);
    };
    expect(await listed('alphabetical')).toEqual(['cantar', 'chico', 'comer', 'cosa', 'ir', 'nada', 'nube', 'ñandú', 'oso']);
    expect(await listed('reverse')).toEqual(['nada', 'cosa', 'nube', 'chico', 'oso', 'cantar', 'comer', 'ir', 'ñandú']);
    expect(await listed('length', 'desc')).toEqual(['cantar', 'ñandú', 'comer', 'chico', 'nube', 'nada', 'cosa', 'oso', 'ir']);

    expect(json(await cli('collation', db, '--json'))).toEqual({ locale: 'es', letters: [], set: false });
    const set = await cli('collation', db, '--letters', 'a b c ch d e f g h i j k l ll m n ñ o p q r rr s t u v w x y z');
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('its own letters: a b c ch d');
    expect(await listed('alphabetical', 'asc')).toEqual(['cantar', 'comer', 'cosa', 'chico', 'ir', 'nada', 'nube', 'ñandú', 'oso']);

    const refused = await cli('worksets', 'create', db, '--name', 'x', '--query', JSON.stringify({ match: 'all', filters: [], sort: { by: 'pos', order: 'reverse' } }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/order .*sorts headwords only/);
    const unknown = await cli('worksets', 'create', db, '--name', 'y', '--query', JSON.stringify({ match: 'all', filters: [], sort: { by: 'headword', order: 'rhyme' } }));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/order must be "alphabetical", "reverse" or "length"/);
    const badLocale = await cli('collation', db, '--locale', 'not a tag');
    expect(badLocale.code).toBe(1);
    expect(badLocale.stderr).toMatch(/is not a language tag/);
  }, 300_000);
});
