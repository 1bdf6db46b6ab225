import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportedLift } from './support/exported.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * A whole entry made and shaped in the app: created from the quick search, senses added,
 * glossed, moved and deleted, an example with its translation, the entry deleted (a tombstone)
 * and brought back with Undo. The exported LIFT holds exactly these edits: the new entry as
 * made, and every other byte as exported before.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;
let before = '';
let guid = '';

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  before = await exported('before.lift');
  page = await browser.newPage();
  await openApp(page, host.url, '#dictionary=sample');
  await expect(page.getByRole('heading', { name: 'sample' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

function exported(name: string): Promise<string> {
  return exportedLift(host, 'sample', name);
}

/** The export with the new entry taken out, and that entry's XML. */
function split(lift: string): { rest: string; entry: string } {
  const match = new RegExp(`<entry [^>]*guid="${guid}"[^>]*(/>|>[\\s\\S]*?</entry>)\\n?`).exec(lift);
  expect(match, 'the new entry is in the export').not.toBeNull();
  return { rest: lift.replace(match?.[0] ?? '', ''), entry: match?.[0] ?? '' };
}

const pane = (): Locator => page.getByTestId('entry-pane');
const senses = (): Locator => pane().getByTestId('sense');

async function setText(label: string, value: string, multiline = false): Promise<void> {
  const field = pane().getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press(multiline ? 'Control+Enter' : 'Enter');
  // Saved once its editor has closed: a textarea still saving holds the same text.
  await expect(field).toHaveCount(0);
  await expect(pane().getByText(value, { exact: true })).toBeVisible();
}

test('a new entry from the quick search: its headword is what was searched, in the headwords’ writing system', async () => {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Quick search' });
  await dialog.getByRole('combobox', { name: 'Search sample' }).fill('zumbalo');
  await expect(dialog.getByTestId('quick-search-count')).toHaveText('Nothing found.');
  await dialog.getByRole('button', { name: 'New entry “zumbalo”' }).click();
  await expect(page.getByTestId('entry-title')).toHaveText('zumbalo');
  await expect(page.getByTestId('entry-title')).toHaveAttribute('lang', 'qaa-x-sample');
  guid = (await pane().getAttribute('data-guid')) ?? '';
  expect(guid).toMatch(/^[0-9a-f-]{36}$/);
  await expect(pane().getByText('This entry has no senses.')).toBeVisible();
});

test('senses are added, glossed, moved and deleted; an example gets its translation', async () => {
  for (const [i, gloss] of ['to dance', 'a dance', 'a dancer'].entries()) {
    const n = i + 1;
    await pane().getByRole('button', { name: 'Add sense' }).click();
    await expect(senses()).toHaveCount(n);
    // The first English gloss is added; after it, every sense has an English row to edit.
    const edit = pane().getByRole('button', { name: `Edit Gloss en, sense ${n}` });
    if ((await edit.count()) > 0) await edit.click();
    else await pane().getByLabel(`Add to sense ${n}`).selectOption({ label: 'Gloss (en)' });
    await setText(`Gloss en, sense ${n}`, gloss);
  }
  await expect(senses()).toHaveCount(3);
  // "a dancer" up to the first place, then "to dance" (now second) goes.
  await pane().getByRole('button', { name: 'Move sense 3 up' }).click();
  await expect(senses().nth(1)).toContainText('a dancer');
  await pane().getByRole('button', { name: 'Move sense 2 up' }).click();
  await expect(senses().nth(0)).toContainText('a dancer');
  await expect(pane().getByRole('button', { name: 'Move sense 1 up' })).toBeDisabled();
  await pane().getByRole('button', { name: 'Delete sense 2' }).click();
  await expect(senses()).toHaveCount(2);
  await expect(senses().nth(1)).toContainText('a dance');

  await pane().getByLabel('Add to sense 1').selectOption({ label: 'Example (qaa-x-sample)' });
  await setText('Example qaa-x-sample, sense 1, new example', 'zumbalo wa ngoma', true);
  await pane().getByRole('button', { name: 'Edit Translation en, sense 1, example 1' }).click();
  await setText('Translation en, sense 1, example 1', 'the dancer of the drum', true);
  await pane().getByLabel('Add to sense 2').selectOption({ label: 'Subsense (its gloss in en)' });
  await setText('Subsense gloss en, sense 2, new subsense', 'a wedding dance');
  await expect(senses().nth(1).getByTestId('subsense')).toContainText('a wedding dance');
});

test('the export holds exactly the edits made, and every other byte as before', async () => {
  const { rest, entry } = split(await exported('after.lift'));
  expect(rest).toBe(before);
  const compact = entry.replace(/>\s+</g, '><');
  expect(compact).toMatch(new RegExp(`^<entry id="zumbalo_${guid}" dateCreated="[^"]+" dateModified="[^"]+" guid="${guid}"><lexical-unit><form lang="qaa-x-sample"><text>zumbalo</text></form></lexical-unit>`));
  const glosses = [...compact.matchAll(/<(sense|subsense) id="[0-9a-f-]{36}">(?:<[^>]+>)*?<gloss lang="en"><text>([^<]*)<\/text>/g)].map((m) => `${m[1]}:${m[2]}`);
  expect(glosses).toEqual(['sense:a dancer', 'sense:a dance', 'subsense:a wedding dance']);
  expect(compact).toContain('<example><form lang="qaa-x-sample"><text>zumbalo wa ngoma</text></form><translation><form lang="en"><text>the dancer of the drum</text></form></translation></example>');
  expect(compact).not.toContain('to dance');
});

test('deleting the entry leaves its tombstone; Undo brings it back as it was', async () => {
  const kept = split(await exported('kept.lift')).entry;
  await pane().getByRole('button', { name: 'Delete entry…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete ‘zumbalo’?' });
  await confirm.getByRole('button', { name: 'Delete entry' }).click();
  await expect(page.getByTestId('entry-deleted')).toBeVisible();
  const tombstone = split(await exported('deleted.lift'));
  expect(tombstone.rest).toBe(before);
  expect(tombstone.entry).toMatch(new RegExp(`^<entry id="zumbalo_${guid}" dateCreated="[^"]+" dateModified="[^"]+" guid="${guid}" dateDeleted="[^"]+"/>`));

  await page.getByTestId('undo').click();
  await expect(pane().getByText('a dancer', { exact: true })).toBeVisible();
  expect(split(await exported('undone.lift')).entry).toBe(kept);
});
