import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseXSession } from '../src-main/basex/client-session.js';
import { useEmbeddedServer, type ServerLease } from '../src-main/basex/server-launcher.js';
import { startHost, type RunningHost } from './support/host.js';
import { openApp, previewBulkEdit } from './support/ui.js';

/**
 * A team on a standalone BaseX server that the test starts (no desktop owns it): Ana's desktop
 * is killed in the middle of a bulk run, and Ben's desktop finds the run interrupted, from the
 * server alone, and undoes it. The run is held mid-way by a gate, not by hoping it is slow: the
 * test's own session write-locks the dictionary until the test opens the gate, so the run's
 * first batch waits on the server while Ana's host is killed.
 */
test.describe.configure({ mode: 'serial' });

let serverFolder = '';
let lease: ServerLease;
let admin: BaseXSession;
let ana: RunningHost;
let ben: RunningHost;
let anaPage: Page;
let benPage: Page;
let nouns = '';

/** The whole dictionary as stored: equal before and after means nothing of it moved. */
const dictionaryHash = (): Promise<string> => admin.query(`string(hash:md5(serialize(db:open('sample', 'dictionary.lift'))))`).then(([h]) => h);

test.beforeAll(async ({ browser }) => {
  serverFolder = mkdtempSync(join(tmpdir(), 'wb-team-server-'));
  lease = await useEmbeddedServer(serverFolder);
  const { host, port, password } = lease.address;
  const url = `basex://admin:${encodeURIComponent(password)}@${host}:${port}`;
  ana = await startHost({ sample: true, basexUrl: url });
  ben = await startHost({ basexUrl: url });
  admin = await BaseXSession.connect(lease.address, { timeoutMs: 600_000 });
  const query = JSON.stringify({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] });
  const created = await ana.cli(['worksets', 'create', 'sample', '--name', 'Nouns', '--query', query, '--json']);
  expect(created.stderr).toBe('');
  nouns = `#workset=${(JSON.parse(created.stdout) as { id: number }).id}`;
  anaPage = await browser.newPage();
  benPage = await browser.newPage();
});

test.afterAll(async () => {
  await anaPage?.close();
  await benPage?.close();
  await ben?.stop();
  await ana?.stop();
  await admin?.close();
  await lease?.release();
  if (serverFolder) rmSync(serverFolder, { recursive: true, force: true });
});

test("a desktop killed mid bulk run: the other desktop finds the run interrupted and undoes it exactly", async () => {
  const before = await dictionaryHash();
  await openApp(anaPage, ana.url, nouns);
  const dialog = await previewBulkEdit(anaPage, { action: 'append', field: 'gloss', lang: 'en', value: ' (checked)' });
  const run = dialog.getByRole('button', { name: /^Run on \d+ entries$/ });
  await expect(run).toBeEnabled();

  // The gate: a write lock on the dictionary, held until the test writes `release`.
  const gate = mkdtempSync(join(tmpdir(), 'wb-gate-'));
  const held = join(gate, 'held');
  const release = join(gate, 'release');
  const holding = admin.query(
    `declare variable $held external; declare variable $release external;
     let $lift := db:open('sample', 'dictionary.lift')/lift
     return (
       file:write-text($held, 'held'),
       for $i in 1 to 12000 return if (file:exists($release)) then () else prof:sleep(50),
       replace value of node $lift/@version with string($lift/@version))`,
    { held, release },
  );
  try {
    await expect.poll(() => existsSync(held)).toBe(true);
    await run.click();
    // The run has begun on the server (its state says so) and waits there on the lock.
    await expect
      .poll(async () => {
        const listed = await ben.cli(['bulk', 'list', '--json']);
        return (JSON.parse(listed.stdout) as { operations: { state: string }[] }).operations.map((o) => o.state);
      })
      .toEqual(['running']);
    await ana.kill();
  } finally {
    writeFileSync(release, '');
    await holding;
    rmSync(gate, { recursive: true, force: true });
  }

  // Ben's desktop, from the server alone: the run is interrupted, and its undo brings every entry back.
  await openApp(benPage, ben.url, nouns);
  const unfinished = benPage.getByTestId('unfinished-bulk');
  await expect(unfinished).toContainText('interrupted');
  await unfinished.getByRole('button', { name: 'Undo' }).click();
  await expect(unfinished).toHaveCount(0);
  const [op] = (JSON.parse((await ben.cli(['bulk', 'list', '--json'])).stdout) as { operations: { state: string }[] }).operations;
  expect(op.state).toBe('undone');
  expect(await dictionaryHash()).toBe(before);
});
