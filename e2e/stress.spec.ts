import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import type { RendererApi } from '../src-main/ipc/contract.js';
import type { BaseXSession } from '../src-main/basex/client-session.js';
import { adminSession, serverSessions } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, ui } from './support/ui.js';

/**
 * Eight windows, 200 random operations each (page, open an entry, edit it, set a status, mark a
 * favourite), all at once on the same 40 entries so edits collide. Every call goes through the
 * window's own `window.api` — the real bridge, WebSocket and BaseX session. Then the database is
 * checked: every acknowledged write is there, every refused one was reported as a conflict.
 */
const SENA = resolve(import.meta.dirname, '../../shared/lift/Sena/Sena.lift');
const WINDOWS = 8;
const OPERATIONS = 200;
const HOT_ENTRIES = 40;

interface WindowLog {
  readonly edits: { guid: string; value: string }[];
  readonly refused: { guid: string; value: string }[];
  readonly statuses: Record<string, string>;
  readonly favourites: Record<string, boolean>;
  readonly errors: string[];
  readonly counts: Record<string, number>;
}

let host: RunningHost;
let admin: BaseXSession;

test.beforeAll(async () => {
  host = await startHost();
  const imported = await host.cli(['import', SENA, '--json']);
  expect(imported.code).toBe(0);
  admin = await adminSession(host.dataFolder);
});

test.afterAll(async () => {
  await admin?.close();
  await host?.stop();
});

/** One window's random walk, run inside the page on its own `window.api`. */
function walk(page: Page, args: { window: number; worksetId: number; operations: number; hot: number }): Promise<WindowLog> {
  return page.evaluate(async ({ window: w, worksetId, operations, hot }) => {
    const api = (globalThis as unknown as { api: RendererApi }).api;
    let seed = 7919 * (w + 1);
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const log: WindowLog = { edits: [], refused: [], statuses: {}, favourites: {}, errors: [], counts: {} };
    const versions = new Map<string, string>();
    let guids: string[] = [];
    const dictionary = 'Sena';
    for (let n = 0; n < operations; n++) {
      const kind = guids.length === 0 ? 'page' : ['page', 'open', 'edit', 'edit', 'status', 'favourite'][random(6)];
      log.counts[kind] = (log.counts[kind] ?? 0) + 1;
      const guid = guids[random(Math.max(1, guids.length))];
      if (kind === 'page') {
        const result = await api.call('worksets.page', { id: worksetId, offset: random(hot - 10), limit: 10 });
        if (result.ok) guids = [...new Set([...guids, ...result.value.entries.map((e) => e.guid)])];
        else log.errors.push(`page: ${result.error.message}`);
      } else if (kind === 'open') {
        const result = await api.call('entries.get', { dictionary, guid });
        if (result.ok) versions.set(guid, result.value.version);
        else log.errors.push(`open: ${result.error.message}`);
      } else if (kind === 'edit') {
        if (!versions.has(guid)) {
          const opened = await api.call('entries.get', { dictionary, guid });
          if (!opened.ok) {
            log.errors.push(`open: ${opened.error.message}`);
            continue;
          }
          versions.set(guid, opened.value.version);
        }
        const value = `w${w}-op${n}`;
        const edit = { action: 'set', field: 'gloss', lang: `qaa-x-w${w}`, sense: 0, value } as const;
        const result = await api.call('entries.edit', { dictionary, guid, version: versions.get(guid) ?? '', edit });
        if (result.ok) {
          log.edits.push({ guid, value });
          versions.set(guid, result.value.version);
        } else if (result.error.code === 'Conflict') {
          log.refused.push({ guid, value });
          versions.set(guid, (result.error.details as { version: string }).version);
        } else log.errors.push(`edit: ${result.error.code} ${result.error.message}`);
      } else if (kind === 'status') {
        const status = (['pending', 'done', 'review'] as const)[random(3)];
        const result = await api.call('worksets.setStatus', { id: worksetId, guid, status });
        if (result.ok) log.statuses[guid] = status;
        else log.errors.push(`status: ${result.error.message}`);
      } else {
        const favourite = random(2) === 1;
        const result = await api.call('worksets.setFavourite', { id: worksetId, guid, favourite });
        if (result.ok) log.favourites[guid] = favourite;
        else log.errors.push(`favourite: ${result.error.message}`);
      }
    }
    return log;
  }, args);
}

test('8 windows × 200 random operations: every acknowledged write is stored, every refusal was a conflict', async ({ browser }) => {
  test.setTimeout(600_000);
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }] });
  const worksetIds: number[] = [];
  for (let i = 0; i < WINDOWS; i++) {
    const run = await host.cli(['worksets', 'create', 'Sena', '--name', `stress ${i}`, '--query', query, '--json']);
    worksetIds.push((JSON.parse(run.stdout) as { id: number }).id);
  }
  const contexts = await Promise.all(worksetIds.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  await Promise.all(pages.map((page, i) => openApp(page, host.url, `#workset=${worksetIds[i]}`)));
  await expect(ui.statusSessions(pages[0])).toHaveAttribute('data-windows', String(WINDOWS));

  const logs = await Promise.all(pages.map((page, i) => walk(page, { window: i, worksetId: worksetIds[i], operations: OPERATIONS, hot: HOT_ENTRIES })));
  expect(logs.flatMap((log) => log.errors)).toEqual([]);
  const refusals = logs.reduce((sum, log) => sum + log.refused.length, 0);
  const acknowledged = logs.reduce((sum, log) => sum + log.edits.length, 0);
  console.log(`stress: ${acknowledged} edits stored, ${refusals} refused as conflicts, ${WINDOWS * OPERATIONS} operations`);
  expect(acknowledged).toBeGreaterThan(0);

  // The database: each window's last acknowledged value per entry is there, refused values are not.
  const stored = JSON.parse(
    await admin.execute(
      `serialize(map:merge(for $e in db:open('Sena', 'dictionary.lift')/lift/entry[sense[1]/gloss[starts-with(@lang, 'qaa-x-w')]]
         return map { string($e/@guid): map:merge(for $g in $e/sense[1]/gloss[starts-with(@lang, 'qaa-x-w')] return map { string($g/@lang): string($g/text) }) }),
       map { 'method': 'json' })`,
    ),
  ) as Record<string, Record<string, string>>;
  logs.forEach((log, w) => {
    const last = new Map(log.edits.map((edit) => [edit.guid, edit.value]));
    for (const [guid, value] of last) expect(stored[guid]?.[`qaa-x-w${w}`], `window ${w}, entry ${guid}`).toBe(value);
    const storedValues = new Set(Object.values(stored).flatMap((forms) => Object.values(forms)));
    for (const refused of log.refused) expect(storedValues.has(refused.value), `refused ${refused.value} was stored`).toBe(false);
  });

  // Curation: each window's workset holds what it last acknowledged.
  for (const [w, log] of logs.entries()) {
    const shown = await host.cli(['worksets', 'show', String(worksetIds[w]), '--limit', String(HOT_ENTRIES), '--json']);
    const rows = new Map((JSON.parse(shown.stdout) as { entries: { guid: string; status: string; favourite: boolean }[] }).entries.map((e) => [e.guid, e]));
    for (const [guid, status] of Object.entries(log.statuses)) expect(rows.get(guid)?.status).toBe(status);
    for (const [guid, favourite] of Object.entries(log.favourites)) expect(rows.get(guid)?.favourite).toBe(favourite);
  }

  // No session leaked: with every window closed, only a new window's, the host's change-log follower's and ours remain.
  await Promise.all(contexts.map((context) => context.close()));
  const check = await browser.newPage();
  await openApp(check, host.url);
  await expect(ui.statusSessions(check)).toHaveAttribute('data-windows', '1');
  const own = (await ui.statusSession(check).getAttribute('data-client-address')) ?? '';
  await expect.poll(async () => (await serverSessions(admin)).length).toBe(3);
  expect(await serverSessions(admin)).toContain(own);
  await check.close();
});
