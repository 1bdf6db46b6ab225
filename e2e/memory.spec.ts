import { expect, test, type Page } from '@playwright/test';
import { MB, usedHeapAfterGc } from './support/heap.js';
import { startHost, type RunningHost } from './support/host.js';
import { syntheticWorkset } from './support/synthetic.js';
import { openApp, pressKey, ui } from './support/ui.js';

/**
 * The renderer forgets entries nobody looks at: opening 2,000 entries one by one (→ from the
 * keyboard, as a lexicographer works through a list), its JS heap after a full GC grows by less
 * than HEAP_GROWTH_LIMIT from the 100th entry to the 2,000th.
 *
 * The first WARM_UP entries are not counted: they fill what is bounded by design (the idle
 * entries the query cache keeps, the table's pages either side of the screen, code the JIT
 * compiles as the app gets busy), about 1.3 MB. Measured here (December 2026): with a cache that
 * kept every opened entry (and a table that kept every page it had scrolled past) the heap grew by
 * 5.8 MB over the 1,900 entries after those; with one presence answer kept per entry visited
 * (five minutes each, with its timer) by 2.4 MB; now it grows by 1.1 MB.
 */
const ENTRIES = 2_000;
const WARM_UP = 100;
const HEAP_GROWTH_LIMIT = 2.5 * MB;

/**
 * Installs `__nextEntry()` in the page: it resolves with the entry pane's guid once the pane
 * shows an entry other than the one it last resolved with, loaded (its version known, its
 * headword drawn). It waits on DOM mutations, not on a poll, so 2,000 steps stay quick; and
 * every step evaluates the same short script, so the test adds no compiled code or strings of
 * its own to the heap it measures. A string, because the specs are compiled without the DOM library.
 */
const INSTALL_NEXT_ENTRY = `window.__nextEntry = (() => {
  let last = null;
  return () => new Promise((resolve, reject) => {
    let observer = null;
    const timer = setTimeout(() => { observer?.disconnect(); reject(new Error('no entry after ' + last + ' within 15 s')); }, 15000);
    const check = () => {
      const pane = document.querySelector('[data-testid="entry-pane"]');
      const guid = pane?.getAttribute('data-guid');
      if (!guid || guid === last || !pane.hasAttribute('data-version') || !pane.querySelector('[data-testid="entry-headword"]')) return false;
      observer?.disconnect();
      clearTimeout(timer);
      last = guid;
      resolve(guid);
      return true;
    };
    if (check()) return;
    observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
})()`;

const nextEntry = (page: Page): Promise<string> => page.evaluate('window.__nextEntry()') as Promise<string>;

// A trace keeps a DOM snapshotter in the page, whose memory and time this spec would measure.
test.use({ trace: 'off' });

let host: RunningHost;
let worksetId: number;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  host = await startHost();
  worksetId = await syntheticWorkset(host, { entries: ENTRIES, db: 'synthetic' });
});

test.afterAll(async () => {
  await host?.stop();
});

test(`opening ${ENTRIES.toLocaleString('en')} entries one by one keeps the renderer's heap within ${HEAP_GROWTH_LIMIT / MB} MB`, async ({ page }) => {
  // 80 ms a step on two cores at load 8, 210 ms at load 25 (two BaseX calls each, in turn on
  // the window's session): room for the suite's run under a CPU hog.
  test.setTimeout(900_000);
  await openApp(page, host.url, `#workset=${worksetId}`);
  await expect(page.getByTestId('view-count')).toHaveText(`${ENTRIES.toLocaleString('en')} entries`);

  await page.evaluate(INSTALL_NEXT_ENTRY);
  await pressKey(page, 'ArrowRight');
  let guid = await nextEntry(page);
  const seen = new Set([guid]);
  let before = 0;

  const started = Date.now();
  while (seen.size < ENTRIES) {
    if (seen.size === WARM_UP) before = await usedHeapAfterGc(page);
    await page.keyboard.press('ArrowRight');
    guid = await nextEntry(page);
    expect(seen.has(guid), `${guid} opened twice`).toBe(false);
    seen.add(guid);
  }
  const took = Date.now() - started;
  const after = await usedHeapAfterGc(page);
  const growth = after - before;
  const line = `heap ${(before / MB).toFixed(2)} MB after ${WARM_UP} entries, ${(after / MB).toFixed(2)} MB after ${ENTRIES} (+${(growth / MB).toFixed(2)} MB); ${ENTRIES} entries in ${(took / 1000).toFixed(0)} s`;
  test.info().annotations.push({ type: 'heap', description: line });
  console.log(line);
  expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT);

  // That was the whole list.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'That was the last entry in this list.' })).toBeVisible();
  await expect(ui.entryPane(page)).toHaveAttribute('data-guid', guid);
});
