import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/session.js';
import { dictionaryInfo, dropDictionary } from '../../src-main/lift/dictionaries.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';

/**
 * A corpus of broken LIFT files, written here: each import ends in one clear error naming the
 * problem (and line:column where there is one) or in a documented acceptance — and the existing
 * dictionary of the same name is never touched.
 */
const dir = mkdtempSync(join(tmpdir(), 'wb-bad-lift-'));
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<lift version="0.13">\n';
const entry = (guid: string, word: string, id = `${word}_${guid}`): string =>
  `<entry id="${id}" guid="${guid}"><lexical-unit><form lang="qaa"><text>${word}</text></form></lexical-unit></entry>\n`;

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

let session: BaseXSession;
const victim = uniqueName('victim');
let before = '';

async function fingerprint(): Promise<string> {
  return session.execute(
    `declare variable $db external; string(xs:hexBinary(hash:md5(serialize(db:open($db, 'dictionary.lift'), map { 'indent': 'no' }))))`,
    { db: victim },
  );
}

beforeAll(async () => {
  session = await connectTestSession();
  await importLift(session, write('victim.lift', `${HEAD}${entry('g-1', 'one')}${entry('g-2', 'two')}</lift>\n`), { database: victim });
  before = await fingerprint();
});
afterAll(async () => {
  await dropDictionary(session, victim);
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports over the victim and expects a one-line error matching `message`; the victim is unchanged. */
async function refused(file: string, message: RegExp): Promise<void> {
  const failure = await importLift(session, file, { database: victim }).then(
    () => undefined,
    (error: unknown) => error as Error & { code?: string },
  );
  expect(failure, 'the import should have failed').toBeDefined();
  expect(failure?.message).toMatch(message);
  expect(failure?.message).not.toContain('\n');
  expect(['Invalid', 'NotFound', 'Conflict']).toContain(failure?.code);
  expect(await fingerprint()).toBe(before);
  expect(await dictionaryInfo(session, victim)).toMatchObject({ entries: 2 });
}

describe('broken LIFT files are refused with a clear error, leaving the dictionary as it was', () => {
  it('a truncated file: names the unclosed element and where', async () => {
    const file = write('truncated.lift', `${HEAD}${entry('g-1', 'one')}<entry id="x" guid="g-x"><lexical-unit><form lang="qaa"><text>cut`);
    await refused(file, /truncated\.lift:\d+:\d+: /);
  });

  it('not XML at all', async () => {
    await refused(write('noise.lift', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3])), /noise\.lift/);
    await refused(write('text.lift', 'this is a word list, not XML\n'), /text\.lift/);
  });

  it('XML that is not LIFT, and a ranges file given as a dictionary', async () => {
    await refused(write('page.lift', '<html><body><p>hello</p></body></html>\n'), /not a LIFT file: its root element is <html>/);
    await refused(write('ranges.lift', '<lift-ranges><range id="x"/></lift-ranges>\n'), /not a LIFT file: its root element is <lift-ranges>/);
  });

  it('an external entity (XXE) and an entity bomb: no DTD is processed, nothing outside is read', async () => {
    const xxe = write('xxe.lift', `<?xml version="1.0"?>\n<!DOCTYPE lift [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<lift version="0.13"><entry guid="g"><note><form lang="en"><text>&x;</text></form></note></entry></lift>\n`);
    await refused(xxe, /xxe\.lift:2:1: .*DOCTYPE/);
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = write('bomb.lift', `<?xml version="1.0"?>\n<!DOCTYPE lift [<!ENTITY l0 "lol">${laughs}]>\n<lift version="0.13"><entry guid="g"><note><form lang="en"><text>&l9;</text></form></note></entry></lift>\n`);
    await refused(bomb, /bomb\.lift:2:1: .*DOCTYPE/);
  });

  it('invalid UTF-8: names where', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEAD}${entry('g-1', 'one')}<entry guid="g-2"><lexical-unit><form lang="qaa"><text>`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</text></form></lexical-unit></entry>\n</lift>\n')]);
    await refused(write('latin.lift', bytes), /latin\.lift(:\d+:\d+)?: .*(UTF-8|byte|encoding)/i);
  });

});

describe('documented acceptances', () => {
  it('a dictionary with no entries imports as empty', async () => {
    const db = uniqueName('empty');
    expect(await importLift(session, write('empty.lift', `${HEAD}</lift>\n`), { database: db })).toMatchObject({ entries: 0, deleted: 0 });
    await dropDictionary(session, db);
  });

  it('an entry without an id imports (the guid is the key); tombstones may share an id', async () => {
    const db = uniqueName('noid');
    const content = `${HEAD}<entry guid="g-a"><lexical-unit><form lang="qaa"><text>a</text></form></lexical-unit></entry>\n<entry id="dup" guid="g-b" dateDeleted="2020-01-01T00:00:00Z"/>\n<entry id="dup" guid="g-c" dateDeleted="2020-01-01T00:00:00Z"/>\n</lift>\n`;
    expect(await importLift(session, write('noid.lift', content), { database: db })).toMatchObject({ entries: 3, deleted: 2 });
    await dropDictionary(session, db);
  });

  it('a 50 MB text node streams through with bounded memory', async () => {
    const db = uniqueName('huge');
    const file = join(dir, 'huge.lift');
    const fd = openSync(file, 'w');
    writeSync(fd, `${HEAD}<entry guid="g-huge"><note><form lang="en"><text>`);
    const chunk = 'lorem ipsum dolor sit amet '.repeat(40_000);
    for (let written = 0; written < 50 * 2 ** 20; written += chunk.length) writeSync(fd, chunk);
    writeSync(fd, '</text></form></note></entry>\n</lift>\n');
    closeSync(fd);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await importLift(session, file, { database: db })).toMatchObject({ entries: 1 });
    // Never the whole file as one string in this process: far less than 50 MB more heap.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(30 * 2 ** 20);
    await dropDictionary(session, db);
  });
});
