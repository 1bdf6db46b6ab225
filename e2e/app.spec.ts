import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bulkEditAndUndo, createNounsWorkset, curateFromKeyboard, editEntryThroughConflict, importSample, pageThroughWorkset, SAMPLE } from './support/flow.js';
import { startHost, type RunningHost } from './support/host.js';
import { glossOf, openApp, pressKey, previewBulkEdit, ui } from './support/ui.js';

/**
 * The renderer end to end against the browser host: the flow of support/flow.ts (import a LIFT
 * file through the file input, build a workset in the query builder, page through it, edit an
 * entry and meet another window's edit as a conflict, curate from the keyboard, run and undo a
 * bulk edit), which electron.spec.ts runs in the Electron app; then what only the browser host
 * does: the File menu's commands from a workset (injected as the `menu` events Electron sends)
 * and a bulk run whose answer is lost. One host and one page for the whole file, in order: each step starts
 * where the last ended.
 */
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
  await importSample(page, (window, file) => window.getByLabel('Import LIFT file').setInputFiles(file));
});

test('creates a workset in the query builder, with a live count', async () => {
  await createNounsWorkset(page);
});

test('pages through the virtual table as it scrolls', async () => {
  await pageThroughWorkset(page);
});

test('opens and edits an entry, and resolves a conflict with another window', async () => {
  // "Open in new window" answers with the address, and the page opens it as a new tab.
  await editEntryThroughConflict(page, () => page.context().waitForEvent('page'));
});

test('curates from the keyboard and moves the progress bar', async () => {
  await curateFromKeyboard(page);
});

test('runs a bulk edit with a preview, then undoes it', async () => {
  await bulkEditAndUndo(page);
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
  const dialog = await previewBulkEdit(window, { action: 'append', field: 'gloss', lang: 'en', value: ' (lost)' });
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

test('undoes and redoes its own edit, sees a command-line change live, asks before an undo overwrites it, and reverts from the history', async () => {
  await openApp(page, host.url, '#workset=1');
  const row = ui.row(page, 'ahili');
  await row.click();
  const pane = ui.entryPane(page);
  await expect(pane.getByTestId('entry-headword')).toContainText('ahili');
  // This window's earlier edits of "ahi" are on its stack already.
  const undoStep = page.getByTestId('undo');
  const earlier = await undoStep.getAttribute('title');
  expect(earlier).toMatch(/of ‘ahi’/);

  await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await pane.getByLabel('Gloss en, sense 1').fill('drizzle');
  await pane.getByLabel('Gloss en, sense 1').press('Enter');
  await expect(glossOf(row)).toHaveText('drizzle');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo Gloss (en), sense 1 of ‘ahili’ (Ctrl+Z)');
  await pressKey(page, 'Control+z');
  await expect(glossOf(row)).toHaveText('little rain');
  await expect(undoStep).toHaveAttribute('title', earlier ?? '');
  await page.getByTestId('redo').click();
  await expect(glossOf(row)).toHaveText('drizzle');

  // Ben changes the same gloss from the command line, another process: the window shows it as it lands.
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'lexeme', op: 'equals', value: 'ahili' }] });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'ahili alone', '--query', query, '--json']);
  expect(created.stderr).toBe('');
  const { id } = JSON.parse(created.stdout) as { id: number };
  const bulk = await host.cli(['bulk', String(id), '--op', JSON.stringify({ action: 'set', field: 'gloss', lang: 'en', value: 'light rain' }), '--user', 'Ben', '--json']);
  expect(bulk.stderr).toBe('');
  await expect(glossOf(row)).toHaveText('light rain');
  await expect(pane).toContainText('light rain');

  // Undoing the redo would put back what Ben changed since: asked, and kept.
  await pressKey(page, 'Control+z');
  const asked = page.getByRole('dialog', { name: 'Undo would overwrite a later change' });
  await expect(asked.getByTestId('revert-conflict-change')).toContainText('Ben changed Gloss (en) again');
  await expect(asked.getByTestId('revert-conflict-theirs')).toContainText('light rain');
  await asked.getByRole('button', { name: 'Keep it as it is' }).click();
  await expect(asked).toBeHidden();
  await expect(glossOf(row)).toHaveText('light rain');
  await expect(undoStep).toHaveAttribute('title', earlier ?? '');
  await expect(page.getByTestId('redo')).toBeDisabled();

  // The history lists Ben's change first; reverting it puts "drizzle" back, and that is undoable.
  await pane.getByTestId('entry-history').locator('summary').click();
  const latest = pane.getByTestId('history-change').first();
  await expect(latest).toContainText('Ben');
  await expect(latest).toContainText(/bulk edit \d+ of Gloss \(en\)/);
  await expect(latest.getByTestId('history-diff')).toHaveText('drizzle → light rain');
  const bens = await latest.getAttribute('data-seq');
  await latest.getByTestId('revert-change').click();
  await expect(glossOf(row)).toHaveText('drizzle');
  await expect(pane.getByTestId('history-change').first()).toContainText(/revert of change \d+ of Gloss \(en\)/);
  await expect(undoStep).toHaveAttribute('title', `Undo the revert of change ${bens} (Ctrl+Z)`);
  await undoStep.click();
  await expect(glossOf(row)).toHaveText('light rain');
});

test('importing the sample again asks first, replaces it keeping a backup, and the backup can be restored', async () => {
  await openApp(page, host.url);
  await page.getByTestId('dictionary-item').filter({ hasText: 'sample' }).click();
  await page.getByLabel('Import LIFT file').setInputFiles(SAMPLE);
  const asked = page.getByTestId('import-confirm');
  await expect(asked).toContainText(/There is already a dictionary sample: \d+ entries were changed since it was imported\./);
  await asked.getByRole('button', { name: 'Replace sample' }).click();
  await expect(page.getByTestId('import-status')).toContainText('Imported sample.lift as sample: 234 entries');
  await openApp(page, host.url, '#workset=1');
  await expect(glossOf(ui.row(page, 'ahili'))).toHaveText('little rain');

  await openApp(page, host.url, '#dictionary=sample');
  await page.getByTestId('dictionary-item').filter({ hasText: 'sample' }).click();
  await page.getByTestId('restore-backup').click();
  await page.getByRole('alertdialog', { name: 'Restore sample?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored sample as it was until' })).toBeVisible();
  await openApp(page, host.url, '#workset=1');
  await expect(glossOf(ui.row(page, 'ahili'))).toHaveText('light rain');
});
