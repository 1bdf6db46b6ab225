import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { dictionaryInfo } from '../../src-main/lift/dictionaries.js';
import { elementPositions } from '../../src-main/lift/element-positions.js';
import { importLift } from '../../src-main/lift/import.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { openStore } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

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

type Failure = Error & { code?: string; line?: number; column?: number };

/** Imports over the victim and expects a one-line error matching `message`; the victim is unchanged. */
async function refused(file: string, message: RegExp): Promise<Failure | undefined> {
  const failure = await importLift(session, file, { database: victim, replace: true }).then(
    () => undefined,
    (error: unknown) => error as Failure,
  );
  expect(failure, 'the import should have failed').toBeDefined();
  expect(failure?.message).toMatch(message);
  expect(failure?.message).not.toContain('\n');
  expect(['Invalid', 'NotFound', 'Conflict']).toContain(failure?.code);
  expect(await fingerprint()).toBe(before);
  expect(await dictionaryInfo(session, victim)).toMatchObject({ entries: 2 });
  return failure;
}

describe('broken LIFT files are refused with a clear error, leaving the dictionary as it was', () => {
  it('a truncated file: names the unclosed element and where', async () => {
    const file = write('truncated.lift', `${HEAD}${entry('g-1', 'one')}<entry id="x" guid="g-x"><lexical-unit><form lang="qaa"><text>cut`);
    await refused(file, /truncated\.lift:\d+:\d+: /);
  });

  it('not XML at all: where', async () => {
    const png = await refused(write('noise.lift', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3])), /^noise\.lift:1:1: not an XML file/);
    expect([png?.line, png?.column]).toEqual([1, 1]);
    const text = await refused(write('text.lift', '\n\n  this is a word list, not XML\n'), /^text\.lift:3:3: not an XML file: text before the first element$/);
    expect([text?.line, text?.column]).toEqual([3, 3]);
  });

  it('XML that is not LIFT, and a ranges file given as a dictionary', async () => {
    await refused(write('page.lift', '<html><body><p>hello</p></body></html>\n'), /not a LIFT file: its root element is <html>/);
    await refused(write('ranges.lift', '<lift-ranges><range id="x"/></lift-ranges>\n'), /not a LIFT file: its root element is <lift-ranges>/);
  });

  it('a wrong root: LIFT content under <dictionary>, with where', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported -->\n  <dictionary version="0.13">\n${entry('g-1', 'one')}</dictionary>\n`;
    const failure = await refused(write('wrong-root.lift', content), /^wrong-root\.lift:3:3: not a LIFT file: its root element is <dictionary>$/);
    expect([failure?.line, failure?.column]).toEqual([3, 3]);
  });

  it('an unknown LIFT version: names it and points at the root', async () => {
    const failure = await refused(
      write('version99.lift', `<?xml version="1.0" encoding="UTF-8"?>\n<lift version="99">\n${entry('g-1', 'one')}</lift>\n`),
      /^version99\.lift:2:1: LIFT version "99" is not supported: this app reads LIFT 0\.10 to 0\.15$/,
    );
    expect([failure?.line, failure?.column]).toEqual([2, 1]);
  });

  it('duplicate guids: names the guid and both places, the second as the error position', async () => {
    const content = `${HEAD}${entry('g-1', 'one')}${entry('g-2', 'two')} ${entry('g-1', 'again', 'again')}</lift>\n`;
    const failure = await refused(write('dup.lift', content), /^dup\.lift:5:2: guid "g-1" is used by a second entry \(first at 3:1\): guids identify entries and must be unique$/);
    expect([failure?.line, failure?.column]).toEqual([5, 2]);
    // On one line after a BOM, with a tombstone of that guid between: columns count characters
    // (not bytes, not the BOM), positions count every entry, the guid attribute may be on a later line.
    const root = '<lift version="0.13">';
    const first = '<entry id="é" guid="g-é"><lexical-unit><form lang="qaa"><text>é</text></form></lexical-unit></entry>';
    const tombstone = '<entry id="é0" guid="g-é" dateDeleted="2020-01-01T00:00:00Z"/>';
    const oneLine = `\uFEFF${root}${first}${tombstone}<entry\n\tguid="g-é"/></lift>\n`;
    const second = [...`${root}${first}${tombstone}`].length + 1;
    const same = await refused(write('dup-one-line.lift', oneLine), new RegExp(`^dup-one-line\\.lift:1:${second}: guid "g-é" is used by a second entry \\(first at 1:${root.length + 1}\\)`));
    expect([same?.line, same?.column]).toEqual([1, second]);
  });

  it('an entry without a guid, and one with neither id nor guid: named, with where', async () => {
    const noGuid = `${HEAD}${entry('g-1', 'one')}  <entry id="two"><lexical-unit><form lang="qaa"><text>two</text></form></lexical-unit></entry>\n</lift>\n`;
    const failure = await refused(write('noguid.lift', noGuid), /^noguid\.lift:4:3: entry "two" has no guid: every entry needs one, the app identifies entries by guid$/);
    expect([failure?.line, failure?.column]).toEqual([4, 3]);
    const anonymous = `${HEAD}${entry('g-1', 'one')}<entry guid=""/><entry><lexical-unit><form lang="qaa"><text>?</text></form></lexical-unit></entry>\n</lift>\n`;
    await refused(write('anonymous.lift', anonymous), /^anonymous\.lift:4:1: entry 2 \(it has no id either\) has no guid/);
  });

  it('an external entity (XXE) and an entity bomb: no DTD is processed, nothing outside is read', async () => {
    const xxe = write('xxe.lift', `<?xml version="1.0"?>\n<!DOCTYPE lift [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<lift version="0.13"><entry guid="g"><note><form lang="en"><text>&x;</text></form></note></entry></lift>\n`);
    await refused(xxe, /xxe\.lift:2:1: .*DOCTYPE/);
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = write('bomb.lift', `<?xml version="1.0"?>\n<!DOCTYPE lift [<!ENTITY l0 "lol">${laughs}]>\n<lift version="0.13"><entry guid="g"><note><form lang="en"><text>&l9;</text></form></note></entry></lift>\n`);
    await refused(bomb, /bomb\.lift:2:1: .*DOCTYPE/);
  });

  it('invalid UTF-8: names where', async () => {
    const before = '<entry guid="g-2"><lexical-unit><form lang="qaa"><text>café ';
    const bytes = Buffer.concat([Buffer.from(`${HEAD}${entry('g-1', 'one')}${before}`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</text></form></lexical-unit></entry>\n</lift>\n')]);
    const column = [...before].length + 1;
    const failure = await refused(write('latin.lift', bytes), new RegExp(`^latin\\.lift:4:${column}: the file is not valid UTF-8 here .*: LIFT files must be UTF-8$`));
    expect([failure?.line, failure?.column]).toEqual([4, column]);
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

  it('tombstones without a guid or sharing one, and no version attribute: imported, and worksets and entry views cope', async () => {
    const db = uniqueName('tombs');
    const content = `<lift>\n${entry('g-1', 'one')}<entry id="old" dateDeleted="2020-01-01T00:00:00Z"/>\n<entry id="one-was" guid="g-1" dateDeleted="2020-01-01T00:00:00Z"/>\n${entry('g-2', 'two')}</lift>\n`;
    expect(await importLift(session, write('tombs.lift', content), { database: db })).toMatchObject({ entries: 4, deleted: 2 });
    const folder = mkdtempSync(join(dir, 'store-'));
    const store = openStore(folder);
    try {
      const worksets = new WorksetService(store);
      const { id, total } = await worksets.create(session, { dictionary: db, name: 'all', query: { match: 'all', filters: [] } });
      expect(total).toBe(2);
      const page = await worksets.page(session, id, { offset: 0, limit: 10 });
      expect(page.entries.map((e) => [e.guid, e.entry?.id])).toEqual([['g-1', 'one_g-1'], ['g-2', 'two_g-2']]);
      // The live entry, not the tombstone of the same guid.
      expect((await new EntryService(store, TEST_AUTHOR).get(session, db, 'g-1')).view).toMatchObject({ id: 'one_g-1', headword: { qaa: 'one' } });
    } finally {
      store.close();
      await dropDictionary(session, db);
    }
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

describe('finding an entry in the file by its position', () => {
  it('counts lines and characters across read chunks, with a tag split between two', () => {
    // Padding puts the third <entry across the 256 KiB boundary of the reads: `<en` | `try`.
    const head = '\uFEFF<lift>\n<entry guid="a"/>\n<entry guid="b">';
    const tail = '</entry>\n\r\n  ';
    const rest = 256 * 1024 - 3 - Buffer.byteLength(head + tail);
    const before = `${head}${'é'.repeat(Math.floor(rest / 2))}${'x'.repeat(rest % 2)}${tail}`;
    expect(Buffer.byteLength(before)).toBe(256 * 1024 - 3);
    const file = write('positions.lift', `${before}<entry guid="c"/><entryish/><entry\tguid="d"/>\n</lift>\n`);
    return expect(elementPositions(file, 'entry', [1, 2, 3, 4, 5]).then((found) => Object.fromEntries(found))).resolves.toEqual({
      1: { line: 2, column: 1 },
      2: { line: 3, column: 1 },
      3: { line: 5, column: 3 },
      4: { line: 5, column: 31 },
    });
  });
});
