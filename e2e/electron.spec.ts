import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronSqliteAddon } from '../scripts/electron-native.mjs';
import { glossOf, pressKey, ui } from './support/ui.js';

/**
 * The same flow in the Electron app: windows from "New Window", each with its own BaseX
 * session; create a workset, edit an entry, curate from the keyboard, bulk edit and undo.
 * Runs wherever an Electron runtime exists (ELECTRON_OVERRIDE_DIST_PATH, or a downloaded one).
 */
const ROOT = resolve(import.meta.dirname, '..');

function electronBinary(): string | undefined {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const candidates = [process.env.ELECTRON_OVERRIDE_DIST_PATH && join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name), join(pkg, 'dist', name)];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string));
}

const binary = electronBinary();
const SKIP_REASON = 'no Electron runtime: its binary is downloaded from GitHub, unreachable here (set ELECTRON_OVERRIDE_DIST_PATH)';
if (!binary) process.stdout.write(`electron.spec.ts skipped: ${SKIP_REASON}\n`);
test.skip(!binary, SKIP_REASON);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let first: Page;
const dataFolder = mkdtempSync(join(tmpdir(), 'wb-electron-'));

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const addon = electronSqliteAddon();
  expect(addon, 'better-sqlite3 built for this Electron').toBeTruthy();
  const env = { ...process.env, WORKSET_BROWSER_DATA: dataFolder, WORKSET_BROWSER_SQLITE_ADDON: addon ?? '' };
  app = await electron.launch({ executablePath: binary, args: [ROOT], env });
  first = await app.firstWindow();
  // The sample dictionary is imported on first run.
  await expect(first.getByTestId('dictionary-item').filter({ hasText: 'sample' })).toContainText('234 entries');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataFolder, { recursive: true, force: true });
});

test('New Window opens a second window with a session of its own', async () => {
  const opened = app.waitForEvent('window');
  await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File');
    file?.submenu?.items.find((item) => item.label === 'New Window')?.click();
  });
  const second = await opened;
  for (const page of [first, second]) {
    await expect(ui.statusSessions(page)).toHaveAttribute('data-windows', '2');
    await expect(ui.statusSession(page)).toHaveAttribute('data-live', 'true');
  }
  const a = await ui.statusSession(first).getAttribute('data-client-address');
  const b = await ui.statusSession(second).getAttribute('data-client-address');
  expect(a).not.toBe(b);
  await second.close();
  await expect(ui.statusSessions(first)).toHaveAttribute('data-windows', '1');
});

test('the renderer has no Node, cannot open windows and cannot navigate away', async () => {
  expect(await first.evaluate('typeof require')).toBe('undefined');
  expect(await first.evaluate('typeof process')).toBe('undefined');
  expect(await first.evaluate("window.open('https://example.com/') === null")).toBe(true);
  const before = first.url();
  await first.evaluate("location.href = 'https://example.com/'").catch(() => undefined);
  await expect(first.getByTestId('status-bar')).toBeVisible();
  expect(first.url()).toBe(before);
  expect(await first.evaluate('Object.keys(window.api).sort().join()')).toBe('call,on,platform');
});

test('creates a workset, edits an entry, curates from the keyboard, bulk-edits and undoes', async () => {
  await first.getByTestId('dictionary-item').filter({ hasText: 'sample' }).click();
  await first.getByRole('button', { name: 'New workset…' }).click();
  const dialog = first.getByRole('dialog', { name: 'New workset' });
  const row = dialog.getByTestId('condition-row').first();
  await row.getByLabel('Field').selectOption('pos');
  await row.getByLabel('Operator').selectOption('equals');
  await row.getByLabel('Value').fill('Noun');
  await expect(dialog.getByTestId('query-count')).toHaveText('171 entries');
  await dialog.getByLabel('Name').fill('Nouns');
  await dialog.getByRole('button', { name: 'Create workset' }).click();
  await expect(first.getByTestId('view-count')).toHaveText('171 entries');

  await ui.row(first, 'ahi').click();
  const pane = ui.entryPane(first);
  await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await pane.getByLabel('Gloss en, sense 1').fill('rain shower');
  await pane.getByLabel('Gloss en, sense 1').press('Enter');
  await expect(glossOf(ui.row(first, 'ahi'))).toHaveText('rain shower');

  await pressKey(first, 'd');
  await expect(ui.progress(first)).toHaveAttribute('data-done', '1');
  await pressKey(first, 'ArrowRight');
  await expect(pane.getByTestId('entry-headword')).toContainText('ahili');

  await first.getByRole('button', { name: 'Bulk edit…' }).click();
  const bulk = first.getByRole('dialog', { name: /Bulk edit/ });
  await bulk.getByLabel('Action').selectOption('append');
  await bulk.getByLabel('Field').selectOption('gloss');
  await bulk.getByLabel('Writing system').selectOption('en');
  await bulk.getByLabel('Value').fill(' (n)');
  await bulk.getByRole('button', { name: 'Preview' }).click();
  await bulk.getByRole('button', { name: /^Run on/ }).click();
  await expect(bulk.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'done');
  await expect(glossOf(ui.row(first, 'ahili'))).toHaveText('little rain (n)');
  await bulk.getByRole('button', { name: 'Undo' }).click();
  await expect(bulk.getByTestId('bulk-outcome')).toHaveAttribute('data-state', 'undone');
  await expect(glossOf(ui.row(first, 'ahili'))).toHaveText('little rain');
});
