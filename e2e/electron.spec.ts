import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronSqliteAddon } from '../scripts/electron-native.mjs';
import { bulkEditAndUndo, createNounsWorkset, curateFromKeyboard, editEntryThroughConflict, importSample, pageThroughWorkset, type PickFile } from './support/flow.js';
import { ui } from './support/ui.js';

/**
 * The flow of app.spec.ts in the Electron app, through the same steps (support/flow.ts): import
 * a LIFT file through the native dialog, build a workset in the query builder, page through it,
 * edit an entry and meet a second window's edit as a conflict, curate from the keyboard, run and
 * undo a bulk edit. Then what only Electron has: windows from "New Window", each with its own
 * BaseX session; a renderer without Node that cannot navigate away; the sample imported on a
 * first run. Runs wherever an Electron runtime exists (ELECTRON_OVERRIDE_DIST_PATH, or a
 * downloaded one), and skips with a one-line reason elsewhere.
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
/** Data folders of the instances launched, removed at the end (made only when the spec runs). */
const folders: string[] = [];

/** Launches the app on a fresh data folder of its own, with better-sqlite3 built for Electron. */
async function launch(options: { sample: boolean }): Promise<ElectronApplication> {
  const folder = mkdtempSync(join(tmpdir(), 'wb-electron-'));
  folders.push(folder);
  // As `serve --no-sample`: the marker of a first run already done, so no sample is imported.
  if (!options.sample) writeFileSync(join(folder, '.sample-imported'), 'skipped by electron.spec.ts\n');
  const addon = electronSqliteAddon();
  expect(addon, 'better-sqlite3 built for this Electron').toBeTruthy();
  const env = { ...process.env, WORKSET_BROWSER_DATA: folder, WORKSET_BROWSER_SQLITE_ADDON: addon ?? '' };
  return electron.launch({ executablePath: binary, args: [ROOT], env });
}

/**
 * "Import LIFT…" shows main's native dialog; the stub answers it with `file`. Main takes only a
 * path its own dialog handler returned (src-main/file-grants.ts), and the grant is recorded
 * there, so a stubbed dialog goes through the real grant check.
 */
const pickWithDialog: PickFile = async (page, file) => {
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [path] });
  }, file);
  await page.getByRole('button', { name: 'Import LIFT…' }).click();
};

test.beforeAll(async () => {
  test.setTimeout(600_000);
  // As for app.spec.ts: the flow starts with no dictionary and imports one.
  app = await launch({ sample: false });
  first = await app.firstWindow();
  await expect(ui.statusSession(first)).toHaveAttribute('data-live', 'true');
});

test.afterAll(async () => {
  await app?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('imports a LIFT file picked in the native dialog', async () => {
  await importSample(first, pickWithDialog);
});

test('creates a workset in the query builder, with a live count', async () => {
  await createNounsWorkset(first);
});

test('pages through the virtual table as it scrolls', async () => {
  await pageThroughWorkset(first);
});

test('opens and edits an entry, and resolves a conflict with another window', async () => {
  // "Open in new window" makes main open a BrowserWindow on the workset.
  await editEntryThroughConflict(first, () => app.waitForEvent('window'));
});

test('curates from the keyboard and moves the progress bar', async () => {
  await curateFromKeyboard(first);
});

test('runs a bulk edit with a preview, then undoes it', async () => {
  await bulkEditAndUndo(first);
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

test('a first run imports the sample dictionary', async () => {
  // A second instance side by side, on a fresh data folder of its own.
  const fresh = await launch({ sample: true });
  try {
    const window = await fresh.firstWindow();
    await expect(window.getByTestId('dictionary-item').filter({ hasText: 'sample' })).toContainText('234 entries');
  } finally {
    await fresh.close();
  }
});
