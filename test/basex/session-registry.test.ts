import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConnectionError } from '../../src-main/basex/errors.js';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { SessionRegistry } from '../../src-main/basex/session-registry.js';
import { connectTestSession, serverSessions } from '../helpers/basex.js';
import { createGate } from '../helpers/gate.js';

describe('SessionRegistry: one BaseX session per window', () => {
  let admin: BaseXSession;
  const registry = new SessionRegistry(() => BaseXSession.connect(inject('basex')));
  beforeAll(async () => {
    admin = await connectTestSession();
  });
  afterAll(async () => {
    await registry.closeAll();
    await admin.close();
  });

  it('leaves exactly the open windows with sessions after 10 windows open and close at random', async () => {
    const open = new Set<string>();
    const everUsed = new Map<string, string>();
    let next = 0;
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 6; round++) {
      const steps: Promise<unknown>[] = [];
      for (let step = 0; step < 10; step++) {
        if (open.size > 0 && random() < 0.45) {
          const ids = [...open];
          const id = ids[Math.floor(random() * ids.length)];
          open.delete(id);
          steps.push(registry.close(id));
        } else if (open.size < 10) {
          const id = `window-${next++}`;
          open.add(id);
          const session = registry.open(id);
          // A window closed while still connecting rejects ready(): that is expected here.
          steps.push(session.ready().then(() => everUsed.set(id, session.clientAddress ?? ''), () => undefined));
        }
      }
      await Promise.all(steps);
    }
    expect(registry.counts).toEqual({ windows: open.size, live: open.size });
    const expected = new Set([...open].map((id) => registry.get(id).clientAddress));
    expect(expected.size).toBe(open.size);
    const closedAddresses = [...everUsed].filter(([id]) => !open.has(id)).map(([, address]) => address);
    await expect
      .poll(async () => {
        const onServer = await serverSessions(admin);
        return {
          open: [...expected].every((address) => address !== undefined && onServer.has(address)),
          leaked: closedAddresses.filter((address) => onServer.has(address)),
        };
      })
      .toEqual({ open: true, leaked: [] });
  });

  it('never hands one window two sessions, nor one session to two windows', async () => {
    const a = registry.open('dup-a');
    const b = registry.open('dup-b');
    expect(() => registry.open('dup-a')).toThrow(/already has/);
    await Promise.all([a.ready(), b.ready()]);
    expect(a.clientAddress).not.toBe(b.clientAddress);
    await Promise.all([registry.close('dup-a'), registry.close('dup-b')]);
  });

  it('reopens a killed session once and retries idempotent reads', async () => {
    const session = registry.open('killed');
    await session.ready();
    const before = session.clientAddress;
    await admin.command(`KILL ${before}`);
    expect(await session.query('"read after kill"', {}, { idempotent: true })).toEqual(['read after kill']);
    expect(session.clientAddress).not.toBe(before);
    // A call that dies under way: a write is not retried (it may have run), a read is.
    const victim = session.clientAddress;
    // The write sleeps inside BaseX far longer than the test may take: it is surely under way
    // when its session is killed, and cannot have finished.
    const gate = createGate();
    // Settled into a value at once: the kill may land before the KILL command's own answer does,
    // and a rejection with no handler yet would be reported as unhandled.
    const write = session.query(gate.killable('"write"'), gate.bindings, { idempotent: false }).catch((error: unknown) => error);
    const read = session.query('"read"', {}, { idempotent: true });
    await gate.started();
    await admin.command(`KILL ${victim}`);
    expect(await write).toBeInstanceOf(ConnectionError);
    expect(await read).toEqual(['read']);
    expect(session.clientAddress).not.toBe(victim);
    expect(await session.query('"next call works"')).toEqual(['next call works']);
    await registry.close('killed');
  });

  it('runs pinned work on one connection that fails instead of reconnecting, while the window\'s other calls wait', async () => {
    const session = registry.open('pinned');
    await session.ready();
    const victim = session.clientAddress;
    const gate = createGate();
    const order: string[] = [];
    let outside: Promise<string[]> | undefined;
    const work = session.pinned(async (connection) => {
      // Settled into a value at once: it rejects as soon as the kill lands, before the expect below.
      const held = connection.query(gate.killable('"held"'), gate.bindings).catch((error: unknown) => error);
      // Asked while the work runs: it waits for the work, then runs on a new connection.
      outside = session.query('"outside"', {}, { idempotent: true }).finally(() => order.push('outside'));
      await gate.started();
      await admin.command(`KILL ${victim}`);
      expect(await held).toBeInstanceOf(ConnectionError);
      // The state the work relied on (SET, OPEN) went with the connection: no silent new one.
      await expect(connection.query('"after the kill"')).rejects.toBeInstanceOf(ConnectionError);
      order.push('work');
      return 'work ended';
    });
    expect(await work).toBe('work ended');
    expect(await outside).toEqual(['outside']);
    expect(order).toEqual(['work', 'outside']);
    expect(session.clientAddress).not.toBe(victim);
    await registry.close('pinned');
  });

  it('reports counts to listeners as windows open and close', async () => {
    const seen: number[] = [];
    const stop = registry.onChange((counts) => seen.push(counts.windows));
    const before = registry.counts.windows;
    registry.open('counted');
    await registry.close('counted');
    stop();
    expect(seen).toContain(before + 1);
    expect(seen.at(-1)).toBe(before);
  });
});
