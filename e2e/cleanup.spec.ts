import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * The Clean up area of a dictionary: every consistency check with its count (the same the CLI's
 * `check` gives), a check's findings opened as a workset holding exactly those entries, and the
 * required gloss writing systems set there and kept on the server. On Sena, read in place.
 */
test.describe.configure({ mode: 'serial' });

const SENA = join(resolve(import.meta.dirname, '../../shared/lift'), 'Sena/Sena.lift');

interface Checked {
  rules: { rule: string; count: number; guids: string[] }[];
}

let host: RunningHost;
let page: Page;

const row = (rule: string): Locator => page.getByTestId('check-row').and(page.locator(`[data-rule="${rule}"]`));

async function cliJson<T>(args: string[]): Promise<T> {
  const run = await host.cli([...args, '--json']);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as T;
}

test.beforeAll(async ({ browser }) => {
  host = await startHost();
  expect((await host.cli(['import', SENA, '--db', 'Sena', '--json'])).code).toBe(0);
  page = await browser.newPage();
  await openApp(page, host.url, '#dictionary=Sena');
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('the dictionary page leads to Clean up, where each check shows the count the CLI gives', async () => {
  await page.getByRole('button', { name: 'Clean up…' }).click();
  await expect(page.getByRole('heading', { name: 'Clean up Sena' })).toBeVisible();
  const cli = await cliJson<Checked>(['check', 'Sena']);
  await expect(page.getByTestId('check-row')).toHaveCount(cli.rules.length);
  for (const { rule, count } of cli.rules) await expect(row(rule)).toHaveAttribute('data-count', String(count));
  await expect(row('missing-gloss').getByTestId('check-count')).toHaveText('9 entries');
  await expect(row('missing-gloss').getByTestId('check-note')).toContainText('checked en, pt');
  // Nothing to open where a built-in check finds nothing.
  await expect(row('missing-headword').getByRole('button', { name: /Open what missing-headword finds/ })).toBeDisabled();
});

test('a check’s findings open as a workset holding exactly those entries', async () => {
  const { rules } = await cliJson<Checked>(['check', 'Sena']);
  const found = rules.find((r) => r.rule === 'pos-not-in-ranges')?.guids ?? [];
  expect(found.length).toBeGreaterThan(0);
  await row('pos-not-in-ranges').getByRole('button', { name: 'Open what pos-not-in-ranges finds as a workset' }).click();
  await expect(page).toHaveURL(/#workset=\d+$/);
  const id = /#workset=(\d+)$/.exec(page.url())?.[1] ?? '';
  const shown = await cliJson<{ name: string; total: number; entries: { guid: string }[] }>(['worksets', 'show', id]);
  expect(shown.name).toBe('Clean up: pos-not-in-ranges');
  expect(shown.entries.map((e) => e.guid).sort()).toEqual([...found].sort());
  await expect(page.getByTestId('workset-row')).toHaveCount(found.length);
});

test('the required gloss writing systems are set in Clean up and kept on the server', async () => {
  await openApp(page, host.url, '#dictionary=Sena&cleanup');
  await expect(row('missing-gloss')).toHaveAttribute('data-count', '9');
  await page.getByTestId('required-gloss-input').fill('en');
  await page.getByRole('form', { name: 'Required gloss writing systems' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('gloss-langs-checked')).toHaveText('Checking en, as required for this dictionary.');
  // Every sense of Sena has an English gloss.
  await expect(row('missing-gloss')).toHaveAttribute('data-count', '0');
  const cli = await cliJson<{ glossLangs: { langs: string[]; source: string } }>(['check', 'Sena']);
  expect(cli.glossLangs).toEqual({ langs: ['en'], source: 'required' });
});

test('Clean up leads to the candidate duplicates too, and back', async () => {
  await openApp(page, host.url, '#dictionary=Sena&cleanup');
  await page.getByRole('button', { name: 'Duplicates…' }).click();
  await expect(page).toHaveURL(/#dictionary=Sena&duplicates$/);
  await expect(page.getByRole('heading', { name: /^Duplicates/ })).toBeVisible();
});
