import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { LIFT_DOC, META_DOC, RANGES_DOC } from '../../src-main/lift/database-names.js';
import { dictionaryInfo } from '../../src-main/lift/dictionaries.js';
import { LiftError } from '../../src-main/lift/errors.js';
import { importLift, type ImportProgress } from '../../src-main/lift/import.js';
import { writeSyntheticLift } from '../../scripts/lift-generator.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { sharedLiftFiles } from '../helpers/shared-lift.js';

/** `<range>` elements of each real .lift-ranges (biatah has none). */
const RANGE_COUNTS: Record<string, number | undefined> = { AllFLExFields: 17, Lotud: 14, Pumi_2019: 15, Sena: 24, biatah: undefined };

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

let session: BaseXSession;
let dir: string;
const created: string[] = [];

beforeAll(async () => {
  session = await connectTestSession({ timeoutMs: 300_000 });
  dir = mkdtempSync(join(tmpdir(), 'wb-import-'));
});

afterAll(async () => {
  for (const name of created) await session.command(`DROP DB ${name}`);
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A database name for this test, dropped after the file's tests. */
function database(prefix: string): string {
  const name = uniqueName(prefix);
  created.push(name);
  return name;
}

async function rejection(promise: Promise<unknown>): Promise<LiftError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LiftError);
  return error as LiftError;
}

describe('importLift', () => {
  it('imports the sample dictionary with its ranges and meta document', async () => {
    const name = database('sample');
    const result = await importLift(session, SAMPLE, { database: name });
    expect(result).toEqual({ database: name, entries: 234, deleted: 4, ranges: true, rangeCount: 2 });
    const paths = await session.query('declare variable $db external; db:list($db)', { db: name });
    expect(paths.sort()).toEqual([LIFT_DOC, RANGES_DOC, META_DOC].sort());
    const meta = await session.execute(`declare variable $db external; db:open($db, '${META_DOC}')`, { db: name });
    expect(meta).toContain('file="sample.lift"');
    expect(meta).toContain('newline="lf"');
  });

  it('imports a synthetic dictionary with the counts its generator wrote', async () => {
    const file = join(dir, 'synthetic300.lift');
    const written = await writeSyntheticLift(file, { entries: 300, seed: 7 });
    const name = database('synthetic');
    const result = await importLift(session, file, { database: name });
    expect(result).toEqual({ database: name, entries: 300, deleted: 0, ranges: true, rangeCount: 2 });
    const senses = await session.query(`declare variable $db external; count(db:open($db, '${LIFT_DOC}')//sense)`, { db: name });
    expect(Number(senses[0])).toBe(written.senses);
  });

  it('keeps whitespace exactly and builds an up-to-date attribute index of guid and id only', async () => {
    const file = join(dir, 'spaces.lift');
    const entry = '<entry guid="g1"><lexical-unit><form lang="x"><text>  two  </text></form></lexical-unit></entry>';
    writeFileSync(file, `<lift version="0.13">\n  ${entry}\n</lift>\n`);
    const name = database('spaces');
    await importLift(session, file, { database: name });
    const [text, lookup, indexes] = await session.query(
      `declare variable $db external;
       (string(db:open($db, '${LIFT_DOC}')//text), count(db:open($db, '${LIFT_DOC}')/lift/node()),
        string-join(db:info($db)/indexes/(textindex, attrindex, updindex, attrinclude), ' '))`,
      { db: name },
    );
    expect(text).toBe('  two  ');
    expect(lookup).toBe('3'); // the whitespace text nodes around <entry> are kept
    expect(indexes).toBe('false true guid,id true');
  });

  it('derives the database name from the file name', async () => {
    const file = join(dir, 'Dictionnaire éwé (2024).lift');
    writeFileSync(file, '<lift version="0.13"/>');
    const result = await importLift(session, file);
    created.push(result.database);
    expect(result.database).toBe('Dictionnaire_ewe_2024');
  });

  it('rejects a database name BaseX would not accept', async () => {
    const error = await rejection(importLift(session, SAMPLE, { database: 'my dictionary' }));
    expect(error.code).toBe('Invalid');
    expect(error.message).toMatch(/not a valid database name/);
  });

  it('reports progress while uploading, then each later phase', async () => {
    const file = join(dir, 'progress.lift');
    await writeSyntheticLift(file, { entries: 20_000, seed: 3 });
    const events: ImportProgress[] = [];
    await importLift(session, file, { database: database('progress'), onProgress: (p) => events.push(p) });
    const uploads = events.filter((e) => e.phase === 'upload');
    expect(uploads.length).toBeGreaterThan(2);
    expect(uploads.every((e, i) => i === 0 || e.bytesSent >= uploads[i - 1].bytesSent)).toBe(true);
    expect(events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['upload', 'check', 'swap', 'done']);
    const total = events[0].totalBytes;
    expect(events.at(-1)).toEqual({ phase: 'done', bytesSent: total, totalBytes: total });
  });

  it('leaves the session options and opened database as they were', async () => {
    const name = database('options');
    await session.command('SET CHOP true');
    await session.command('SET INTPARSE true');
    await session.command(`CREATE DB ${name}`);
    await importLift(session, SAMPLE, { database: database('options_import') });
    expect(await session.command('GET CHOP')).toMatch(/CHOP: true/);
    expect(await session.command('GET INTPARSE')).toMatch(/INTPARSE: true/);
    expect(await session.command('GET UPDINDEX')).toMatch(/UPDINDEX: false/);
    expect(await session.command('INFO DB')).toMatch(new RegExp(`NAME: ${name}\\b`));
    await session.command('CLOSE');
    await session.command('SET INTPARSE false');
  });
});

describe('a failed import', () => {
  it('leaves the existing dictionary untouched and names the line and column', async () => {
    const name = database('kept');
    await importLift(session, SAMPLE, { database: name });
    const sample = readFileSync(SAMPLE, 'utf8');
    const cut = sample.indexOf('<sense', 20_000);
    const broken = join(dir, 'broken.lift');
    // An entry whose <sense> is closed by </entry>: line and column of that end tag are known.
    const text = `${sample.slice(0, cut)}<sense>\n  <gloss lang="en"><text>x</text></gloss>\n</entry>${sample.slice(cut)}`;
    writeFileSync(broken, text);
    const line = text.slice(0, text.indexOf('</entry>', cut)).split('\n').length;
    const error = await rejection(importLift(session, broken, { database: name, replace: true }));
    expect(error.code).toBe('Invalid');
    expect(error.message).toBe(`broken.lift:${line}:1: element "sense" is not closed (found </entry>)`);
    expect([error.line, error.column]).toEqual([line, 1]);
    expect(await dictionaryInfo(session, name)).toMatchObject({ name, entries: 234, deleted: 4 });
    expect(await leftovers(name)).toEqual([]);
  });

  it('reports a truncated file at its end', async () => {
    const name = database('truncated');
    await importLift(session, SAMPLE, { database: name });
    const truncated = join(dir, 'truncated.lift');
    const bytes = readFileSync(SAMPLE).subarray(0, 50_000);
    writeFileSync(truncated, bytes);
    const lines = bytes.toString('utf8').split('\n');
    const error = await rejection(importLift(session, truncated, { database: name, replace: true }));
    expect(error.message).toMatch(/^truncated\.lift:\d+:\d+: the file ends before the document is complete/);
    expect(error.line).toBe(lines.length);
    expect(error.column).toBe([...(lines.at(-1) ?? '')].length + 1);
    expect((await dictionaryInfo(session, name)).entries).toBe(234);
    expect(await leftovers(name)).toEqual([]);
  });

  it('reports a missing file as NotFound', async () => {
    const error = await rejection(importLift(session, join(dir, 'nowhere.lift')));
    expect(error.code).toBe('NotFound');
  });

  it('reports a file that is not XML', async () => {
    const file = join(dir, 'notes.lift');
    writeFileSync(file, 'Just some notes,\nnot a dictionary.\n');
    const error = await rejection(importLift(session, file, { database: database('notxml') }));
    expect(error.code).toBe('Invalid');
    expect(error.message).toBe('notes.lift:1:1: not an XML file: text before the first element');
  });

  it('reports XML whose root is not <lift>', async () => {
    const file = join(dir, 'other.lift');
    writeFileSync(file, '<?xml version="1.0"?>\n<!-- a comment -->\n<foo><lift/></foo>\n');
    const error = await rejection(importLift(session, file, { database: database('notlift') }));
    expect(error.message).toBe('other.lift:3:1: not a LIFT file: its root element is <foo>');
    expect([error.line, error.column]).toEqual([3, 1]);
  });

  it('refuses an external entity (XXE) before anything reaches BaseX', async () => {
    const file = join(dir, 'xxe.lift');
    const doctype = '<!DOCTYPE lift [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    writeFileSync(file, `<?xml version="1.0"?>\n${doctype}\n<lift version="0.13"><entry id="a">&x;</entry></lift>\n`);
    const name = database('xxe');
    const error = await rejection(importLift(session, file, { database: name }));
    expect(error.message).toBe('xxe.lift:2:1: a DOCTYPE declaration is not allowed in a LIFT file (DTDs and entities are not processed)');
    expect(await session.query('declare variable $db external; db:exists($db)', { db: name })).toEqual(['false']);
    expect(await leftovers(name)).toEqual([]);
  });

  it('reports an undeclared entity instead of turning it into "?"', async () => {
    const file = join(dir, 'entity.lift');
    const entry = '<entry id="a"><note><form lang="en"><text>Tom &nbsp; Jerry</text></form></note></entry>';
    writeFileSync(file, `<lift version="0.13">\n${entry}\n</lift>\n`);
    const error = await rejection(importLift(session, file, { database: database('entity') }));
    expect(error.message).toMatch(new RegExp(`^entity\\.lift:2:${entry.indexOf('&nbsp;') + 1}: unknown entity "&nbsp;"`));
  });

  it('refuses to replace a database that is open in another session', async () => {
    const name = database('busy');
    await importLift(session, SAMPLE, { database: name });
    const other = await connectTestSession();
    try {
      await other.command(`OPEN ${name}`);
      const error = await rejection(importLift(session, SAMPLE, { database: name, replace: true }));
      expect(error.code).toBe('Conflict');
      expect(error.message).toMatch(/is open in another session/);
    } finally {
      await other.close();
    }
    expect((await dictionaryInfo(session, name)).entries).toBe(234);
    expect(await leftovers(name)).toEqual([]);
  });

  it('imports the real files with their entry counts', async () => {
    const expected: Record<string, [number, number]> = {
      AllFLExFields: [2, 0],
      Lotud: [5400, 0],
      Pumi_2019: [2304, 0],
      Sena: [1462, 0],
      biatah: [2699, 6],
    };
    for (const shared of sharedLiftFiles()) {
      const name = database(shared.name);
      const result = await importLift(session, shared.lift, { database: name });
      expect([result.entries, result.deleted, result.ranges], shared.name).toEqual([...expected[shared.name], shared.ranges !== undefined]);
      expect(result.rangeCount, shared.name).toBe(RANGE_COUNTS[shared.name]);
      await dropDictionary(session, name);
      created.splice(created.indexOf(name), 1);
    }
  });

  it('says which ranges file the header names when a real .lift comes without it', async () => {
    const sena = sharedLiftFiles().find((shared) => shared.name === 'Sena');
    if (!sena) throw new Error('Sena is missing from the shared LIFT files');
    // The .lift alone in a folder of its own (linked, not copied): its ranges are not beside it.
    mkdirSync(join(dir, 'alone'));
    const alone = join(dir, 'alone', 'Sena.lift');
    symlinkSync(sena.lift, alone);
    const result = await importLift(session, alone, { database: database('sena_alone') });
    expect(result).toMatchObject({ entries: 1462, ranges: false, missingRangesFile: 'Sena.lift-ranges' });
    expect(result.rangeCount).toBeUndefined();
  });
});

/** Temporary databases of imports into `name` that were not cleaned up. */
/** Databases of an import left behind: anything beside the dictionary but its change log. */
async function leftovers(name: string): Promise<string[]> {
  return session.query('declare variable $db external; db:list()[starts-with(., $db || "__")][. != $db || "__log"]', { db: name });
}
