import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, previewBulkEdit } from './support/ui.js';

/**
 * Words a person can act on: the status bar speaks of the dictionary, its server and who else
 * is here (never a socket address); a bulk edit refused before it starts does not say it
 * stopped, and a bad regular expression says what to write; `serve` started again takes its
 * address back so an open tab reconnects, and an address from an earlier launch says so.
 */
test.describe.configure({ mode: 'serial' });

const dataFolder = mkdtempSync(join(tmpdir(), 'wb-e2e-words-'));
const otherFolder = mkdtempSync(join(tmpdir(), 'wb-e2e-words-other-'));
let host: RunningHost;
let page: Page;
let workset = '';

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true, dataFolder });
  const created = await host.cli(['worksets', 'create', 'sample', '--name', 'All', '--query', JSON.stringify({ match: 'all', filters: [] }), '--json']);
  expect(created.stderr).toBe('');
  workset = `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`;
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  rmSync(dataFolder, { recursive: true, force: true });
  rmSync(otherFolder, { recursive: true, force: true });
});

/** An IPv4 address or a host:port: what the status bar must never show. */
const SOCKET_ADDRESS = /\d+\.\d+\.\d+\.\d+|[a-z0-9]:\d{2,5}\b/i;

test('the status bar names the dictionary, the server and who else is here, not socket addresses', async ({ browser }) => {
  await openApp(page, host.url, workset);
  const bar = page.getByTestId('status-bar');
  await expect(page.getByTestId('status-dictionary')).toHaveText('Dictionary: sample');
  await expect(page.getByTestId('status-server')).toHaveText('Server: on this computer');
  await expect(page.getByTestId('status-presence')).toHaveText('No one else here');
  await expect(page.getByTestId('status-sessions')).toHaveText('1 window open');

  const second = await browser.newPage();
  await openApp(second, host.url, workset);
  await second.getByTestId('status-person').click();
  await second.getByLabel('Your name').fill('Ben Banda');
  await second.getByLabel('Your name').press('Enter');
  // Presence is heard on the next poll (every 5 s).
  await expect(page.getByTestId('status-presence')).toHaveText('Also here: Ben Banda', { timeout: 20_000 });
  await expect(page.getByTestId('status-sessions')).toHaveText('2 windows open');
  expect(await bar.innerText()).not.toMatch(SOCKET_ADDRESS);
  await second.close();
  await expect(page.getByTestId('status-sessions')).toHaveText('1 window open');
});

test('a bulk edit refused before it starts says so, and the bad pattern says what to write', async () => {
  const dialog = await previewBulkEdit(page, { action: 'replace', field: 'gloss', lang: 'en', pattern: '\\bcat\\b', replacement: 'dog' });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The bulk edit did not start, nothing was changed:');
  await expect(alert).toContainText('"\\bcat\\b" is not a valid XQuery regular expression: XQuery has no \\b (word boundary): for the whole word "cat" write (^|\\W)cat(\\W|$)');
  await expect(dialog).not.toContainText(/stopped/i);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toHaveCount(0);
});

test('a bulk preview says how many entries really change; an edit that changes nothing cannot run', async () => {
  const dialog = await previewBulkEdit(page, { action: 'replace', field: 'gloss', lang: 'en', pattern: '^zzz-no-such-gloss', replacement: 'x' });
  await expect(dialog.getByTestId('bulk-changing')).toHaveAttribute('data-changing', '0');
  await expect(dialog.getByTestId('bulk-changing')).toContainText('Nothing would change');
  await expect(dialog.getByRole('button', { name: 'Nothing to run' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Back' }).click();

  await dialog.getByLabel('Pattern').fill('^little');
  await dialog.getByLabel('Replacement').fill('small');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const changing = Number(await dialog.getByTestId('bulk-changing').getAttribute('data-changing'));
  expect(changing).toBeGreaterThan(0);
  await expect(dialog.getByTestId('bulk-changing')).toContainText(`${changing} change; the other`);
  // The entries that change come first.
  const first = dialog.getByTestId('bulk-preview-row').first();
  await expect(first.locator('.after')).toContainText('small');
  await dialog.getByRole('button', { name: `Run on ${changing} ${changing === 1 ? 'entry' : 'entries'}` }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toContainText(`${changing} ${changing === 1 ? 'entry' : 'entries'} changed, `);
  await expect(dialog.getByTestId('bulk-outcome')).toContainText('unchanged (they already had the new value)');
  await expect(dialog.getByTestId('bulk-outcome')).not.toContainText('skipped');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'undone');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
});

test('serve started again takes back its address: the open tab reconnects by itself', async () => {
  const { port } = host;
  await host.stop();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText(`nothing answers at 127.0.0.1:${port}: start \`workset-browser serve\` again`);
  host = await startHost({ sample: true, dataFolder });
  expect(host.port).toBe(port);
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-status', 'open', { timeout: 30_000 });
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('status-dictionary')).toHaveText('Dictionary: sample');
});

test('an address from an earlier launch says so and points to the new one', async () => {
  const { port } = host;
  await host.stop();
  await expect(page.getByTestId('connection-banner')).toContainText('nothing answers');
  // Another launch on that port (another data folder, so another token).
  host = await startHost({ sample: false, dataFolder: otherFolder, port });
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText(
    `this address is from an earlier launch of Workset Browser: open the address \`workset-browser serve\` printed when it started this time (http://127.0.0.1:${port}/?token=…)`,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-status', 'failed');
  // The address printed this time works.
  await openApp(page, host.url);
  await expect(banner).toHaveCount(0);
});

test('dark mode follows the system setting', async ({ browser }) => {
  const background = async (colorScheme: 'dark' | 'light'): Promise<{ body: string; panel: string; text: string }> => {
    const context = await browser.newContext({ colorScheme });
    const themed = await context.newPage();
    await openApp(themed, host.url, workset);
    const colours = await themed.evaluate(`(() => {
      const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
      return { body: style('body', 'backgroundColor'), panel: style('[data-testid="entry-pane"], .list-pane, main', 'backgroundColor'), text: style('body', 'color') };
    })()`);
    await context.close();
    return colours as { body: string; panel: string; text: string };
  };
  expect(await background('light')).toMatchObject({ body: 'rgb(244, 245, 247)', text: 'rgb(29, 38, 48)' });
  expect(await background('dark')).toMatchObject({ body: 'rgb(21, 24, 29)', text: 'rgb(230, 233, 238)' });
});
