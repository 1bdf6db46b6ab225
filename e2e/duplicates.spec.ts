import { expect, test, type Page } from '@playwright/test';
import type { BaseXSession } from '../src-main/basex/client-session.js';
import { adminSession } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp } from './support/ui.js';

/**
 * The Duplicates view, opened from the dictionary page: a planted copy of an entry (its headword
 * in capitals with extra spaces) is listed with its reason, merged after the preview (the copy
 * left as a tombstone), and the merge undone: both entries are as they were, byte for byte.
 */
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let page: Page;
let admin: BaseXSession;
const COPY = '00000000-0000-4000-8000-0000000e2ed1';
let original = '';
let headword = '';

const DOC = `declare variable $db := 'sample'; declare variable $doc := db:open($db, 'dictionary.lift');`;
const stored = (guids: string[]): Promise<string[]> =>
  admin.query(`${DOC} declare variable $guids external; for $g in tokenize($guids, ' ') return $doc/lift/entry[@guid = $g] ! serialize(., map { 'method': 'xml', 'indent': 'no' })`, { guids: guids.join(' ') });

test.beforeAll(async ({ browser }) => {
  host = await startHost({ sample: true });
  admin = await adminSession(host.dataFolder);
  // An entry whose headword no other entry has, with a sense, copied under another guid and id.
  [original, headword] = await admin.query(`${DOC}
    (for $e in $doc/lift/entry[@id][sense/gloss[@lang = 'en']]
     let $h := $e/lexical-unit/form[1]/text
     where matches($h, '^[a-z]{5,}$') and count($doc/lift/entry/lexical-unit/form[lower-case(normalize-space(text)) = lower-case($h)]) = 1
     return (string($e/@guid), string($h)))[position() le 2]`);
  await admin.query(`${DOC} declare variable $g external; declare variable $copy external; declare variable $hw external;
    let $c := copy $c := $doc/lift/entry[@guid = $g] modify (replace value of node $c/@guid with $copy, replace value of node $c/@id with 'copy_' || $copy,
      replace value of node $c/lexical-unit/form[1]/text with $hw) return $c
    return insert node $c as last into $doc/lift`, { g: original, copy: COPY, hw: ` ${headword.toUpperCase()}  ` });
  page = await browser.newPage();
  await openApp(page, host.url, '#dictionary=sample');
  await expect(page.getByRole('heading', { name: 'sample' })).toBeVisible();
});

test.afterAll(async () => {
  await admin?.close();
  await page?.close();
  await host?.stop();
});

test('Duplicates lists the planted copy; a merge after its preview leaves a tombstone, and its undo puts both entries back', async () => {
  const before = await stored([original, COPY]);
  await page.getByRole('button', { name: 'Duplicates…' }).click();
  await expect(page.getByRole('heading', { name: 'Duplicates' })).toBeVisible();
  const group = page.getByTestId('duplicate-group').filter({ hasText: `same headword after folding (${headword})` });
  await expect(group).toHaveCount(1);

  await group.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
  const preview = dialog.getByTestId('merge-preview');
  await expect(preview).toBeVisible();
  // The copy's sense is the same as the kept one's: kept once.
  await expect(preview).toContainText('the same as an earlier sense, kept once');
  await expect(preview.getByRole('combobox', { name: 'Value of lexeme:qaa-x-sample' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('merge-outcome')).toContainText('Merged into');
  await expect(group).toHaveCount(0);
  // One of the two is kept (the view's first), the other is FLEx's tombstone: attributes, dateDeleted last, no content.
  const merged = await stored([original, COPY]);
  expect(merged.filter((xml) => /^<entry [^>]*dateDeleted="[^"]+"\/>$/.test(xml))).toHaveLength(1);

  await page.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merge undone' })).toBeVisible();
  expect(await stored([original, COPY])).toEqual(before);
  await expect(group).toHaveCount(1);
});
