import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * Curation travels through the app: a .lift whose entries carry a workset's curation (as an
 * export with worksets writes it) imports with the question whether to restore it; restored, the
 * workset is listed; exported "With worksets", the file carries it again.
 */
test.describe.configure({ mode: 'serial' });

const NAME = 'Nouns «to check»';
const QUERY = JSON.stringify({ match: 'all', filters: [], sort: { by: 'headword', dir: 'asc', order: 'alphabetical' } }).replaceAll('"', '&quot;');
const ENTRIES = [
  ['20000000-0000-4000-8000-000000000001', 'ñandú', `<annotation name="workset-browser:${NAME}:status" value="done" who="Ana" when="2026-12-01T10:00:00Z"/>
<annotation name="workset-browser:${NAME}:place" value="0"/>
<annotation name="workset-browser:${NAME}:query" value="${QUERY}"/>`],
  ['20000000-0000-4000-8000-000000000002', 'nube', `<annotation name="workset-browser:${NAME}:status" value="review"/>
<annotation name="workset-browser:${NAME}:place" value="1"/>
<annotation name="workset-browser:${NAME}:favourite" value="true"/>
<annotation name="workset-browser:${NAME}:notes"><form lang="und"><text>"nuvem"? 云</text></form></annotation>`],
  ['20000000-0000-4000-8000-000000000003', 'oso', ''],
];

let host: RunningHost;
let page: Page;
const folder = mkdtempSync(join(tmpdir(), 'wb-e2e-curation-'));

test.beforeAll(async ({ browser }) => {
  host = await startHost();
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('importing a file that carries curation asks, restores the workset, and an export with worksets carries it again', async () => {
  const file = join(folder, 'palabras.lift');
  const entries = ENTRIES.map(([guid, word, annotations]) => `<entry id="${word}" guid="${guid}">\n<lexical-unit>\n<form lang="es"><text>${word}</text></form>\n</lexical-unit>\n${annotations}\n</entry>`);
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<lift version="0.13">\n${entries.join('\n')}\n</lift>\n`);

  await openApp(page, host.url);
  await page.getByLabel('Import LIFT file').setInputFiles([file]);
  await expect(page.getByTestId('import-status')).toContainText('Imported palabras.lift as palabras: 3 entries');
  const offer = page.getByTestId('curation-offer');
  await expect(offer).toContainText('This file carries the curation of 1 workset');
  await offer.getByRole('button', { name: 'Restore worksets' }).click();
  await expect(page.getByTestId('curation-restored')).toContainText(`Restored 1 workset: ${NAME} (2 entries)`);
  // The list follows from the worksets-changed event, with the counts the curation gave.
  const listed = page.locator(`[data-testid="workset-item"][data-name="${NAME}"]`);
  await expect(listed).toBeVisible();
  await expect(listed).toContainText('2 entries');

  await page.getByTestId('export-with-curation').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export palabras as LIFT' }).click();
  await expect(page.getByTestId('export-status')).toHaveAttribute('data-phase', 'done');
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain(`<annotation name="workset-browser:${NAME}:status" value="review"`);
  expect(text).toContain(`<text>"nuvem"? 云</text>`);
  expect(text.match(/:status"/g)).toHaveLength(2);
});
