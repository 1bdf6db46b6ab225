import { expect, test, type Page } from '@playwright/test';
import { serverUrl } from './support/basex.js';
import { startHost, type RunningHost } from './support/host.js';
import { glossOf, openApp, pressKey, ui } from './support/ui.js';

/**
 * Two desktops on one dictionary server: two browser hosts, each with its own data folder (its
 * own SQLite index), the second connected to the first one's BaseX server as a colleague's
 * machine would be (`--basex`). The worksets are the server's: one made on Ana's desktop is
 * Ben's too, by the same id. Each sees the other's edits and curation through the change log;
 * edits of different fields of one entry merge without a dialog, of one field meet the conflict
 * dialog naming it. Ana splits the workset and Ben works his share; each sees where the other
 * is (presence); a read-only account's window is refused every write in one line.
 */
test.describe.configure({ mode: 'serial' });

let ana: RunningHost;
let ben: RunningHost;
let reader: RunningHost | undefined;
let anaPage: Page;
let benPage: Page;
let nouns = '';

test.beforeAll(async ({ browser }) => {
  ana = await startHost({ sample: true });
  ben = await startHost({ sample: true, basexUrl: serverUrl(ana.dataFolder) });
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] });
  const created = await ana.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', query, '--json']);
  expect(created.stderr).toBe('');
  nouns = `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`;
  // Ben's desktop lists it from the shared server, and may not make a second of that name.
  const listed = JSON.parse((await ben.cli(['worksets', 'list', 'sample', '--json'])).stdout) as { name: string }[];
  expect(listed.map((w) => w.name)).toEqual(['Nouns']);
  expect((await ben.cli(['worksets', 'create', 'sample', '--name', 'nouns', '--query', query])).stderr).toMatch(/already has a workset named "Nouns"/);
  anaPage = await browser.newPage();
  benPage = await browser.newPage();
});

test.afterAll(async () => {
  await anaPage?.close();
  await benPage?.close();
  // The colleagues' desktops first: the first one's embedded server is the one they use.
  await reader?.stop();
  await ben?.stop();
  await ana?.stop();
});

test("two desktops with their own data folders see each other's edits, and edits of different fields merge", async () => {
  await openApp(anaPage, ana.url, nouns);
  await openApp(benPage, ben.url, nouns);
  for (const page of [anaPage, benPage]) {
    await ui.row(page, 'ahili').click();
    await expect(ui.entryPane(page).getByTestId('entry-headword')).toContainText('ahili');
  }
  const anaPane = ui.entryPane(anaPage);
  const benPane = ui.entryPane(benPage);
  // Ben names himself in the status bar: the log records that name for his changes.
  await benPage.getByTestId('status-person').click();
  await benPage.getByLabel('Your name').fill('Ben Banda');
  await benPage.getByLabel('Your name').press('Enter');
  await expect(benPage.getByTestId('status-person')).toHaveAttribute('data-who', 'Ben Banda');

  // Ben starts on the definition before Ana's save lands.
  await benPane.getByRole('button', { name: 'Edit Definition en, sense 1' }).click();
  await anaPane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await anaPane.getByLabel('Gloss en, sense 1').fill('drizzle');
  await anaPane.getByLabel('Gloss en, sense 1').press('Enter');
  await expect(glossOf(ui.row(anaPage, 'ahili'))).toHaveText('drizzle');
  // On Ben's desktop, through the log: the list and the open entry.
  await expect(glossOf(ui.row(benPage, 'ahili'))).toHaveText('drizzle');

  await benPane.getByLabel('Definition en, sense 1').fill('light rain in fine drops');
  await benPane.getByTestId('field-editor').getByRole('button', { name: 'Save' }).click();
  await expect(benPane).toContainText('light rain in fine drops');
  await expect(benPage.getByRole('dialog')).toHaveCount(0);
  await expect(benPane).toContainText('drizzle');
  await expect(anaPane).toContainText('light rain in fine drops');
  await expect(anaPane).toContainText('drizzle');

  // Both desktops' changes are in the one log on the shared server, Ben's under the name he set.
  await anaPane.getByTestId('entry-history').locator('summary').click();
  await expect(anaPane.getByTestId('history-change')).toHaveCount(2);
  await expect(anaPane.getByTestId('history-change').first()).toContainText('Ben Banda');
  await expect(anaPane.getByTestId('history-change').first()).toContainText('Definition (en)');
  // The command line reads the same record from the shared server.
  const history = await ben.cli(['history', 'sample', (await anaPane.getAttribute('data-guid')) ?? '', '--json']);
  expect((JSON.parse(history.stdout) as { who: string }[]).map((c) => c.who)[0]).toBe('Ben Banda');

  // Both on the same field: the later save meets the conflict, naming the field and what was saved first.
  await benPane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await anaPane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
  await anaPane.getByLabel('Gloss en, sense 1').fill('fine rain');
  await anaPane.getByLabel('Gloss en, sense 1').press('Enter');
  await expect(glossOf(ui.row(benPage, 'ahili'))).toHaveText('fine rain');
  await benPane.getByLabel('Gloss en, sense 1').fill('mist');
  await benPane.getByLabel('Gloss en, sense 1').press('Enter');
  const conflict = benPage.getByRole('dialog', { name: 'This entry was changed elsewhere' });
  await expect(conflict.getByTestId('conflict-change')).toContainText('Gloss (en), sense 1');
  await expect(conflict.getByTestId('conflict-current')).toContainText('fine rain');
  await conflict.getByRole('button', { name: 'Take current version' }).click();
  await expect(conflict).toBeHidden();
  await expect(benPane).toContainText('fine rain');
});

test("curation on one desktop moves the other's work list and progress", async () => {
  await expect(ui.entryPane(benPage).getByTestId('entry-headword')).toContainText('ahili');
  await expect(ui.progress(anaPage)).toHaveAttribute('data-done', '0');
  await pressKey(benPage, 'd');
  await expect(ui.progress(benPage)).toHaveAttribute('data-done', '1');
  // Ana's desktop hears of it through the log, and its own index takes it in from the server.
  await expect(ui.progress(anaPage)).toHaveAttribute('data-done', '1');
  await expect(ui.row(anaPage, 'ahili')).toHaveAttribute('data-status', 'done');
  await pressKey(anaPage, 'f');
  await expect(ui.row(benPage, 'ahili')).toHaveAttribute('data-favourite', 'true');
});

test('a coordinator splits the workset; the colleague works through just his share and her per-person progress moves', async () => {
  await anaPage.getByRole('button', { name: 'Assign…' }).click();
  await anaPage.getByLabel('Assign to').fill('Ana, Ben Banda');
  await anaPage.getByRole('button', { name: 'Split among 2' }).click();
  await expect(anaPage.getByTestId('assign-result')).toHaveText('86 to Ana, 85 to Ben Banda');
  await anaPage.keyboard.press('Escape');
  await expect(anaPage.getByRole('dialog')).toHaveCount(0);
  const bensProgress = (page: Page) => page.getByTestId('people-progress').locator('[data-who="Ben Banda"]');
  await expect(bensProgress(anaPage)).toHaveAttribute('data-total', '85');

  // Ben (the name he set) shows only his entries: the second half of the list, through the log.
  await expect(bensProgress(benPage)).toHaveAttribute('data-total', '85');
  await benPage.getByLabel('My entries').check();
  await expect(benPage.getByTestId('view-count')).toHaveText('85 entries');
  const first = benPage.getByTestId('workset-row').first();
  await first.click();
  await expect(ui.entryPane(benPage).getByTestId('assigned-to')).toHaveText('Assigned to Ben Banda');
  await pressKey(benPage, 'd');
  await expect(bensProgress(anaPage)).toHaveAttribute('data-done', '1');
  await expect(anaPage.getByTestId('people-progress').locator('[data-who="Ana"]')).toHaveAttribute('data-done', '1');
});

test('each desktop shows who else has the workset and the entry open, and forgets a window that closed', async ({ browser }) => {
  // Presence is polled every 5 s: a look may take that long to come round.
  const soon = { timeout: 15_000 };
  await anaPage.getByTestId('status-person').click();
  await anaPage.getByLabel('Your name').fill('Ana');
  await anaPage.getByLabel('Your name').press('Enter');
  await expect(anaPage.getByTestId('status-person')).toHaveAttribute('data-who', 'Ana');
  await benPage.getByLabel('My entries').uncheck();
  await ui.row(benPage, 'ahili').click();
  await expect(ui.entryPane(benPage).getByTestId('entry-headword')).toContainText('ahili');
  await expect(ui.entryPane(anaPage).getByTestId('entry-headword')).toContainText('ahili');
  await expect(benPage.getByTestId('entry-presence')).toHaveText('Ana is editing this entry', soon);
  await expect(anaPage.getByTestId('entry-presence')).toHaveText('Ben Banda is editing this entry', soon);
  await expect(anaPage.getByTestId('workset-presence')).toHaveText('Also in this workset: Ben Banda');

  // A third window of Ben's, on the dictionary's page, lists where the others are.
  const list = await browser.newPage();
  await openApp(list, ben.url);
  await list.getByTestId('dictionary-item').filter({ hasText: 'sample' }).click();
  await expect(list.getByTestId('workset-item').filter({ hasText: 'Nouns' }).getByTestId('workset-presence')).toHaveText('Ana and Ben Banda have it open', soon);

  // Ben moves on: Ana's pane no longer names him. Then his workset window closes: Ana's view forgets him.
  await pressKey(benPage, 'ArrowRight');
  await expect(anaPage.getByTestId('entry-presence')).toHaveCount(0, soon);
  await benPage.close();
  await expect(anaPage.getByTestId('workset-presence')).toHaveCount(0, soon);
  await expect(list.getByTestId('workset-item').filter({ hasText: 'Nouns' }).getByTestId('workset-presence')).toHaveText('Ana has it open', soon);
  await list.close();
});

test("a read-only user's window browses the shared workset, and every write is refused in one line", async ({ browser }) => {
  const added = await ana.cli(['team', 'add-user', 'cai', '--read', '--password', 'cai-pw']);
  expect(added.stderr).toBe('');
  const admin = new URL(serverUrl(ana.dataFolder));
  reader = await startHost({ basexUrl: `basex://cai:cai-pw@${admin.host}` });
  const page = await browser.newPage();
  try {
    await openApp(page, reader.url, nouns);
    await ui.row(page, 'ahili').click();
    const pane = ui.entryPane(page);
    await expect(pane.getByTestId('entry-headword')).toContainText('ahili');
    const doneBefore = await ui.progress(anaPage).getAttribute('data-done');

    await pressKey(page, 'r');
    await expect(page.getByText(/read-only on this server/).first()).toBeVisible();
    await pane.getByRole('button', { name: 'Edit Gloss en, sense 1' }).click();
    await pane.getByLabel('Gloss en, sense 1').fill('not allowed');
    await pane.getByLabel('Gloss en, sense 1').press('Enter');
    await expect(pane.getByText(/read-only on this server: BaseX user "cai" may browse and search, not change dictionaries/)).toBeVisible();
    // No server message reaches the person, and nothing stored moved.
    await expect(page.getByText(/Stopped at|\[basex:|permission needed/)).toHaveCount(0);
    await expect(ui.row(anaPage, 'ahili')).toHaveAttribute('data-status', 'done');
    await expect(glossOf(ui.row(anaPage, 'ahili'))).toHaveText('fine rain');
    expect(await ui.progress(anaPage).getAttribute('data-done')).toBe(doneBefore);
  } finally {
    await page.close();
  }
});
