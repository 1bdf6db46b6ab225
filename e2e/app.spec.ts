import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startHost, type RunningHost } from './support/host.js';
import { glossOf, openApp, pressKey, ui } from './support/ui.js';

/**
 * The renderer end to end against the browser host: import a LIFT file through the file input,
 * build a workset in the query builder, page through it, edit an entry (and meet another
 * window's edit as a conflict), curate from the keyboard, and run and undo a bulk edit; then the
 * File menu's commands from a workset (injected as the `menu` events Electron sends) and a bulk
 * run whose answer is lost. One host and one page for the whole file, in order: each step starts
 * where the last ended.
 */
const SAMPLE = resolve(import.meta.dirname, '../resources/sample/sample.lift');

test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: false });
  page = await browser.newPage();
  await openApp(page, host.url);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('imports a LIFT file picked in the file input', async () => {
  await expect(page.getByText('No dictionaries yet')).toBeVisible();
  await page.getByLabel('Import LIFT file').setInputFiles(SAMPLE);
  await expect(page.getByTestId('import-status')).toContainText('Imported sample.lift as sample: 234 entries');
  await expect(page.getByTestId('dictionary-item').filter({ hasText: 'sample' })).toContainText('234 entries');
  await expect(page.getByTestId('status-dictionary')).toHaveAttribute('data-dictionary', 'sample');
  await expect(ui.statusSession(page)).toHaveAttribute('data-live', 'true');
  await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '1');
});

test('creates a workset in the query builder, with a live count', async () => {
  await page.getByRole('button', { name: 'New workset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workset' });
  const row = dialog.getByTestId('condition-row').first();
  // An empty "contains" is wrong, and the app says so next to that row.
  await expect(row.getByTestId('query-issues')).toContainText('needs a non-empty value');
  await row.getByLabel('Field').selectOption('pos');
  await row.getByLabel('Operator').selectOption('equals');
  await row.getByLabel('Value').fill('Noun');
  await expect(dialog.getByTestId('query-count')).toHaveText('171 entries');
  await expect(row.getByTestId('query-issues')).toHaveCount(0);
  // A nested "any" group narrows it: nouns whose English gloss starts with "little" or "big".
  await dialog.getByRole('button', { name: '+ Group' }).click();
  const group = dialog.getByTestId('filter-group').nth(1);
  await group.getByLabel('Field').selectOption('gloss');
  await group.getByLabel('Writing system').selectOption('en');
  await group.getByLabel('Operator').selectOption('starts-with');
  await group.getByLabel('Value').fill('little');
  await expect(dialog.getByTestId('query-count')).not.toHaveText('171 entries');
  await group.getByRole('button', { name: 'Remove group' }).click();
  await expect(dialog.getByTestId('query-count')).toHaveText('171 entries');
  await dialog.getByLabel('Name').fill('Nouns');
  await dialog.getByRole('button', { name: 'Create workset' }).click();
  await expect(page.getByTestId('workset-title')).toHaveText('Nouns');
  await expect(page.getByTestId('view-count')).toHaveText('171 entries');
  await expect(ui.progress(page)).toHaveAttribute('data-total', '171');
});

test('pages through the virtual table as it scrolls', async () => {
  await expect(page.getByTestId('workset-row').first()).toBeVisible();
  // Only the rows on screen exist, and the first page holds 100.
  expect(await page.getByTestId('workset-row').count()).toBeLessThan(100);
  await expect(page.locator('[data-testid="workset-row"][data-index="170"]')).toHaveCount(0);
  await page.getByTestId('workset-table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[data-testid="workset-row"][data-index="170"]')).toBeVisible();
  await page.getByTestId('workset-table-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('[data-testid="workset-row"][data-index="0"]')).toBeVisible();
});

test('opens and edits an entry, and resolves a conflict with another window', async () => {
  await ui.row(page, 'ahi').click();
  const pane = ui.entryPane(page);
  await expect(pane.getByTestId('entry-headword')).toContainText('ahi');
  await expect(pane).toContainText('water falling in drops from the clouds');

  await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await pane.getByLabel('Gloss en, sense 1').fill('rain shower');
  await pane.getByLabel('Gloss en, sense 1').press('Enter');
  await expect(pane.getByRole('button', { name: 'Edit Gloss en, sense 1' })).toBeVisible();
  await expect(glossOf(ui.row(page, 'ahi'))).toHaveText('rain shower');

  // Start editing here, let a second window save the same entry first: saving here conflicts.
  await pane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  const other = await page.context().browser()!.newPage();
  await openApp(other, host.url, '#workset=1');
  await ui.row(other, 'ahi').click();
  const otherPane = ui.entryPane(other);
  await otherPane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  await otherPane.getByLabel('Definition en, sense 1').fill('water from the clouds');
  await otherPane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
  await expect(otherPane).toContainText('water from the clouds');
  await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '2');
  await other.close();

  await pane.getByLabel('Definition en, sense 1').fill('drops of water falling from clouds');
  await pane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'This entry was changed elsewhere' });
  await expect(conflict.getByTestId('conflict-mine')).toContainText('drops of water falling from clouds');
  await expect(conflict.getByTestId('conflict-current')).toContainText('water from the clouds');
  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await expect(conflict).toBeHidden();
  await expect(pane).toContainText('drops of water falling from clouds');
});

test('curates from the keyboard and moves the progress bar', async () => {
  const pane = ui.entryPane(page);
  await expect(pane).toHaveAttribute('data-guid', /.+/);
  await pressKey(page, 'd');
  await expect(page.getByTestId('curation-bar')).toHaveAttribute('data-status', 'done');
  await expect(ui.progress(page)).toHaveAttribute('data-done', '1');
  await expect(ui.row(page, 'ahi')).toHaveAttribute('data-status', 'done');

  await pressKey(page, 'ArrowRight');
  await expect(pane.getByTestId('entry-headword')).toContainText('ahili');
  await pressKey(page, 'r');
  await expect(ui.progress(page)).toHaveAttribute('data-review', '1');
  await pressKey(page, 'f');
  await expect(page.getByTestId('curation-bar')).toHaveAttribute('data-favourite', 'true');
  await expect(ui.row(page, 'ahili')).toHaveAttribute('data-favourite', 'true');

  await pressKey(page, 'ArrowLeft');
  await expect(pane.getByTestId('entry-headword')).toContainText('ahi');
  await expect(page.getByTestId('curation-bar')).toHaveAttribute('data-status', 'done');
  await pressKey(page, 'p');
  await expect(ui.progress(page)).toHaveAttribute('data-done', '0');
  await pressKey(page, 'd');
  await expect(ui.progress(page)).toHaveAttribute('data-done', '1');
  await expect(ui.progress(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

  // The favourites filter shows only ahili; notes are saved per entry.
  await page.getByLabel('Favourites only').check();
  await expect(page.getByTestId('view-count')).toHaveText('1 entry');
  await page.getByLabel('Favourites only').uncheck();
  await expect(page.getByTestId('view-count')).toHaveText('171 entries');
  await page.getByTestId('workset-notes').fill('check the English gloss');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('button', { name: 'Notes saved' })).toBeVisible();
});

test('runs a bulk edit with a preview, then undoes it', async () => {
  const gloss = glossOf(ui.row(page, 'ahili'));
  await expect(gloss).toHaveText('little rain');
  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk edit/ });
  await dialog.getByLabel('Action').selectOption('append');
  await dialog.getByLabel('Field').selectOption('gloss');
  await dialog.getByLabel('Writing system').selectOption('en');
  await dialog.getByLabel('Value').fill(' (n)');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.locator('[data-testid="bulk-preview-row"][data-headword="ahili"]');
  await expect(preview.locator('.before')).toHaveText('little rain');
  await expect(preview.locator('.after')).toHaveText('little rain (n)');
  await expect(dialog.getByTestId('bulk-total')).toHaveText('171 entries');

  await dialog.getByRole('button', { name: /^Run on/ }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('bulk-outcome')).toContainText('171 entries changed');
  await expect(gloss).toHaveText('little rain (n)');

  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'undone');
  await expect(gloss).toHaveText('little rain');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
});

/**
 * A page whose WebSocket to the host passes through the test: it can inject a frame the host
 * never sent (Electron's File menu arrives as a `menu` event), or replace an answer.
 */
async function routedPage(rewrite?: (frame: string) => string | null): Promise<{ page: Page; inject: (frame: unknown) => void }> {
  const routed = await page.context().browser()!.newPage();
  let socket: WebSocketRoute | undefined;
  await routed.routeWebSocket(/\/ws\?/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frame) => server.send(frame));
    server.onMessage((frame) => {
      const out = typeof frame === 'string' && rewrite ? rewrite(frame) : frame;
      if (out !== null) ws.send(out);
    });
    socket = ws;
  });
  return { page: routed, inject: (frame) => socket?.send(JSON.stringify(frame)) };
}

test('File › Export… from a workset exports its dictionary as a download; Import… leads to the import', async () => {
  const { page: window, inject } = await routedPage();
  await openApp(window, host.url, '#workset=1');
  await expect(window.getByTestId('workset-title')).toHaveText('Nouns');

  const download = window.waitForEvent('download');
  inject({ type: 'event', event: 'menu', payload: { command: 'export' } });
  const status = window.getByTestId('menu-status').getByTestId('export-status');
  await expect(status).toHaveAttribute('data-phase', 'done');
  await expect(status).toContainText('Exported 234 entries of sample');
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toContain('<lift');
  expect((await download).suggestedFilename()).toMatch(/^sample-\d{8}T\d{6}\.lift$/);
  // Still on the workset: the menu does not move the window for an export.
  await expect(window.getByTestId('workset-title')).toHaveText('Nouns');

  // A page may open its file chooser only from a click: the menu brings the user to it.
  inject({ type: 'event', event: 'menu', payload: { command: 'import' } });
  await expect(window.getByLabel('Import LIFT file')).toBeAttached();
  await expect(window.getByTestId('menu-status')).toContainText('use “Import LIFT…” or drop a .lift file');
  await window.close();
});

test('a bulk run whose answer is lost offers undo of what it wrote, not a dead Run', async () => {
  // The run goes through, but the page is told the connection dropped before the answer.
  const runIds = new Set<number>();
  const { page: window } = await routedPage((frame) => {
    const message = JSON.parse(frame) as { type: string; id?: number; result?: { ok: boolean; value?: { operation?: { state?: string } } } };
    const outcome = message.type === 'result' && message.result?.ok ? message.result.value?.operation?.state : undefined;
    if (outcome !== 'done' || message.id === undefined || runIds.has(message.id)) return frame;
    runIds.add(message.id);
    return JSON.stringify({ type: 'result', id: message.id, result: { ok: false, error: { code: 'Unavailable', message: 'the connection to Workset Browser dropped before it answered' } } });
  });
  await openApp(window, host.url, '#workset=1');
  const gloss = glossOf(ui.row(window, 'ahili'));
  await expect(gloss).toHaveText('little rain');
  await window.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = window.getByRole('dialog', { name: /Bulk edit/ });
  await dialog.getByLabel('Action').selectOption('append');
  await dialog.getByLabel('Field').selectOption('gloss');
  await dialog.getByLabel('Writing system').selectOption('en');
  await dialog.getByLabel('Value').fill(' (lost)');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: /^Run on/ }).click();

  await expect(dialog.getByRole('alert')).toContainText('dropped before it answered');
  await expect(dialog.getByTestId('bulk-stopped')).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByRole('button', { name: /^Run on/ })).toHaveCount(0);
  await expect(gloss).toHaveText('little rain (lost)');
  await dialog.getByRole('button', { name: 'Undo the 171 changed' }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'undone');
  await expect(gloss).toHaveText('little rain');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  await window.close();
});
