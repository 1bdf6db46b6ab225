import { expect, test, type Page } from '@playwright/test';
import { violations } from './support/axe.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, previewBulkEdit } from './support/ui.js';

/**
 * A bulk edit of the selected rows: Ctrl/Cmd+click (and Space, Shift+click) pick rows without
 * opening them, the view bar counts them, the bulk dialog offers them first, and the run changes
 * those entries and no other.
 */
test.describe.configure({ mode: 'serial' });

const MARK = ' (chosen)';
let host: RunningHost;
let page: Page;
let worksetId = 0;

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', query, '--json']);
  expect(created.stderr).toBe('');
  worksetId = (JSON.parse(created.stdout) as { id: number }).id;
  // A context of its own: the accessibility scan needs one.
  page = await (await browser.newContext()).newPage();
  await openApp(page, host.url, `#workset=${worksetId}`);
  await expect(page.getByTestId('workset-row').first()).toBeVisible();
});

test.afterAll(async () => {
  await page?.context().close();
  await host?.stop();
});

const rows = (): ReturnType<Page['getByTestId']> => page.getByTestId('workset-row');
const selectionBar = (): ReturnType<Page['getByTestId']> => page.getByTestId('selection-bar');

/** The guids of the workset's entries whose English gloss carries the mark, as the CLI shows them. */
async function marked(): Promise<string[]> {
  const shown = await host.cli(['worksets', 'show', String(worksetId), '--limit', '500', '--json']);
  expect(shown.stderr).toBe('');
  const { total, entries } = JSON.parse(shown.stdout) as { total: number; entries: { guid: string; entry: { glosses: Record<string, string[]> } }[] };
  expect(entries).toHaveLength(total);
  return entries.filter((e) => (e.entry.glosses.en ?? []).some((g) => g.endsWith(MARK))).map((e) => e.guid).sort();
}

test('Ctrl+click selects rows, the bulk edit covers only them, Clear selection empties it', async () => {
  await expect(page.getByRole('grid', { name: 'Entries' })).toHaveAttribute('aria-multiselectable', 'true');
  const picked = [rows().nth(1), rows().nth(3), rows().nth(5)];
  const guids: string[] = [];
  for (const row of picked) {
    guids.push((await row.getAttribute('data-guid')) ?? '');
    await row.click({ modifiers: ['ControlOrMeta'] });
    await expect(row).toHaveAttribute('aria-selected', 'true');
  }
  await expect(selectionBar()).toContainText('3 selected');
  await expect(rows().nth(2)).toHaveAttribute('aria-selected', 'false');
  expect(await violations(page)).toEqual([]);
  // A plain click still opens the entry, and keeps the selection.
  const other = await rows().nth(0).getAttribute('data-guid');
  await rows().nth(0).click();
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', other ?? '');
  await expect(selectionBar()).toContainText('3 selected');

  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk edit/ });
  await expect(dialog.getByLabel('The 3 selected entries')).toBeChecked();
  await expect(dialog.getByLabel(/^The whole workset \(\d+ entries\)$/)).not.toBeChecked();
  // The selected rows, the selection bar (above) and the choice of entries pass the accessibility scan.
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await previewBulkEdit(page, { action: 'append', field: 'gloss', lang: 'en', value: MARK });
  await expect(dialog.getByTestId('bulk-total')).toHaveText('3 entries');
  await expect(dialog.getByTestId('bulk-preview-row')).toHaveCount(3);
  await dialog.getByRole('button', { name: /^Run on 3 entries$/ }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('bulk-outcome')).toContainText('3 entries changed');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  expect(await marked()).toEqual([...guids].sort());

  await selectionBar().getByRole('button', { name: 'Clear selection' }).click();
  await expect(selectionBar()).toHaveCount(0);
  await expect(page.locator('[data-testid="workset-row"][aria-selected="true"]')).toHaveCount(0);
});

test('Space toggles the focused row; Shift+click selects the range from the last one picked', async () => {
  await rows().nth(2).focus();
  await page.keyboard.press('Space');
  await expect(rows().nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Space');
  await expect(rows().nth(2)).toHaveAttribute('aria-selected', 'false');
  await expect(selectionBar()).toHaveCount(0);

  await rows().nth(4).click({ modifiers: ['ControlOrMeta'] });
  await rows().nth(7).click({ modifiers: ['Shift'] });
  await expect(selectionBar()).toContainText('4 selected');
  for (const at of [4, 5, 6, 7]) await expect(rows().nth(at)).toHaveAttribute('aria-selected', 'true');
  await expect(rows().nth(3)).toHaveAttribute('aria-selected', 'false');
  await selectionBar().getByRole('button', { name: 'Clear selection' }).click();
  await expect(selectionBar()).toHaveCount(0);
});
