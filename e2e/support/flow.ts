import { expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { glossOf, pressKey, previewBulkEdit, ui } from './ui.js';

/**
 * The lexicographer's flow, one function per step, shared by the browser-host spec (app.spec.ts)
 * and the Electron spec (electron.spec.ts) so both run the same thing: import the sample
 * dictionary, build a workset in the query builder, page through it, edit an entry (and meet
 * another window's edit as a conflict), curate from the keyboard, run and undo a bulk edit.
 * Each step starts where the last one ended, on the same window.
 *
 * What differs between the hosts comes in as a parameter: how a file is picked, and how the
 * window that "Open in new window" opens is caught.
 */
export const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');

/** Picks `file` the way the host lets a user: a file input in a browser, the native dialog in Electron. */
export type PickFile = (page: Page, file: string) => Promise<void>;

/** Resolves with the next window the app opens; called before the click that opens it. */
export type NextWindow = () => Promise<Page>;

/** From an empty data folder: imports the sample dictionary and lands on it. */
export async function importSample(page: Page, pick: PickFile): Promise<void> {
  await expect(page.getByText('No dictionaries yet')).toBeVisible();
  await pick(page, SAMPLE);
  await expect(page.getByTestId('import-status')).toContainText('Imported sample.lift as sample: 234 entries');
  await expect(page.getByTestId('dictionary-item').filter({ hasText: 'sample' })).toContainText('234 entries');
  await expect(page.getByTestId('status-dictionary')).toHaveAttribute('data-dictionary', 'sample');
  await expect(ui.statusSession(page)).toHaveAttribute('data-live', 'true');
  await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '1');
}

/** Builds "Nouns" (pos = Noun, 171 entries) in the query builder, with its live count, and opens it. */
export async function createNounsWorkset(page: Page): Promise<void> {
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
  // A nested "any" group narrows it: nouns whose English gloss starts with "little".
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
}

/** Only the rows on screen exist; scrolling to the end pages the last ones in. */
export async function pageThroughWorkset(page: Page): Promise<void> {
  await expect(page.getByTestId('workset-row').first()).toBeVisible();
  // The first page holds 100 rows, but only those on screen are rendered.
  expect(await page.getByTestId('workset-row').count()).toBeLessThan(100);
  await expect(page.locator('[data-testid="workset-row"][data-index="170"]')).toHaveCount(0);
  await page.getByTestId('workset-table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[data-testid="workset-row"][data-index="170"]')).toBeVisible();
  await page.getByTestId('workset-table-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('[data-testid="workset-row"][data-index="0"]')).toBeVisible();
}

/**
 * Edits "ahi" inline; then starts editing its definition, lets a second window (from "Open in
 * new window") save the same field first, and keeps its own version through the conflict UI.
 */
export async function editEntryThroughConflict(page: Page, nextWindow: NextWindow): Promise<void> {
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
  const opened = nextWindow();
  await page.getByRole('button', { name: 'Open in new window' }).click();
  const other = await opened;
  await expect(other.getByTestId('workset-title')).toHaveText('Nouns');
  await expect(ui.statusSession(other)).toHaveAttribute('data-live', 'true');
  await ui.row(other, 'ahi').click();
  const otherPane = ui.entryPane(other);
  await otherPane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  await otherPane.getByLabel('Definition en, sense 1').fill('water from the clouds');
  await otherPane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
  await expect(otherPane).toContainText('water from the clouds');
  await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '2');
  await other.close();
  await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '1');

  await pane.getByLabel('Definition en, sense 1').fill('drops of water falling from clouds');
  await pane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'This entry was changed elsewhere' });
  await expect(conflict.getByTestId('conflict-mine')).toContainText('drops of water falling from clouds');
  await expect(conflict.getByTestId('conflict-current')).toContainText('water from the clouds');
  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await expect(conflict).toBeHidden();
  await expect(pane).toContainText('drops of water falling from clouds');
}

/** D/R/P/F and ←/→ on the open entry ("ahi"), with the progress bar and filters following. */
export async function curateFromKeyboard(page: Page): Promise<void> {
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
}

/** Appends " (n)" to every English gloss of the workset, with a before/after preview, then undoes it. */
export async function bulkEditAndUndo(page: Page): Promise<void> {
  const gloss = glossOf(ui.row(page, 'ahili'));
  await expect(gloss).toHaveText('little rain');
  const dialog = await previewBulkEdit(page, { action: 'append', field: 'gloss', lang: 'en', value: ' (n)' });
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
}
