import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { onDatabase } from '../../src-main/lift/database-query.js';
import { LIFT_DOC } from '../../src-main/lift/documents.js';
import { importLift } from '../../src-main/lift/import.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { validateQuery } from '../../src-main/worksets/query/validate.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

/**
 * A write in dictionary A that is inside BaseX, holding A's write lock, does not hold up a page,
 * an edit or a validate in dictionary B: B's calls all complete while A's write is still
 * running, and a read of A, the control, is still waiting for it. No timing is asserted: A's
 * write waits on a gate file that only the test opens, after B's calls are done, so A cannot
 * finish first however fast or slow either side is.
 */

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const NOUNS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] };
/** Polls of the gate before A's write gives up on it (a bound, so a failed test cannot hang BaseX). */
const MAX_POLLS = 6_000;

/**
 * An updating query on A that says it started (the write lock is taken before a query is
 * evaluated), then sleeps until the gate file exists, then stamps A's first entry. The wait is
 * a tail call, so its depth costs no stack.
 */
const GATED_WRITE = `
declare variable $db external;
declare variable $started as xs:string external;
declare variable $gate as xs:string external;
declare variable $max as xs:integer external;
declare function local:wait($polls as xs:integer) as xs:integer {
  if (file:exists($gate) or $polls >= $max) then $polls else local:wait(($polls + 1, prof:sleep(20)))
};
let $polls := (file:write-text($started, 'started'), local:wait(0))
return replace value of node db:open($db, '${LIFT_DOC}')/lift/entry[1]/@dateModified with 'gate:' || $polls
`;

const STAMP = `declare variable $db external; string(db:open($db, '${LIFT_DOC}')/lift/entry[1]/@dateModified)`;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(10);
}

describe('a write in one dictionary beside calls in another', () => {
  let admin: BaseXSession;
  let writer: BaseXSession;
  let other: BaseXSession;
  let reader: BaseXSession;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-beside-'));
  const a = uniqueName('beside_a');
  const b = uniqueName('beside_b');

  beforeAll(async () => {
    admin = await connectTestSession();
    for (const name of [a, b]) await importLift(admin, SAMPLE, { database: name });
    writer = await connectTestSession({ timeoutMs: 300_000 });
    other = await connectTestSession();
    reader = await connectTestSession({ timeoutMs: 300_000 });
    store = openStore(folder);
  });
  afterAll(async () => {
    store.close();
    for (const session of [writer, other, reader]) await session.close();
    for (const name of [a, b]) await admin.command(`DROP DB ${name}`);
    await admin.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('pages, edits and validates B while A is write-locked by a running query', async () => {
    const worksets = new WorksetService(store);
    const entries = new EntryService(store, TEST_AUTHOR);
    const { id } = await worksets.create(other, { dictionary: b, name: 'nouns', query: NOUNS });
    const [first] = (await worksets.page(other, id, { offset: 0, limit: 1 })).entries;
    const { version } = await entries.get(other, b, first.guid);

    const started = join(folder, 'started');
    const gate = join(folder, 'gate');
    let settled = false;
    const write = writer
      .query(onDatabase(a, GATED_WRITE), { started, gate, max: MAX_POLLS })
      .finally(() => (settled = true));
    write.catch(() => undefined);
    await until(() => existsSync(started) || settled);
    expect(settled).toBe(false);
    // A read of A must wait for the write: it proves the write holds A's lock.
    let readSettled = false;
    const read = reader.query(onDatabase(a, STAMP)).finally(() => (readSettled = true));
    read.catch(() => undefined);

    const page = await worksets.page(other, id, { offset: 0, limit: 50 });
    const edited = await entries.edit(other, b, first.guid, version, { action: 'append', field: 'gloss', lang: 'en', value: ' (beside)' });
    const validation = await validateQuery(other, b, NOUNS);
    expect(page.entries).toHaveLength(50);
    expect(edited.xml).toContain(' (beside)');
    expect(validation).toMatchObject({ ok: true, total: page.total });
    // All of B's calls are done, and A's write is still waiting at its gate, the read behind it.
    expect(settled).toBe(false);
    expect(readSettled).toBe(false);

    writeFileSync(gate, '');
    await write;
    // The read ran after the write: it sees the write's stamp.
    const [stamp] = await read;
    expect(stamp).toMatch(/^gate:\d+$/);
    expect(Number(stamp.slice('gate:'.length))).toBeLessThan(MAX_POLLS);
  }, 240_000);
});
