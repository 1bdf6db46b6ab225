import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, pressKey } from './support/ui.js';

/**
 * A work list worked from the keyboard: ↑/↓ move as ←/→ do, `?` lists every shortcut, "Mark
 * and move on" opens the next entry after D, and the rows are reachable with Tab (Enter opens
 * the focused one, and the focus follows the keys).
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', query, '--json']);
  expect(created.stderr).toBe('');
  page = await browser.newPage();
  await openApp(page, host.url, `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`);
  await expect(page.getByTestId('workset-row').first()).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

const rows = (): ReturnType<Page['getByTestId']> => page.getByTestId('workset-row');
const openGuid = (): Promise<string | null> => page.getByTestId('entry-pane').getAttribute('data-guid');

test('↓ and ↑ move through the entries as → and ← do', async () => {
  const first = await rows().nth(0).getAttribute('data-guid');
  const second = await rows().nth(1).getAttribute('data-guid');
  await pressKey(page, 'ArrowDown');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', first ?? '');
  await pressKey(page, 'ArrowDown');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', second ?? '');
  await pressKey(page, 'ArrowUp');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', first ?? '');
  await pressKey(page, 'ArrowRight');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', second ?? '');
});

test('? lists every shortcut; Escape closes the list', async () => {
  await pressKey(page, '?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const key of ['↑', '↓', 'D', 'R', 'P', 'F', 'Ctrl+Enter', 'Ctrl+Z', 'Tab', '?']) await expect(dialog.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?+]/g, '\\$&')}$`) })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('"Mark and move on": D marks the entry done and opens the next one', async () => {
  await page.getByLabel('Mark and move on').check();
  const marked = await openGuid();
  const next = await rows().nth(2).getAttribute('data-guid');
  await pressKey(page, 'd');
  await expect(page.locator(`[data-testid="workset-row"][data-guid="${marked}"]`)).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', next ?? '');
  // Kept for this browser profile.
  await page.reload();
  await expect(page.getByLabel('Mark and move on')).toBeChecked();
  await page.getByLabel('Mark and move on').uncheck();
});

test('the rows are reachable with Tab; Enter opens the focused one and the focus follows ↓', async () => {
  await page.reload();
  await expect(rows().first()).toBeVisible();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  let onRow = false;
  for (let i = 0; i < 60 && !onRow; i++) {
    await page.keyboard.press('Tab');
    onRow = await page.evaluate('document.activeElement?.getAttribute("data-testid") === "workset-row"');
  }
  expect(onRow).toBe(true);
  const focused = await page.evaluate('document.activeElement.getAttribute("data-guid")');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-pane')).toHaveAttribute('data-guid', String(focused));
  await page.keyboard.press('ArrowDown');
  // The next entry opens when its answer comes: wait for it, never read at once.
  await expect.poll(openGuid).not.toBe(String(focused));
  const moved = await openGuid();
  await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("data-guid")')).toBe(moved);
});
