import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import type { BaseXSession } from '../src-main/basex/session.js';
import { adminSession, serverSessions, storedGloss } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, pressKey, ui } from './support/ui.js';

/**
 * Several windows at once, each a browser context with its own WebSocket and so its own BaseX
 * session: nothing crossed, lost or blocked. One host for the file; dictionaries and worksets
 * are made with the CLI, which reuses the host's embedded server.
 */
const SHARED = resolve(import.meta.dirname, '../../shared/lift');
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let admin: BaseXSession;
const worksets: Record<string, { id: number; total: number; first: string[] }> = {};

async function cliJson<T>(args: string[]): Promise<T> {
  const run = await host.cli([...args, '--json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as T;
}

async function makeWorkset(db: string, name: string, filters: unknown[]): Promise<void> {
  const created = await cliJson<{ id: number; total: number }>(['worksets', 'create', db, '--name', name, '--query', JSON.stringify({ match: 'all', filters })]);
  const shown = await cliJson<{ entries: { guid: string }[] }>(['worksets', 'show', String(created.id), '--limit', '3']);
  worksets[name] = { id: created.id, total: created.total, first: shown.entries.map((e) => e.guid) };
}

/** Windows opened at the same time, each in its own context. */
async function openWindows(browser: Browser, hashes: string[]): Promise<{ contexts: BrowserContext[]; pages: Page[] }> {
  const contexts = await Promise.all(hashes.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  await Promise.all(pages.map((page, i) => openApp(page, host.url, hashes[i])));
  return { contexts, pages };
}

async function clientAddress(page: Page): Promise<string> {
  await expect(ui.statusSession(page)).toHaveAttribute('data-live', 'true');
  return (await ui.statusSession(page).getAttribute('data-client-address')) ?? '';
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  host = await startHost();
  await cliJson(['import', join(SHARED, 'Sena/Sena.lift')]);
  await cliJson(['import', join(SHARED, 'Lotud/Lotud.lift')]);
  await makeWorkset('Sena', 'Sena nouns', [{ field: 'pos', op: 'equals', value: 'Nome' }]);
  await makeWorkset('Sena', 'Sena verbs', [{ field: 'pos', op: 'equals', value: 'Verbo' }]);
  await makeWorkset('Lotud', 'Lotud all', [{ field: 'senses', op: 'gt', value: 0 }]);
  admin = await adminSession(host.dataFolder);
});

test.afterAll(async () => {
  await admin?.close();
  await host?.stop();
});

test('five windows open the same and different worksets at once, each on its own session', async ({ browser }) => {
  const nouns = worksets['Sena nouns'];
  const verbs = worksets['Sena verbs'];
  const hashes = [nouns, nouns, nouns, verbs, verbs].map((w) => `#workset=${w.id}`);
  const { contexts, pages } = await openWindows(browser, hashes);

  await Promise.all(
    pages.map(async (page, i) => {
      const expected = i < 3 ? nouns : verbs;
      await expect(page.getByTestId('workset-title')).toHaveText(i < 3 ? 'Sena nouns' : 'Sena verbs');
      await expect(page.getByTestId('view-count')).toHaveText(`${expected.total} entries`);
      for (const [index, guid] of expected.first.entries()) {
        await expect(page.locator(`[data-testid="workset-row"][data-index="${index}"]`)).toHaveAttribute('data-guid', guid);
      }
      await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '5');
    }),
  );
  const addresses = await Promise.all(pages.map(clientAddress));
  expect(new Set(addresses).size).toBe(5);
  expect(await serverSessions(admin)).toEqual(expect.arrayContaining(addresses));

  // Closing two windows releases exactly their two sessions.
  await Promise.all([contexts[1].close(), contexts[3].close()]);
  for (const page of [pages[0], pages[2], pages[4]]) await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '3');
  await expect.poll(() => serverSessions(admin)).not.toContain(addresses[1]);
  const remaining = await serverSessions(admin);
  expect(remaining).not.toContain(addresses[3]);
  expect(remaining).toEqual(expect.arrayContaining([addresses[0], addresses[2], addresses[4]]));
  await Promise.all([contexts[0].close(), contexts[2].close(), contexts[4].close()]);
});

test("the same entry in two windows: a stale save meets the conflict UI and never overwrites", async ({ browser }) => {
  const nouns = worksets['Sena nouns'];
  const { contexts, pages } = await openWindows(browser, [`#workset=${nouns.id}`, `#workset=${nouns.id}`]);
  const [a, b] = pages;
  const guid = nouns.first[1];
  for (const page of pages) {
    await page.locator(`[data-testid="workset-row"][data-guid="${guid}"]`).click();
    await expect(ui.entryPane(page)).toHaveAttribute('data-guid', guid);
  }
  // Sena's glosses are Portuguese first: the work list shows that one.
  const field = 'Gloss pt, sense 1';
  await b.getByTestId('entry-pane').getByRole('button', { name: `Edit ${field}` }).click();
  await a.getByTestId('entry-pane').getByRole('button', { name: `Edit ${field}` }).click();
  await a.getByTestId('entry-pane').getByLabel(field).fill('saved by window A');
  await a.getByTestId('entry-pane').getByLabel(field).press('Enter');
  await expect(a.getByTestId('entry-pane')).toContainText('saved by window A');

  // B sees A's change arrive in its work list without reloading; its own draft is kept.
  await expect(b.locator(`[data-testid="workset-row"][data-guid="${guid}"] .cell-gloss`)).toHaveText('saved by window A');
  await b.getByTestId('entry-pane').getByLabel(field).fill('saved by window B');
  await b.getByTestId('entry-pane').getByLabel(field).press('Enter');
  const conflict = b.getByRole('dialog', { name: 'This entry was changed elsewhere' });
  await expect(conflict.getByTestId('conflict-mine')).toContainText('saved by window B');
  await expect(conflict.getByTestId('conflict-current')).toContainText('saved by window A');
  expect(await storedGloss(admin, 'Sena', guid, 'pt')).toBe('saved by window A');

  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(() => storedGloss(admin, 'Sena', guid, 'pt')).toBe('saved by window B');
  await expect(a.locator(`[data-testid="workset-row"][data-guid="${guid}"] .cell-gloss`)).toHaveText('saved by window B');
  await Promise.all(contexts.map((context) => context.close()));
});

test('a bulk edit in one window while four others page and edit', async ({ browser }) => {
  const lotud = worksets['Lotud all'];
  const { contexts, pages } = await openWindows(browser, Array.from({ length: 5 }, () => `#workset=${lotud.id}`));
  const [a, ...others] = pages;
  const firstRow = (page: Page): ReturnType<Page['locator']> => page.locator('[data-testid="workset-row"][data-index="0"] .cell-gloss');
  await expect(firstRow(a)).toBeVisible();

  await a.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = a.getByRole('dialog', { name: /Bulk edit/ });
  await dialog.getByLabel('Action').selectOption('append');
  await dialog.getByLabel('Field').selectOption('gloss');
  // Every writing system, so whichever gloss a row shows gets the mark.
  await dialog.getByLabel('Writing system').selectOption('');
  await dialog.getByLabel('Value').fill(' ·');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('bulk-total')).toHaveText(`${lotud.total.toLocaleString('en')} entries`);
  await dialog.getByRole('button', { name: /^Run on/ }).click();

  // Meanwhile the others scroll, open entries and curate — all of it must keep working.
  await Promise.all(
    others.map(async (page, i) => {
      const scroll = page.getByTestId('workset-table-scroll');
      for (let step = 1; step <= 4; step++) {
        // Scroll to a row far down, wait for its page to load, and open it.
        const index = 200 * (i + 1) + 37 * step;
        const rowHeight = await page.getByTestId('workset-row').first().evaluate((row) => row.getBoundingClientRect().height);
        await scroll.evaluate((el, top) => el.scrollTo(0, top), (index - 3) * rowHeight);
        const row = page.locator(`[data-testid="workset-row"][data-index="${index}"]`);
        await expect(row).toBeVisible();
        const guid = (await row.getAttribute('data-guid')) ?? '';
        await row.click();
        await expect(ui.entryPane(page)).toHaveAttribute('data-guid', guid);
        await pressKey(page, step % 2 ? 'd' : 'r');
        await expect(page.getByTestId('curation-bar')).toHaveAttribute('data-status', step % 2 ? 'done' : 'review');
      }
      await scroll.evaluate((el) => el.scrollTo(0, 0));
    }),
  );
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  // Every window sees the change landed, without reloading; none shows an error.
  for (const page of pages) {
    await expect(firstRow(page)).toHaveText(/ ·$/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'undone', { timeout: 120_000 });
  for (const page of pages) await expect(firstRow(page)).not.toHaveText(/ ·$/);
  await Promise.all(contexts.map((context) => context.close()));
});

test("a killed session stays in its window: it reconnects, the others never notice", async ({ browser }) => {
  const nouns = worksets['Sena nouns'];
  const { contexts, pages } = await openWindows(browser, [nouns, nouns, nouns].map((w) => `#workset=${w.id}`));
  const before = await Promise.all(pages.map(clientAddress));
  await admin.command(`KILL ${before[0]}`);
  await expect.poll(() => serverSessions(admin)).not.toContain(before[0]);

  // The killed window carries on: opening an entry and curating it work.
  const [victim, ...bystanders] = pages;
  await victim.locator('[data-testid="workset-row"][data-index="2"]').click();
  await expect(ui.entryPane(victim)).toHaveAttribute('data-guid', nouns.first[2]);
  await pressKey(victim, 'r');
  await expect(victim.getByTestId('curation-bar')).toHaveAttribute('data-status', 'review');
  await expect(ui.statusSession(victim)).not.toHaveAttribute('data-client-address', before[0]);
  await expect(ui.statusSession(victim)).toHaveAttribute('data-live', 'true');

  for (const [i, page] of bystanders.entries()) {
    await expect(ui.statusSession(page)).toHaveAttribute('data-client-address', before[i + 1]);
    await page.locator('[data-testid="workset-row"][data-index="1"]').click();
    await expect(ui.entryPane(page)).toHaveAttribute('data-guid', nouns.first[1]);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await Promise.all(contexts.map((context) => context.close()));
});
