import { expect, test } from '@playwright/test';
import { violations } from './support/axe.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, pressKey } from './support/ui.js';

/**
 * An accessibility scan (axe-core, WCAG 2 A and AA rules) of each view and dialog, in light and
 * dark: none may have a serious or critical violation.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let workset = '';

test.beforeAll(async () => {
  host = await startHost({ sample: true });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'All', '--query', JSON.stringify({ match: 'all', filters: [] }), '--json']);
  expect(created.stderr).toBe('');
  workset = `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`;
});

test.afterAll(async () => {
  await host?.stop();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view and dialog, ${colorScheme}`, async ({ browser }) => {
    // Fifteen views and dialogs scanned one after another: more than one ordinary spec's time on a busy machine.
    test.setTimeout(240_000);
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const scan = async (view: string): Promise<void> => {
      found[view] = await violations(page);
    };

    await openApp(page, host.url);
    await expect(page.getByTestId('workset-item')).toHaveCount(1);
    await scan('dictionaries and worksets');
    await page.getByRole('button', { name: 'New workset…' }).click();
    await expect(page.getByTestId('query-count')).toBeVisible();
    await scan('new workset');
    await page.keyboard.press('Escape');

    await openApp(page, host.url, workset);
    // The keys move through the rows once they are there.
    await expect(page.getByTestId('workset-row').first()).toBeVisible();
    await pressKey(page, 'ArrowRight');
    await expect(page.getByTestId('entry-pane')).toBeVisible();
    await page.getByText('History').click();
    await scan('workset with an entry open');
    await pressKey(page, '?');
    await scan('shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Columns…' }).click();
    await scan('columns');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit query…' }).click();
    await expect(page.getByTestId('query-count')).toBeVisible();
    await scan('edit query');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bulk edit…' }).click();
    await scan('bulk edit');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Assign…' }).click();
    await scan('assign');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Spreadsheet…' }).click();
    await expect(page.getByTestId('sheet-dialog')).toBeVisible();
    await scan('spreadsheet');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search sample' }).fill('water');
    await expect(page.getByTestId('quick-search-result').first()).toBeVisible();
    await scan('quick search');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('entry-title')).toBeVisible();
    await expect(page.getByTestId('entry-pane')).toBeVisible();
    await scan('an entry on its own');
    await openApp(page, host.url, '#dictionary=sample&duplicates');
    await expect(page.getByRole('table', { name: 'Candidate duplicates' }).or(page.getByText('No candidate duplicates'))).toBeVisible();
    await scan('duplicates');
    if ((await page.getByTestId('duplicate-group').count()) > 0) {
      await page.getByTestId('duplicate-group').first().getByRole('button', { name: 'Merge…' }).click();
      await expect(page.getByTestId('merge-preview')).toBeVisible();
      await scan('merge preview');
      await page.keyboard.press('Escape');
    }
    await context.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
  });
}

// Its own test: the one above already takes most of a test's time on a busy machine.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Clean up area and its new check dialog, ${colorScheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openApp(page, host.url, '#dictionary=sample&cleanup');
    await expect(page.getByTestId('check-row').first()).toBeVisible();
    const cleanUp = await violations(page);
    await page.getByRole('button', { name: 'New check…' }).click();
    await expect(page.getByTestId('query-count')).toBeVisible();
    const newCheck = await violations(page);
    await context.close();
    expect({ cleanUp, newCheck }).toEqual({ cleanUp: [], newCheck: [] });
  });
}

// The entry pane's editors that open on demand: a relation being added (its target searched), the fonts dialog.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`the entry pane's editors: a new relation and the fonts of writing systems, ${colorScheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openApp(page, host.url, workset);
    // The keys move through the rows once they are there.
    await expect(page.getByTestId('workset-row').first()).toBeVisible();
    await pressKey(page, 'ArrowRight');
    const pane = page.getByTestId('entry-pane');
    await expect(pane).toBeVisible();
    await pane.getByRole('button', { name: 'Add relation' }).click();
    await expect(pane.getByTestId('new-relation')).toBeVisible();
    const relation = await violations(page);
    await pane.getByRole('button', { name: 'Fonts…' }).click();
    await expect(page.getByRole('dialog', { name: 'Fonts of writing systems' })).toBeVisible();
    const fonts = await violations(page);
    await context.close();
    expect({ relation, fonts }).toEqual({ relation: [], fonts: [] });
  });
}
