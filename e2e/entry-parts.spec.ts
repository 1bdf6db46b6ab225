import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportedLift } from './support/exported.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * Pronunciations, variants and relations edited in the entry pane of the sample's ‘ahī’: added,
 * their forms set and cleared, deleted; a relation's target found by searching the dictionary,
 * shown by its headword and opened by a click, its type changed; the last change undone. The
 * exported LIFT holds exactly these edits, in LIFT order, and every other byte as before.
 */
test.describe.configure({ mode: 'serial' });

const GUID = '62883965-f166-4984-83b3-f708592e9bef';
const TARGET = { guid: 'a6a7fbec-7052-4d5d-b131-a48ed1dbfe71', id: 'ahi_a6a7fbec-7052-4d5d-b131-a48ed1dbfe71' };
let host: RunningHost;
let page: Page;
let before = '';

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  before = await exported('before.lift');
  page = await browser.newPage();
  await openApp(page, host.url, `#dictionary=sample&entry=${GUID}`);
  await expect(page.getByTestId('entry-title')).toHaveText('ahī');
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

function exported(name: string): Promise<string> {
  return exportedLift(host, 'sample', name);
}

/** The export with entry `guid` taken out, and that entry's XML. */
function split(lift: string, guid = GUID): { rest: string; entry: string } {
  const match = new RegExp(`<entry [^>]*guid="${guid}"[^>]*>[\\s\\S]*?</entry>\\n?`).exec(lift);
  expect(match, 'the entry is in the export').not.toBeNull();
  return { rest: lift.replace(match?.[0] ?? '', ''), entry: match?.[0] ?? '' };
}

const pane = (): Locator => page.getByTestId('entry-pane');

/** Types into the field editor labelled `label` and saves with Enter; saved once the editor has closed. */
async function save(label: string, value: string): Promise<void> {
  const field = pane().getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toHaveCount(0);
}

test('pronunciations are added, edited and deleted', async () => {
  await pane().getByLabel('Add pronunciation').selectOption({ label: 'in qaa-x-sample' });
  await save('New pronunciation qaa-x-sample', 'aˈhiː');
  await pane().getByLabel('Add pronunciation').selectOption({ label: 'in qaa-x-sample' });
  await save('New pronunciation qaa-x-sample', 'ˈahi');
  await expect(pane().getByTestId('pronunciation')).toHaveCount(2);
  await pane().getByRole('button', { name: 'Edit Pronunciation qaa-x-sample, 1' }).click();
  await save('Pronunciation qaa-x-sample, 1', 'aˈhi');
  await expect(pane().getByTestId('pronunciation').first()).toContainText('aˈhi');
  await pane().getByRole('button', { name: 'Delete pronunciation 1' }).click();
  await expect(pane().getByTestId('pronunciation')).toHaveCount(1);
  await expect(pane().getByTestId('pronunciation')).toContainText('ˈahi');
});

test('a variant gets a form in a second writing system, which is then cleared', async () => {
  await pane().getByLabel('Add variant').selectOption({ label: 'in qaa-x-sample' });
  await save('New variant qaa-x-sample', 'ahii');
  await pane().getByLabel('Add a writing system to variant 1').selectOption('fr');
  await save('Variant fr, 1, new form', 'ahie');
  await expect(pane().getByTestId('variant')).toContainText('ahie');
  await pane().getByRole('button', { name: 'Edit Variant fr, 1' }).click();
  await save('Variant fr, 1', '');
  await expect(pane().getByTestId('variant')).not.toContainText('ahie');
  await expect(pane().getByTestId('variant')).toContainText('ahii');
});

test('a relation’s target is found by searching, shown by its headword, and opens that entry', async () => {
  const relations = pane().getByTestId('relations');
  await relations.getByRole('button', { name: 'Add relation' }).click();
  // From the keyboard: the dictionary offers no type yet, so the focus starts in the type, Tab reaches the search.
  await expect(relations.getByLabel('Relation type')).toBeFocused();
  await page.keyboard.type('Synonyms');
  await page.keyboard.press('Tab');
  const search = relations.getByRole('combobox', { name: 'Related entry' });
  await expect(search).toBeFocused();
  await page.keyboard.type('ahi');
  const first = relations.getByTestId('relation-search-result').first();
  await expect(first.locator('.headword')).toHaveText('ahi');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  const target = relations.getByTestId('relation-target');
  await expect(target).toHaveText('ahi');
  await expect(target).toHaveAttribute('href', `#dictionary=sample&entry=${TARGET.guid}`);

  // A second one, of the sense, gives the list a second type; the first then takes it.
  await relations.getByRole('button', { name: 'Add relation' }).click();
  await relations.getByLabel('Relation of').selectOption({ label: 'sense 1' });
  await relations.getByLabel('Relation type').fill('Compare');
  await relations.getByRole('combobox', { name: 'Related entry' }).fill('avahi');
  await relations.getByTestId('relation-search-result').filter({ has: page.locator('.headword', { hasText: /^avahi$/ }) }).click();
  await expect(relations.getByTestId('relation')).toHaveCount(2);
  await relations.getByLabel('Type of relation 1', { exact: true }).selectOption('Compare');
  await expect(relations.getByLabel('Type of relation 1', { exact: true })).toHaveValue('Compare');
  // Deleting the sense's relation is undone, then done again.
  await relations.getByRole('button', { name: 'Delete relation 1, sense 1' }).click();
  await expect(relations.getByTestId('relation')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(relations.getByTestId('relation')).toHaveCount(2);
  await relations.getByRole('button', { name: 'Delete relation 1, sense 1' }).click();
  await expect(relations.getByTestId('relation')).toHaveCount(1);

  await target.click();
  await expect(page.getByTestId('entry-title')).toHaveText('ahi');
  await page.goBack();
  await expect(page.getByTestId('entry-title')).toHaveText('ahī');
});

test('the export holds exactly the edits made, in LIFT order, and every other byte as before', async () => {
  const after = split(await exported('after.lift'));
  const was = split(before);
  expect(after.rest).toBe(was.rest);
  const expected = was.entry
    .replace('</lexical-unit>', '</lexical-unit><pronunciation><form lang="qaa-x-sample"><text>ˈahi</text></form></pronunciation><variant><form lang="qaa-x-sample"><text>ahii</text></form></variant>')
    .replace(/<\/sense>\n<\/entry>/, `</sense><relation type="Compare" ref="${TARGET.id}"/>\n</entry>`);
  const undated = (xml: string): string => xml.replace(/ dateModified="[^"]*"/, '');
  expect(undated(after.entry)).toBe(undated(expected));
  expect(after.entry).not.toContain('dateModified="2021-05-14T02:12:07Z"');
  // The related entries are as they were.
  expect(split(after.rest, TARGET.guid).entry).toBe(split(was.rest, TARGET.guid).entry);
});
