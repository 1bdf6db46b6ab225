import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import type { BaseXSession } from '../src-main/basex/client-session.js';
import { adminSession, holdDatabase, serverSessions, storedForm, storedGloss, waitForQueuedWrite } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, pressKey, previewBulkEdit, ui } from './support/ui.js';

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

/** What the bulk edit appends to every gloss, and how a row carrying it reads. */
const MARK = ' ·';
const MARKED = / ·$/;

function firstGloss(page: Page): Locator {
  return page.locator('[data-testid="workset-row"][data-index="0"] .cell-gloss');
}

/**
 * Scrolls a window's work list until row `index` is rendered with its page loaded. Each step jumps
 * from the rows on screen, not from the top: rows may differ in height, and a refresh (another
 * window's save) may move the list, so one computed jump is not enough on a busy machine.
 */
async function scrollToRow(page: Page, index: number): Promise<Locator> {
  const row = page.locator(`[data-testid="workset-row"][data-index="${index}"]`);
  const scroller = page.getByTestId('workset-table-scroll');
  await expect(async () => {
    if ((await row.count()) === 0) {
      const rows = page.getByTestId('workset-row');
      const rowHeight = await rows.first().evaluate((r) => r.getBoundingClientRect().height);
      const shown = await rows.evaluateAll((all) => all.map((r) => Number(r.getAttribute('data-index'))));
      const middle = shown[Math.floor(shown.length / 2)] ?? 0;
      await scroller.evaluate((el, by) => el.scrollBy(0, by), (index - middle) * rowHeight);
    }
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return row;
}

/**
 * Opens row `index` and types `text` as its English definition, a field the bulk edit leaves
 * alone; `save` then saves it. With `after`, first waits until the row (and then the open entry)
 * carries the bulk's change, so the edit starts from the version the bulk wrote; with `before`,
 * checks the row does not carry it yet.
 */
async function draftDefinition(
  page: Page, index: number, text: string, options: { after?: RegExp; before?: RegExp } = {},
): Promise<{ guid: string; save: () => Promise<void> }> {
  const row = await scrollToRow(page, index);
  if (options.after) await expect(row.locator('.cell-gloss')).toHaveText(options.after);
  // Not reached by the bulk yet, and with a gloss it would change.
  if (options.before) await expect(row.locator('.cell-gloss')).toHaveText(/\S/);
  if (options.before) await expect(row.locator('.cell-gloss')).not.toHaveText(options.before);
  const guid = (await row.getAttribute('data-guid')) ?? '';
  await row.click();
  const pane = ui.entryPane(page);
  await expect(pane).toHaveAttribute('data-guid', guid);
  if (options.after) await expect(pane.getByTestId('sense').first()).toContainText(MARK.trim());
  await pane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  await pane.getByLabel('Definition en, sense 1').fill(text);
  const save = async (): Promise<void> => {
    await pane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
    await expect(pane.getByTestId('field-editor')).toHaveCount(0);
    await expect(pane.getByTestId('sense').first()).toContainText(text);
  };
  return { guid, save };
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
    // Sena glosses in English first (the column shows that one): both windows show the Portuguese gloss column.
    await page.evaluate(`localStorage.setItem('workset-browser:columns:Sena', JSON.stringify({ shown: ['status', 'favourite', 'headword', 'pos', 'gloss', 'date-modified'], langs: { gloss: 'pt' } }))`);
    await page.reload();
    await expect(page.getByTestId('workset-table').locator('thead th', { hasText: 'Gloss (pt)' })).toBeVisible();
    await page.locator(`[data-testid="workset-row"][data-guid="${guid}"]`).click();
    await expect(ui.entryPane(page)).toHaveAttribute('data-guid', guid);
  }
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
  // It names the field both saved, and who changed it first (the change log's record).
  await expect(conflict.getByTestId('conflict-change')).toContainText('Gloss (pt), sense 1');
  await expect(conflict.getByTestId('conflict-current')).toContainText('saved by window A');
  expect(await storedGloss(admin, 'Sena', guid, 'pt')).toBe('saved by window A');

  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(() => storedGloss(admin, 'Sena', guid, 'pt')).toBe('saved by window B');
  await expect(a.locator(`[data-testid="workset-row"][data-guid="${guid}"] .cell-gloss`)).toHaveText('saved by window B');
  await Promise.all(contexts.map((context) => context.close()));
});

test('a bulk edit in one window, paused while four others page and edit, then resumed', async ({ browser }) => {
  // Five windows doing a user's work, with a 5,400-entry run and its undo: minutes on a loaded machine.
  test.setTimeout(600_000);
  const lotud = worksets['Lotud all'];
  const { contexts, pages } = await openWindows(browser, Array.from({ length: 5 }, () => `#workset=${lotud.id}`));
  const [a, ...others] = pages;
  await expect(firstGloss(a)).toBeVisible();

  // Every writing system, so whichever gloss a row shows gets the mark.
  const dialog = await previewBulkEdit(a, { action: 'append', field: 'gloss', lang: '', value: MARK });
  // While A's preview journals every entry, each of B–E opens an entry near the end and types an
  // edit of a field the bulk leaves alone, saved once the preview is done: the run must skip
  // these four and say so, never write over them.
  const lateText = (i: number): string => `late edit by window ${'BCDE'[i]}`;
  const drafts = await Promise.all(others.map((page, i) => draftDefinition(page, lotud.total - 1 - 40 * i, lateText(i))));
  await expect(dialog.getByTestId('bulk-total')).toHaveText(`${lotud.total.toLocaleString('en')} entries`);
  const late = await Promise.all(
    drafts.map(async (draft, i) => {
      await draft.save();
      await scrollToRow(others[i], 0);
      return draft.guid;
    }),
  );
  // A's first batch is made to wait inside BaseX, behind a lock this test holds, so A's Pause is
  // asked while that batch is being written: the run must stop right after it, whatever the speed
  // of the machine. Nothing below depends on which window or process is faster.
  const lock = await holdDatabase(host.dataFolder, 'Lotud');
  await dialog.getByRole('button', { name: /^Run on/ }).click();
  await waitForQueuedWrite(admin);
  await dialog.getByRole('button', { name: 'Pause' }).click();
  await expect(dialog.getByTestId('bulk-progress')).toHaveAttribute('data-requested', 'pause');
  await lock.release();
  const paused = dialog.getByTestId('bulk-paused');
  await expect(paused).toBeVisible();
  const changedAtPause = Number(await paused.getAttribute('data-changed'));
  expect(changedAtPause).toBeGreaterThan(0);
  expect(Number(await paused.getAttribute('data-left'))).toBeGreaterThan(0);

  // While A is paused, B–E see its first batch, page far down, curate, edit an entry A has written
  // and one it has not reached yet (which the resumed run must then skip, not overwrite).
  const outcome = dialog.getByTestId('bulk-outcome');
  const duringText = (i: number): string => `edit by window ${'BCDE'[i]} while paused`;
  const aheadText = (i: number): string => `edit by window ${'BCDE'[i]} ahead of the run`;
  const during = await Promise.all(
    others.map(async (page, i) => {
      await expect(firstGloss(page)).toHaveText(MARKED);
      for (let step = 1; step <= 3; step++) {
        const row = await scrollToRow(page, 300 * (i + 1) + 37 * step);
        const guid = (await row.getAttribute('data-guid')) ?? '';
        await row.click();
        await expect(ui.entryPane(page)).toHaveAttribute('data-guid', guid);
        await pressKey(page, step % 2 ? 'd' : 'r');
        await expect(page.getByTestId('curation-bar')).toHaveAttribute('data-status', step % 2 ? 'done' : 'review');
      }
      // An entry of A's first batch: its change is already here, so this edit starts from it.
      const written = await draftDefinition(page, 10 + 5 * i, duringText(i), { after: MARKED });
      await written.save();
      const ahead = await draftDefinition(page, lotud.total - 300 - 40 * i, aheadText(i), { before: MARKED });
      await ahead.save();
      await scrollToRow(page, 0);
      return { written: written.guid, ahead: ahead.guid };
    }),
  );
  // Paused means paused: nothing more was written while B–E worked.
  await expect(paused).toHaveAttribute('data-changed', String(changedAtPause));
  await dialog.getByRole('button', { name: /^Resume/ }).click();

  // Each batch now also writes its change-log records: minutes for the rest of 5,400 entries under load.
  await expect(outcome).toHaveAttribute('data-state', 'done', { timeout: 360_000 });
  // Skipped as changed since the preview: exactly the four saved before the run and the four saved
  // ahead of it while it was paused (and the few with no gloss, as unchanged).
  const changedSince = outcome.locator('li').filter({ hasText: 'changed by someone else since the preview' });
  const ahead = during.map((d) => d.ahead);
  await expect(changedSince).toHaveCount(late.length + ahead.length);
  for (const guid of [...late, ...ahead]) await expect(changedSince.filter({ hasText: guid })).toHaveCount(1);
  // Every window sees the change landed, without reloading; none shows an error.
  for (const page of pages) {
    await expect(firstGloss(page)).toHaveText(MARKED);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  // Nothing B–E wrote was lost, and the bulk never wrote over the entries edited after its preview.
  for (const [i, guid] of late.entries()) {
    expect(await storedForm(admin, 'Lotud', guid, 'definition')).toBe(lateText(i));
    expect(await storedForm(admin, 'Lotud', guid, 'gloss')).not.toMatch(MARKED);
  }
  for (const [i, { written, ahead: guid }] of during.entries()) {
    expect(await storedForm(admin, 'Lotud', written, 'definition')).toBe(duringText(i));
    expect(await storedForm(admin, 'Lotud', written, 'gloss')).toMatch(MARKED);
    expect(await storedForm(admin, 'Lotud', guid, 'definition')).toBe(aheadText(i));
    expect(await storedForm(admin, 'Lotud', guid, 'gloss')).not.toMatch(MARKED);
  }

  // Undo puts everything back except the four entries B–E changed after the run wrote them.
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(outcome).toHaveAttribute('data-state', 'undone', { timeout: 120_000 });
  await expect(outcome).toContainText(`except ${during.length} entries changed since`);
  for (const page of pages) await expect(firstGloss(page)).not.toHaveText(MARKED);
  for (const [i, { written }] of during.entries()) {
    expect(await storedForm(admin, 'Lotud', written, 'definition')).toBe(duringText(i));
  }
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
