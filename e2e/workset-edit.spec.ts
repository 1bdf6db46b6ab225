import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, pressKey, ui } from './support/ui.js';

/**
 * A workset's query edited in place keeps the work done on the entries that still match, and a
 * duplicate copies the work list. On the sample: 171 nouns, and the verbs added to them.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;
let nouns = 0;

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

test('editing the query keeps the status of the entries that still match and brings the new ones in', async () => {
  const verbs = await host.cli(['worksets', 'create', 'sample', '--name', 'Verbs', '--query', JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Verb' }] }), '--json']);
  const verbCount = (JSON.parse(verbs.stdout) as { total: number }).total;
  await openApp(page, host.url, `#workset=${nouns}`);
  await expect(page.getByTestId('view-count')).toHaveText('171 entries');
  await pressKey(page, 'ArrowRight');
  await expect(ui.headword(page)).toBeVisible();
  await pressKey(page, 'd');
  await expect(ui.progress(page)).toHaveAttribute('data-done', '1');

  await page.getByRole('button', { name: 'Edit query…' }).click();
  const dialog = page.getByTestId('edit-query-dialog');
  const row = dialog.getByTestId('condition-row').first();
  // It opens on the query the workset has, and cannot be saved until it changes.
  await expect(row.getByLabel('Field')).toHaveValue('pos');
  await expect(row.getByLabel('Value')).toHaveValue('Noun');
  await expect(dialog.getByTestId('query-count')).toHaveText('171 entries');
  await expect(dialog.getByRole('button', { name: 'Save and re-run' })).toBeDisabled();
  await row.getByLabel('Operator').selectOption('in');
  await row.getByLabel('Value').selectOption(['Noun', 'Verb']);
  await expect(dialog.getByTestId('query-count')).toHaveText(`${171 + verbCount} entries`);
  await dialog.getByRole('button', { name: 'Save and re-run' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('rerun-outcome')).toHaveText(`The workset now holds ${171 + verbCount} entries: ${verbCount} new matches added.`);
  await expect(page.getByTestId('view-count')).toHaveText(`${171 + verbCount} entries`);
  await expect(ui.progress(page)).toHaveAttribute('data-done', '1');
  // Members keep their places: the first noun, marked done, is still first.
  await expect(page.getByTestId('workset-row').first().locator('.status-badge')).toHaveText('done');

  // The CLI sees the same query: one workset, wherever it is read.
  const listed = await host.cli(['worksets', 'list', 'sample', '--json']);
  const stored = (JSON.parse(listed.stdout) as { id: number; query: { filters: { op: string; value: string[] }[] } }[]).find((w) => w.id === nouns);
  expect(stored?.query.filters[0]).toMatchObject({ op: 'in', value: ['Noun', 'Verb'] });
});

test('a duplicate holds the same work list and opens; its name must be free', async () => {
  await page.getByRole('button', { name: /‹ sample/ }).click();
  await page.getByRole('button', { name: 'Duplicate Nouns' }).click();
  const dialog = page.getByTestId('name-dialog');
  const name = dialog.getByLabel('Name');
  await expect(name).toHaveValue('Nouns (copy)');
  await name.fill('verbs');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert').or(dialog.locator('.error-message'))).toContainText('already has a workset named "Verbs"');
  await name.fill('Nouns (copy)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('workset-title')).toHaveText('Nouns (copy)');
  const total = await ui.progress(page).getAttribute('data-total');
  expect(Number(total)).toBeGreaterThan(171);
  await expect(ui.progress(page)).toHaveAttribute('data-done', '1');
});
