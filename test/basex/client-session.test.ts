import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthError, BaseXError, ConnectionError, TimeoutError } from '../../src-main/basex/errors.js';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { Readable } from 'node:stream';

describe('BaseXSession against a real server', () => {
  let session: BaseXSession;
  beforeAll(async () => {
    session = await connectTestSession();
  });
  afterAll(async () => {
    await session.close();
  });

  it('returns a multi-megabyte result of 2-, 3- and 4-byte characters unchanged', async () => {
    // é (2 bytes), 中 (3 bytes), 𝄞 (4 bytes) and ASCII, repeated to about 4 MB of UTF-8.
    const unit = 'aé中𝄞z';
    const repeats = 400_000;
    const expected = unit.repeat(repeats);
    const generated = await session.execute(`string-join((1 to ${repeats}) ! "${unit}")`);
    expect(generated.length).toBe(expected.length);
    expect(generated).toBe(expected);
    expect(generated).not.toContain('\uFFFD');
    const echoed = await session.query('declare variable $text external; $text', { text: expected });
    expect(echoed).toEqual([expected]);
  });

  it('streams a document cut inside multi-byte characters and reads it back unchanged', async () => {
    const db = uniqueName('stream');
    const text = 'aé中𝄞z'.repeat(2_000);
    const xml = Buffer.from(`<doc>${text}</doc>`, 'utf8');
    // 7-byte chunks: most cuts fall inside a 2-, 3- or 4-byte character.
    const chunks = Array.from({ length: Math.ceil(xml.length / 7) }, (_, i) => xml.subarray(i * 7, i * 7 + 7));
    await session.command(`CREATE DB ${db}`);
    try {
      await session.add('doc.xml', Readable.from(chunks));
      expect(await session.query(`string(db:open('${db}', 'doc.xml')/doc)`)).toEqual([text]);
    } finally {
      await session.command(`DROP DB ${db}`);
    }
  });

  it('unescapes \\0 and \\xFF inside a result: the \\0 does not end it', async () => {
    // Serialized raw, a binary item puts these bytes on the wire as they are, escaped by the server.
    const raw = await session.execute("declare option output:method 'basex'; xs:hexBinary('FFFF0000FF41')");
    expect(raw).toBe('\uFFFD\uFFFD\u0000\u0000\uFFFDA');
    expect(await session.query('"still in step"')).toEqual(['still in step']);
  });

  it('gives each of 50 concurrent calls its own answer', async () => {
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? session.query('declare variable $i external; ($i, $i * $i)', { i })
        : session.execute('declare variable $s external; "call " || $s', { s: String(i) }),
    );
    const answers = await Promise.all(calls);
    answers.forEach((answer, i) => {
      expect(answer).toEqual(i % 2 === 0 ? [String(i), String(i * i)] : `call ${i}`);
    });
  });

  it('keeps working after a failed query, command and binding', async () => {
    await expect(session.query('1 +')).rejects.toBeInstanceOf(BaseXError);
    await expect(session.command('OPEN no_such_database_here')).rejects.toThrow(/no_such_database_here/);
    await expect(session.query('declare variable $x external; $x', { y: 'z' })).rejects.toThrow(/\$x/);
    expect(await session.query('"still here"')).toEqual(['still here']);
  });

  it('reads every answer of a query that fails at run time while asking for its info, and stays in step', async () => {
    // The query fails when run; the INFO after it fails too (the server dropped the query):
    // both error answers must be read, or the next call would read them as its own.
    const infos: string[] = [];
    const session2 = await connectTestSession();
    try {
      await session2.command('SET QUERYINFO true');
      await expect(session2.query(`db:open('${uniqueName('missing')}')`, {}, { onInfo: (i) => infos.push(i) })).rejects.toThrow(/was not found/);
      await expect(session2.query("declare variable $x external; error(xs:QName('err:WB01'), 'no ' || $x)", { x: 'luck' }, { onInfo: (i) => infos.push(i) })).rejects.toThrow(/no luck/);
      expect(await session2.query('1 + 1', {}, { onInfo: (i) => infos.push(i) })).toEqual(['2']);
      expect(infos).toHaveLength(1);
      expect(await session2.execute('"in step"')).toBe('in step');
    } finally {
      await session2.close();
    }
  });

  it('binds values as data, never as query text', async () => {
    const hostile = '"] | db:drop("x") | ["';
    expect(await session.query('declare variable $v external; $v', { v: hostile })).toEqual([hostile]);
    expect(await session.query('declare variable $v external; count($v)', { v: ['a', 'b', hostile] })).toEqual(['3']);
  });

  it('refuses a wrong password with a typed AuthError', async () => {
    const address = { ...inject('basex'), password: 'not-the-password' };
    await expect(BaseXSession.connect(address)).rejects.toBeInstanceOf(AuthError);
  });

  it('times a slow call out, drops the connection and rejects what waited behind it', async () => {
    const slow = await connectTestSession();
    // A sleep far longer than the test may take: only the timeout can end this call in time.
    const sleeping = slow.query('prof:sleep(600000)', {}, { timeoutMs: 300 });
    const behind = slow.query('1');
    await expect(sleeping).rejects.toBeInstanceOf(TimeoutError);
    await expect(behind).rejects.toBeInstanceOf(ConnectionError);
    expect(slow.isOpen).toBe(false);
  });

  it('rejects calls on a closed session at once', async () => {
    const closing = await connectTestSession();
    await closing.close();
    await expect(closing.query('1')).rejects.toBeInstanceOf(ConnectionError);
  });
});
