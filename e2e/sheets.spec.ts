import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv, writeCsv } from '../src-main/worksets/sheets/csv.js';
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

interface ShownEntry {
  guid: string;
  status: string;
  entry: { glosses: Record<string, string[]> } | null;
}

const shown = async (): Promise<ShownEntry[]> => {
  const run = await host.cli(['worksets', 'show', String(nouns), '--limit', '5', '--json']);
  return (JSON.parse(run.stdout) as { entries: ShownEntry[] }).entries;
};

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] }), '--json']);
  expect(created.stderr).toBe('');
  nouns = (JSON.parse(created.stdout) as { id: number }).id;
  page = await browser.newPage();
});

test.afterAll(async () => {
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

test('an edited sheet shows its changes, applies them, and is undone as a whole', async () => {
  // Four CLI runs check what is stored, each a process of its own: slow on a busy machine.
  test.setTimeout(180_000);
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
  const before = await shown();
  const first = rows[1];
  expect(first[0]).toBe(before[0].guid);
  first[3] = 'from the sheet, "quoted"';
  first[4] = 'review';

  await dialog.getByLabel('Spreadsheet to import').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(writeCsv(rows)) });
  const preview = dialog.getByTestId('sheet-preview');
  await expect(preview.getByTestId('sheet-preview-summary')).toHaveText('2 cells change in 1 entry; 170 of 171 rows unchanged.');
  await expect(preview.getByTestId('sheet-change')).toHaveCount(2);
  await expect(preview.locator(`[data-testid="sheet-change"][data-column="gloss:en"] .after`)).toHaveText('from the sheet, "quoted"');
  await expect(preview.locator(`[data-testid="sheet-change"][data-column="status"] .after`)).toHaveText('review');
  // Nothing is written by the preview.
  expect(await shown()).toEqual(before);

  await preview.getByRole('button', { name: 'Apply 2 changes' }).click();
  await expect(dialog.getByTestId('sheet-applied-summary')).toHaveText('Applied 2 changes.');
  const applied = await shown();
  expect(applied[0]).toMatchObject({ status: 'review', entry: { glosses: { en: expect.arrayContaining(['from the sheet, "quoted"']) } } });
  expect(applied.slice(1)).toEqual(before.slice(1));

  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await expect(dialog.getByTestId('sheet-undone')).toHaveText('Undone: 2 changes put back.');
  expect((await shown()).map(({ guid, status, entry }) => ({ guid, status, entry }))).toEqual(before.map(({ guid, status, entry }) => ({ guid, status, entry })));
  // The work list shows the status back as it was.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('workset-row').first().locator('.status-badge')).toHaveText(before[0].status);
});
