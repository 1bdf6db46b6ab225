import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { BaseXSession } from '../src-main/basex/client-session.js';
import { readEntries } from '../src-main/lift/entry-xml.js';
import { parseCsv, writeCsv } from '../src-main/worksets/sheets/csv.js';
import { adminSession } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * A workset as a spreadsheet from the workset view: the export downloads; an edited sheet,
 * imported, shows what it changes per entry and column, applies, and is undone at once.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;
let nouns = 0;
let admin: BaseXSession;


test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] }), '--json']);
  expect(created.stderr).toBe('');
  nouns = (JSON.parse(created.stdout) as { id: number }).id;
  page = await browser.newPage();
  admin = await adminSession(host.dataFolder);
});

test.afterAll(async () => {
  await admin?.close();
  await page?.close();
  await host?.stop();
});

test('Spreadsheet… exports the workset as a download, CSV or XLSX', async () => {
  await openApp(page, host.url, `#workset=${nouns}`);
  await expect(page.getByTestId('view-count')).toHaveText('171 entries');
  await page.getByRole('button', { name: 'Spreadsheet…' }).click();
  const dialog = page.getByTestId('sheet-dialog');
  const xlsx = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const workbook = await xlsx;
  expect(workbook.suggestedFilename()).toMatch(/^Nouns-\d{8}T\d{6}\.xlsx$/);
  // An XLSX is a zip: PK.
  expect((await readFile(await workbook.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(dialog.getByTestId('sheet-exported')).toContainText('Exported 171 entries');
});

test('an edited sheet shows its changes, applies them, and is undone as a whole, byte for byte', async () => {
  const dialog = page.getByTestId('sheet-dialog');
  await dialog.getByLabel('CSV (.csv)').check();
  await dialog.getByLabel('Columns').fill('headword, gloss:en, status');
  const csv = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await csv;
  expect(download.suggestedFilename()).toMatch(/^Nouns-\d{8}T\d{6}\.csv$/);
  const rows = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(rows[0]).toEqual(['guid', 'version', expect.stringMatching(/^headword:/), 'gloss:en', 'status']);
  expect(rows).toHaveLength(172);
  const guids = rows.slice(1, 6).map((r) => r[0]);
  const stored = async (): Promise<string[]> => (await readEntries(admin, 'sample', guids)).map((e) => e.xml);
  const before = await stored();
  const first = rows[1];
  first[3] = 'from the sheet, "quoted"';
  first[4] = 'review';

  await dialog.getByLabel('Spreadsheet to import').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(rows)) });
  const preview = dialog.getByTestId('sheet-preview');
  await expect(preview.getByTestId('sheet-preview-summary')).toHaveText('2 cells change in 1 entry; 170 of 171 rows unchanged.');
  await expect(preview.getByTestId('sheet-change')).toHaveCount(2);
  await expect(preview.locator(`[data-testid="sheet-change"][data-column="gloss:en"] .after`)).toHaveText('from the sheet, "quoted"');
  await expect(preview.locator(`[data-testid="sheet-change"][data-column="status"] .after`)).toHaveText('review');
  // Nothing is written by the preview.
  expect(await stored()).toEqual(before);

  await preview.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(dialog.getByTestId('sheet-applied-summary')).toHaveText('Applied 2 changes.');
  const applied = await stored();
  expect(applied[0]).toContain('<text>from the sheet, "quoted"</text>');
  expect(applied.slice(1)).toEqual(before.slice(1));
  await expect(page.getByTestId('workset-row').first().locator('.status-badge')).toHaveText('review');

  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await expect(dialog.getByTestId('sheet-undone')).toHaveText('Undone: 2 changes put back.');
  expect(await stored()).toEqual(before);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('workset-row').first().locator('.status-badge')).toHaveText('pending');
});
