import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportedLift } from './support/exported.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * An entry of FLEx's AllFLExFields export, imported with its .lift-ranges, edited from the
 * ranges: a part of speech and a semantic domain picked, a trait added, a custom field and a
 * typed note edited, a font set for a writing system; the note undone. The export then holds
 * exactly those edits, every other byte as before.
 */
test.describe.configure({ mode: 'serial' });

const ALL_FIELDS = resolve(import.meta.dirname, '../../shared/lift/AllFLExFields/AllFLExFields.lift');
const GUID = '0a18bb95-0eb2-422e-bf7e-c1fd90274670';

let host: RunningHost;
let page: Page;
let before = '';

test.beforeAll(async ({ browser }) => {
  host = await startHost();
  const imported = await host.cli(['import', ALL_FIELDS, '--db', 'fields']);
  expect(imported.code, imported.stderr).toBe(0);
  before = await exported('before.lift');
  page = await browser.newPage();
  await openApp(page, host.url, `#dictionary=fields&entry=${GUID}`);
  await expect(pane().getByTestId('sense')).toHaveCount(1);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

function exported(name: string): Promise<string> {
  return exportedLift(host, 'fields', name);
}

const pane = (): Locator => page.getByTestId('entry-pane');
const sense = (): Locator => pane().getByTestId('sense').first();

/** The page's getComputedStyle, named for this Node-typed spec (the function runs in the page). */
type PageWindow = { getComputedStyle(element: unknown): { fontFamily: string; fontSize: string } };

/** An element's computed font family and size. */
const fontOf = (locator: Locator): Promise<[string, string]> =>
  locator.evaluate((el) => {
    const style = (globalThis as unknown as PageWindow).getComputedStyle(el);
    return [style.fontFamily, style.fontSize] as [string, string];
  });

/** Types into a range picker and picks with Enter: done once the picker has closed. */
async function pick(label: string, typed: string): Promise<void> {
  const input = pane().getByLabel(label, { exact: true });
  await input.fill(typed);
  await input.press('Enter');
  await expect(input).toHaveCount(0);
}

/** Writes a multi-line field and saves it with Ctrl+Enter: saved once its editor has closed. */
async function write(label: string, text: string): Promise<void> {
  const field = pane().getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Control+Enter');
  await expect(field).toHaveCount(0);
  await expect(pane().getByText(text, { exact: true })).toBeVisible();
}

test('a part of speech (by its abbreviation) and a semantic domain (by its label) from the ranges; a trait added', async () => {
  await sense().getByRole('button', { name: 'Edit Part of speech, sense 1' }).click();
  await pick('Part of speech, sense 1', 'v');
  await expect(sense().getByTestId('pos')).toContainText('Verb');

  await sense().getByRole('button', { name: 'Add semantic domain' }).click();
  await pick('Semantic domain, sense 1', 'sky');
  await expect(sense().getByTestId('semantic-domain')).toHaveText(['◈ 9.1.3.1 Physical, non-physical×', '◈ 1.1 Sky×']);

  await sense().getByRole('group', { name: 'Traits of sense 1' }).getByRole('button', { name: 'Add trait' }).click();
  await sense().getByLabel('Trait to add to sense 1').selectOption('usage-type');
  // A value the range does not have is refused, in words; then one it has.
  await pane().getByLabel('usage-type, sense 1', { exact: true }).fill('ancient');
  await pane().getByLabel('usage-type, sense 1', { exact: true }).press('Enter');
  await expect(pane().getByRole('alert')).toContainText('“ancient” is not in the dictionary’s list for usage-type');
  await pick('usage-type, sense 1', 'archaic');
  await expect(sense().locator('[data-testid="trait"][data-name="usage-type"]')).toHaveText(['usage-type: colloquial×', 'usage-type: archaic×']);
});

test('a custom field the header declares, and a typed note added, then undone', async () => {
  await pane().getByRole('button', { name: 'Edit literal-meaning en, entry' }).click();
  await write('literal-meaning en, entry', 'A truer literal meaning');

  await pane().getByLabel('Add a note to entry').selectOption({ label: 'grammar (en)' });
  await write('New note (grammar) en, entry', 'Takes no plural');
  await expect(pane().getByRole('button', { name: 'Edit Note (grammar) en, entry' })).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(pane().getByText('Takes no plural', { exact: true })).toHaveCount(0);
});

test('a font for a writing system applies to every text in it', async () => {
  const headword = pane().getByTestId('entry-headword').locator('[lang="th"]').first();
  const [before] = await fontOf(headword);
  await pane().getByRole('button', { name: 'Fonts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fonts of writing systems' });
  await dialog.getByLabel('Font family th').fill('Noto Serif Thai');
  await dialog.getByLabel('Font size th (px)').fill('28');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await fontOf(headword))[0]).toBe('"Noto Serif Thai", sans-serif');
  expect(before).not.toContain('Noto Serif Thai');
  // The size is the writing system's where the pane gives the text none of its own (the headword keeps its larger one).
  const example = sense().getByText('ใหท่ มี', { exact: true });
  expect(await fontOf(example)).toEqual(['"Noto Serif Thai", sans-serif', '28px']);
  // English is untouched, and the choice outlives a reload.
  const english = sense().locator('[lang="en"]').first();
  expect((await fontOf(english))[0]).not.toContain('Noto Serif Thai');
  await page.reload();
  await expect.poll(async () => (await fontOf(pane().getByTestId('entry-headword').locator('[lang="th"]').first()))[0]).toBe('"Noto Serif Thai", sans-serif');
});

test('the export holds exactly those edits: every other byte as before', async () => {
  const after = await exported('after.lift');
  const entryOf = (lift: string): string => new RegExp(`<entry [^>]*guid="${GUID}"[\\s\\S]*?</entry>`).exec(lift)?.[0] ?? '';
  const was = entryOf(before);
  const now = entryOf(after);
  expect(after.replace(now, '')).toBe(before.replace(was, ''));
  const flat = (xml: string): string => xml.replace(/>\s+</g, '><').replace(/ dateModified="[^"]*"/, '');
  const expected = flat(was)
    .replace('<grammatical-info value="Noun">', '<grammatical-info value="Verb">')
    .replace('<trait name="semantic-domain-ddp4" value="9.1.3.1 Physical, non-physical"/>', '$&<trait name="semantic-domain-ddp4" value="1.1 Sky"/>')
    .replace('<trait name="usage-type" value="colloquial"/>', '$&<trait name="usage-type" value="archaic"/>')
    .replace('<text>A Literal Meaning</text>', '<text>A truer literal meaning</text>');
  expect(expected).not.toBe(flat(was));
  expect(flat(now)).toBe(expected);
  expect(now).not.toContain('Takes no plural');
});
