import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalFile } from '../test/lift/canonical-xml.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * The browser host keeps a dictionary's ranges: the .lift chosen together with its
 * .lift-ranges imports with them (the status says how many), and the export hands both back
 * in one .zip; a .lift alone still imports and says what is lost; two .lift files, or ranges
 * alone, are refused in plain words. On Sena (24 ranges) and AllFLExFields, read in place.
 */
test.describe.configure({ mode: 'serial' });

const SHARED = resolve(import.meta.dirname, '../../shared/lift');
const SENA = join(SHARED, 'Sena/Sena.lift');
const SENA_RANGES = join(SHARED, 'Sena/Sena.lift-ranges');
const ALL_FIELDS = join(SHARED, 'AllFLExFields/AllFLExFields.lift');

let host: RunningHost;
let page: Page;
const unpacked = mkdtempSync(join(tmpdir(), 'wb-e2e-ranges-'));

test.beforeAll(async ({ browser }) => {
  host = await startHost();
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  rmSync(unpacked, { recursive: true, force: true });
});

test('a .lift chosen with its .lift-ranges imports with its ranges and exports as a .zip of both', async () => {
  await openApp(page, host.url);
  await expect(page.getByText('No dictionaries yet')).toBeVisible();
  await page.getByLabel('Import LIFT file').setInputFiles([SENA, SENA_RANGES]);
  await expect(page.getByTestId('import-status')).toContainText('Imported Sena.lift as Sena: 1,462 entries, with its ranges (24 ranges).');
  await expect(page.getByTestId('dictionary-item').filter({ hasText: 'Sena' })).toContainText('1,462 entries');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Sena as LIFT' }).click();
  const status = page.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-phase', 'done');
  await expect(status).toContainText('Exported 1,462 entries of Sena with its ranges, as a .zip holding Sena.lift and Sena.lift-ranges');
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^Sena-\d{8}T\d{6}\.zip$/);
  const members = unzipSync(readFileSync(await zip.path()));
  expect(Object.keys(members).sort()).toEqual(['Sena.lift', 'Sena.lift-ranges']);
  for (const [name, bytes] of Object.entries(members)) writeFileSync(join(unpacked, name), bytes);
  expect(canonicalFile(join(unpacked, 'Sena.lift-ranges'))).toBe(canonicalFile(SENA_RANGES));
  expect(canonicalFile(join(unpacked, 'Sena.lift'))).toBe(canonicalFile(SENA));
});

test('two .lift files, or a .lift-ranges alone, are refused saying what is wrong', async () => {
  const input = page.getByLabel('Import LIFT file');
  await input.setInputFiles([SENA, ALL_FIELDS]);
  await expect(page.getByRole('alert')).toContainText('Sena.lift and AllFLExFields.lift are two dictionaries: import one .lift file at a time, with its .lift-ranges file if it has one');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await input.setInputFiles([SENA_RANGES]);
  await expect(page.getByRole('alert')).toContainText('Sena.lift-ranges holds only ranges (lists such as grammatical info and semantic domains), not a dictionary: choose the .lift file together with its .lift-ranges file');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('dictionary-item')).toHaveCount(1);
});

test('a .lift dropped without the ranges file its header names imports and says what is lost', async () => {
  // A drop as the browser makes it: a DataTransfer holding the file (the specs have no DOM types, hence the string).
  const base64 = readFileSync(ALL_FIELDS).toString('base64');
  const dataTransfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'AllFLExFields.lift'));
    return transfer;
  })()`);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  const status = page.getByTestId('import-status');
  await expect(status).toContainText('Imported AllFLExFields.lift as AllFLExFields: 2 entries.');
  await expect(status).toContainText('Its ranges file AllFLExFields.lift-ranges was not included, so the pickers for grammatical info and semantic domains will offer only values already used in its entries.');
});
