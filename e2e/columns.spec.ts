import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * The work list's columns on a real FLEx export (Lotud, ../shared: each sense glossed in English,
 * then Malay): a text column shows the writing system it sorts by; the column chooser shows and
 * hides columns and picks a writing system (kept across reloads); status sorts like any column.
 */
test.describe.configure({ mode: 'serial' });

const LOTUD = resolve(import.meta.dirname, '../../shared/lift/Lotud/Lotud.lift');
let host: RunningHost;
let page: Page;
let workset = '';

const glossCells = (p: Page) => p.getByTestId('workset-row').locator('.cell-gloss span[dir="auto"]');
const header = (p: Page, name: string | RegExp) => p.getByTestId('workset-table').locator('thead th', { hasText: name });

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: false });
  expect((await host.cli(['import', LOTUD, '--db', 'Lotud', '--json'])).stderr).toBe('');
  const query = { match: 'all', filters: [{ field: 'headword', op: 'starts-with', value: 'ba' }] };
  const created = await host.cli(['worksets', 'create', 'Lotud', '--name', 'ba-', '--query', JSON.stringify(query), '--json']);
  expect(created.stderr).toBe('');
  const id = (JSON.parse(created.stdout) as { id: number }).id;
  workset = `#workset=${id}`;
  // Two entries done from the command line: sorting by status brings them together.
  const shown = JSON.parse((await host.cli(['worksets', 'show', String(id), '--offset', '10', '--limit', '20', '--json'])).stdout) as { entries: { guid: string }[] };
  for (const entry of [shown.entries[0], shown.entries[19]]) expect((await host.cli(['worksets', 'status', String(id), entry.guid, 'done'])).code).toBe(0);
  page = await browser.newPage();
  await openApp(page, host.url, workset);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('the gloss column shows the writing system it sorts by, and status sorts', async () => {
  await expect(glossCells(page).first()).toBeVisible();
  const langs = (await glossCells(page).evaluateAll((cells) => cells.map((cell) => cell.getAttribute('lang')))).slice(0, 15);
  expect(langs.length).toBe(15);
  // Each the writing system of the gloss the sort reads: English, or Malay where an entry has no English.
  const shown = JSON.parse((await host.cli(['worksets', 'show', workset.slice('#workset='.length), '--limit', '15', '--json'])).stdout) as {
    entries: { entry: { keyLangs?: { gloss?: string } } }[];
  };
  expect(langs).toEqual(shown.entries.map((e) => e.entry.keyLangs?.gloss ?? null));
  expect(langs).toContain('en');

  await header(page, 'Status').getByRole('button').click();
  await expect(header(page, 'Status')).toHaveAttribute('aria-sort', 'ascending');
  const statuses = page.getByTestId('workset-row').locator('.status-badge');
  await expect(statuses.nth(0)).toHaveText('done');
  await expect(statuses.nth(1)).toHaveText('done');
  await expect(statuses.nth(2)).toHaveText('pending');
});

test('the column chooser picks columns and a writing system, kept after a reload', async () => {
  await page.getByRole('button', { name: 'Columns…' }).click();
  const dialog = page.getByTestId('columns-dialog');
  await dialog.getByLabel('Writing system of Gloss').selectOption('ms');
  await dialog.getByRole('checkbox', { name: 'Definition' }).check();
  await dialog.getByRole('checkbox', { name: 'Modified' }).uncheck();
  // The headword is how a row is known: it cannot be hidden.
  await expect(dialog.getByRole('checkbox', { name: 'Headword' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(header(page, 'Gloss (ms)')).toBeVisible();
  await expect(header(page, 'Gloss (ms)').getByRole('button')).toHaveCount(0);
  await expect(header(page, 'Definition')).toBeVisible();
  await expect(header(page, 'Modified')).toHaveCount(0);
  await expect(glossCells(page).first()).toHaveAttribute('lang', 'ms');

  await page.reload();
  await expect(header(page, 'Gloss (ms)')).toBeVisible();
  await expect(glossCells(page).first()).toHaveAttribute('lang', 'ms');
  await expect(header(page, 'Modified')).toHaveCount(0);

  await page.getByRole('button', { name: 'Columns…' }).click();
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'As at first' }).click();
  await page.getByTestId('columns-dialog').getByRole('button', { name: 'Done' }).click();
  await expect(header(page, /^Gloss$/).getByRole('button')).toHaveCount(1);
  await expect(glossCells(page).first()).toHaveAttribute('lang', 'en');
});
