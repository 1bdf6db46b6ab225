import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * Quick search (Ctrl+K): results as you type across the whole dictionary, by headword, gloss or
 * any text; an entry opened from it is read and edited without a workset (and the edit is
 * undoable); "make a workset from this search" holds exactly what the search found.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  page = await browser.newPage();
  await openApp(page, host.url, '#dictionary=sample');
  await expect(page.getByRole('heading', { name: 'sample' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

const dialog = (): Locator => page.getByRole('dialog', { name: 'Quick search' });
const results = (): Locator => dialog().getByTestId('quick-search-result');
const box = (): Locator => dialog().getByRole('combobox', { name: 'Search sample' });
const count = (): Locator => dialog().getByTestId('quick-search-count');

/** The total the dialog shows once the answer for what was typed has come (not while one is pending). */
async function settledTotal(): Promise<number> {
  await expect(count()).toHaveAttribute('data-total', /^\d+$/);
  return Number(await count().getAttribute('data-total'));
}

async function search(text: string, scope: 'Headword' | 'Gloss' | 'Any field'): Promise<number> {
  if (!(await dialog().isVisible())) await page.keyboard.press('Control+K');
  await dialog().getByLabel('Search in').selectOption({ label: scope });
  await box().fill(text);
  return settledTotal();
}

test('Ctrl+K opens the search with the focus in its box; results come as you type, in the field chosen', async () => {
  await page.keyboard.press('Control+K');
  await expect(dialog()).toBeVisible();
  await expect(box()).toBeFocused();
  await expect(count()).toHaveText('Type to search the whole dictionary.');

  const inGloss = await search('WATER', 'Gloss');
  expect(inGloss).toBeGreaterThan(0);
  await expect(results()).toHaveCount(Math.min(inGloss, 20));
  // Case folded, and found in the gloss: every result's gloss says it.
  for (const text of await results().allTextContents()) expect(text.toLowerCase()).toContain('water');

  // Definitions and notes say "water" of entries whose gloss does not.
  const anywhere = await search('water', 'Any field');
  expect(anywhere).toBeGreaterThan(inGloss);

  expect(await search('zzqx', 'Headword')).toBe(0);
  await expect(count()).toHaveText('Nothing found.');
  await expect(dialog().getByRole('button', { name: 'Make a workset from this search' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog()).toHaveCount(0);
});

test('↓ and Enter open the entry on its own, editable, and the edit is undoable', async () => {
  expect(await search('water', 'Gloss')).toBeGreaterThan(1);
  const second = await results().nth(1).getAttribute('data-guid');
  await box().press('ArrowDown');
  await expect(results().nth(1)).toHaveAttribute('aria-selected', 'true');
  await box().press('Enter');
  await expect(dialog()).toHaveCount(0);

  const pane = page.getByTestId('entry-pane');
  await expect(pane).toHaveAttribute('data-guid', second ?? '');
  expect(page.url()).toContain(`entry=${encodeURIComponent(second ?? '')}`);
  // No workset, so no status to set.
  await expect(page.getByTestId('curation-bar')).toHaveCount(0);

  const gloss = pane.getByLabel('Gloss en, sense 1');
  await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  const before = await gloss.inputValue();
  await gloss.fill(`${before} (checked)`);
  await gloss.press('Enter');
  await expect(pane.getByText(`${before} (checked)`, { exact: true })).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(pane.getByText(before, { exact: true })).toBeVisible();

  // A reload stays on the entry; Back goes to the dictionary.
  await page.reload();
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', second ?? '');
  await page.getByRole('button', { name: '‹ sample' }).click();
  await expect(page.getByRole('heading', { name: 'sample' })).toBeVisible();
});

test('"Make a workset from this search" opens a workset of exactly what it found; the name is numbered when taken', async () => {
  const found = await search('water', 'Any field');
  await dialog().getByRole('button', { name: 'Make a workset from this search' }).click();
  await expect(page.getByTestId('workset-title')).toHaveText('“water” in any field');
  await expect(page.getByTestId('workset-progress')).toHaveAttribute('data-total', String(found));

  await search('water', 'Any field');
  await dialog().getByRole('button', { name: 'Make a workset from this search' }).click();
  await expect(page.getByTestId('workset-title')).toHaveText('“water” in any field (2)');
});

test('Ctrl+K works while typing in a field, and not over another dialog', async () => {
  await page.getByRole('button', { name: 'Edit query…' }).click();
  const editQuery = page.getByRole('dialog', { name: /^Edit the query/ });
  await expect(editQuery).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(dialog()).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(editQuery).toHaveCount(0);

  await page.getByTestId('workset-row').first().click();
  const pane = page.getByTestId('entry-pane');
  await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await expect(pane.getByLabel('Gloss en, sense 1')).toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(dialog()).toBeVisible();
  await expect(box()).toBeFocused();
  // The search box in the app bar opens it too.
  await page.keyboard.press('Escape');
  await expect(dialog()).toHaveCount(0);
  await page.getByRole('button', { name: /^Search sample/ }).click();
  await expect(dialog()).toBeVisible();
});
