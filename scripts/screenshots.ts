/**
 * The README's pictures: the worksets list, a workset with an entry open, and the bulk edit
 * preview, from the real renderer against the browser host on the sample dictionary.
 *
 *   npx electron-vite build && npx tsx scripts/screenshots.ts
 *
 * Worksets are made with the CLI; the curation is done through the UI (keys), like a person would.
 */
import { chromium, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost, type RunningHost } from '../e2e/support/host.js';
import { previewBulkEdit, ui } from '../e2e/support/ui.js';
import { scriptsLift } from './scripts-dictionary.js';

const DOCS = resolve(import.meta.dirname, '../docs');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const WORKSETS = [
  { name: 'Nouns', description: 'Every noun, for the spring review', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] } },
  { name: 'Verbs without an example', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Verb' }, { field: 'example', op: 'missing' }] } },
  { name: 'Diminutives in -li', query: { match: 'all', filters: [{ field: 'headword', op: 'ends-with', value: 'li' }] } },
  {
    name: 'Sky and water',
    query: { match: 'any', filters: [{ field: 'semantic-domain', op: 'starts-with', value: '1.1' }, { field: 'semantic-domain', op: 'starts-with', value: '1.3' }] },
  },
];

async function createWorksets(host: RunningHost): Promise<number[]> {
  const ids: number[] = [];
  for (const w of WORKSETS) {
    const args = ['worksets', 'create', 'sample', '--name', w.name, '--query', JSON.stringify(w.query), '--json', ...(w.description ? ['--description', w.description] : [])];
    const result = await host.cli(args);
    if (result.code !== 0) throw new Error(`worksets create failed: ${result.stderr}`);
    ids.push((JSON.parse(result.stdout) as { id: number }).id);
  }
  return ids;
}

/** Works through the first entries from the keyboard, waiting for each key's effect before the next. */
async function curate(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) {
    const [testId, name] = key === 'ArrowRight' ? ['entry-pane', 'data-guid'] : key === 'f' ? ['curation-bar', 'data-favourite'] : ['curation-bar', 'data-status'];
    const target = page.getByTestId(testId);
    const before = (await target.count()) > 0 ? await target.getAttribute(name) : null;
    await page.keyboard.press(key);
    if (before === null) await target.waitFor();
    else await expect(target).not.toHaveAttribute(name, before);
  }
}

async function main(): Promise<void> {
  const host = await startHost({ sample: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const [nouns, , diminutives] = await createWorksets(host);
    const page = await browser.newPage({ viewport: { width: 1280, height: 780 }, deviceScaleFactor: 1 });

    // Some progress on two worksets, so the list has something to show.
    await page.goto(`${host.url}#workset=${diminutives}`);
    await page.getByTestId('workset-row').first().waitFor();
    await curate(page, ['ArrowRight', 'd', 'ArrowRight', 'd', 'ArrowRight', 'r', 'ArrowRight', 'd']);
    await page.goto(`${host.url}#workset=${nouns}`);
    await page.getByTestId('workset-row').first().waitFor();
    await curate(page, ['ArrowRight', 'd', 'ArrowRight', 'd', 'f', 'ArrowRight', 'r', 'ArrowRight', 'd', 'ArrowRight', 'd', 'ArrowRight', 'd', 'ArrowRight']);
    await page.getByTestId('entry-headword').first().waitFor();

    await page.getByTestId('workset-notes').fill('Compare with akā: is the diminutive productive here?');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByRole('button', { name: 'Notes saved' }).waitFor();
    await page.screenshot({ path: resolve(DOCS, 'workset-view.png') });

    const dialog = await previewBulkEdit(page, { action: 'replace', field: 'gloss', lang: 'en', pattern: '^little (.+)$', replacement: 'small $1' });
    await dialog.getByTestId('bulk-preview-row').first().waitFor();
    await page.screenshot({ path: resolve(DOCS, 'bulk-edit.png') });
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await page.goto(`${host.url}#dictionary=sample`);
    await page.getByTestId('workset-item').nth(WORKSETS.length - 1).waitFor();
    await page.screenshot({ path: resolve(DOCS, 'workset-list.png') });
    await shootScripts(host, page);
    console.log(`wrote docs/workset-list.png, docs/workset-view.png, docs/bulk-edit.png, docs/entry-rtl.png, docs/entry-scripts.png`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** A right-to-left entry (Arabic) and a multi-script one (Hindi, glossed in four scripts), from a dictionary made here. */
async function shootScripts(host: RunningHost, page: Page): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'wb-screenshots-'));
  try {
    const file = join(folder, 'scripts.lift');
    writeFileSync(file, scriptsLift());
    const imported = await host.cli(['import', file, '--db', 'Scripts', '--json']);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const query = JSON.stringify({ match: 'all', filters: [] });
  const created = await host.cli(['worksets', 'create', 'Scripts', '--name', 'Every entry', '--query', query, '--json']);
  if (created.code !== 0) throw new Error(`worksets create failed: ${created.stderr}`);
  await page.goto(`${host.url}#workset=${(JSON.parse(created.stdout) as { id: number }).id}`);
  for (const [headword, picture] of [['كِتَاب', 'entry-rtl.png'], ['पानी', 'entry-scripts.png']] as const) {
    await ui.row(page, headword).click();
    await expect(ui.headword(page)).toContainText(headword);
    await page.screenshot({ path: resolve(DOCS, picture) });
  }
}

await main();
