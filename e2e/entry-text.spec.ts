import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * The entry pane on a real FLEx export (Pumi, ../shared): every text carries its writing
 * system's `lang` and `dir="auto"`; labels with nothing after them are not shown (Pumi's "to
 * eat" has ten variants holding only a morph type); a writing system the entry never had is
 * offered by "Add…", not shown as an empty row; a multi-line field says how to save; clearing a
 * gloss is an ordinary change that Undo brings back.
 */
test.describe.configure({ mode: 'serial' });

const PUMI = resolve(import.meta.dirname, '../../shared/lift/Pumi_2019/Pumi_2019.lift');
let host: RunningHost;
let page: Page;

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: false });
  const imported = await host.cli(['import', PUMI, '--db', 'Pumi', '--json']);
  expect(imported.stderr).toBe('');
  const query = { match: 'all', filters: [{ field: 'gloss', lang: 'en', op: 'equals', value: 'to eat' }] };
  const created = await host.cli(['worksets', 'create', 'Pumi', '--name', 'To eat', '--query', JSON.stringify(query), '--json']);
  expect(created.stderr).toBe('');
  page = await browser.newPage();
  await openApp(page, host.url, `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`);
  await page.getByTestId('workset-row').first().click();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('every text carries its writing system and dir="auto"; empty labels are not shown', async () => {
  const pane = page.getByTestId('entry-pane');
  const headword = pane.locator('[data-testid="entry-headword"][data-lang="pmi-fonipa"] .editable-value');
  await expect(headword).toHaveText('dzɿ⁵¹');
  await expect(headword).toHaveAttribute('lang', 'pmi-fonipa');
  await expect(pane.locator('[data-testid="entry-headword"][data-lang="pmi-QM-x-YY"] .editable-value')).toHaveAttribute('lang', 'pmi-QM-x-YY');
  const chinese = pane.getByText('吃', { exact: true });
  await expect(chinese).toHaveAttribute('lang', 'zh-CN');
  await expect(chinese).toHaveAttribute('dir', 'auto');
  await expect(pane.getByText('to eat', { exact: true })).toHaveAttribute('lang', 'en');
  // The work list's cells too.
  await expect(page.getByTestId('workset-row').first().locator('.cell-headword [lang]')).toHaveAttribute('lang', /^pmi-/);
  await expect(pane.getByText('Variant:')).toHaveCount(0);
  await expect(pane.getByTestId('variant')).toHaveCount(0);
  // Every text in the pane that is not a label or a button names its language.
  // A part of speech is a range's id, in no writing system.
  const unlabelled = await pane.locator('.form > span:not(.lang-tag), .editable:not(.pos) > .editable-value:not(.muted)').evaluateAll((spans) =>
    spans.filter((span) => !span.getAttribute('lang') || span.getAttribute('dir') !== 'auto').map((span) => span.outerHTML),
  );
  expect(unlabelled).toEqual([]);
});

test('a writing system the entry never had is offered, not shown empty; a multi-line field says how to save', async () => {
  const pane = page.getByTestId('entry-pane');
  const add = pane.getByLabel('Add to sense 1');
  const offered = (await add.locator('option').allTextContents()).filter((text) => text !== 'Add…');
  expect(offered.length).toBeGreaterThan(0);
  const gloss = offered.find((text) => text.startsWith('Gloss ('));
  const lang = /\((.+)\)/.exec(gloss ?? '')?.[1] ?? '';
  await expect(pane.getByText(`Gloss ${lang}`, { exact: true })).toHaveCount(0);
  await add.selectOption({ label: `Gloss (${lang})` });
  await pane.getByLabel(`Gloss ${lang}, sense 1`).fill('eat (added)');
  await pane.getByLabel(`Gloss ${lang}, sense 1`).press('Enter');
  await expect(pane.getByText('eat (added)', { exact: true })).toHaveAttribute('lang', lang);

  await pane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  await expect(pane.getByTestId('save-hint')).toHaveText('Ctrl+Enter saves, Enter starts a new line, Esc cancels');
  await pane.getByLabel('Definition en, sense 1').fill('to take food into the mouth');
  await pane.getByLabel('Definition en, sense 1').press('Enter');
  await expect(pane.getByLabel('Definition en, sense 1')).toBeVisible();
  await pane.getByLabel('Definition en, sense 1').press('Control+Enter');
  // Saved once the editor has closed: the textarea still saving holds the same text.
  await expect(pane.getByTestId('field-editor')).toHaveCount(0);
  await expect(pane.getByText('to take food into the mouth', { exact: true })).toBeVisible();
});

test('clearing a gloss is an ordinary change: Undo brings it back', async () => {
  const pane = page.getByTestId('entry-pane');
  await pane.getByRole('button', { name: 'Edit Gloss zh-CN, sense 1' }).click();
  await pane.getByLabel('Gloss zh-CN, sense 1').fill('');
  await pane.getByLabel('Gloss zh-CN, sense 1').press('Enter');
  // Saved: the editor is gone, and Undo names the cleared gloss.
  await expect(pane.getByTestId('field-editor')).toHaveCount(0);
  await expect(pane.getByText('吃', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo Gloss \(zh-CN\), sense 1 of/);
  await page.getByTestId('undo').click();
  await expect(pane.getByText('吃', { exact: true })).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
