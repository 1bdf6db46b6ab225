import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Selectors of the renderer that specs share: roles and labels first, data-testid where a role
 * would be ambiguous (table rows, the entry pane, status bar parts).
 */
export const ui = {
  row: (page: Page, headword: string): Locator => page.getByTestId('workset-row').filter({ has: page.locator('.cell-headword', { hasText: new RegExp(`^${headword}$`) }) }),
  entryPane: (page: Page): Locator => page.getByTestId('entry-pane'),
  headword: (page: Page): Locator => page.getByTestId('entry-pane').getByTestId('entry-headword').first(),
  progress: (page: Page): Locator => page.getByTestId('workset-progress'),
  statusSessions: (page: Page): Locator => page.getByTestId('status-sessions'),
  statusSession: (page: Page): Locator => page.getByTestId('status-session'),
};

/** Opens the app at `url` (optionally `#workset=ID`) and waits until the window's link is up. */
export async function openApp(page: Page, url: string, hash = ''): Promise<void> {
  await page.goto(`${url}${hash}`);
  await expect(page.getByTestId('status-connection')).toHaveAttribute('data-status', 'open');
}

/** Presses a curation key with the focus on no input (keys typed into a field are text, not commands). */
export async function pressKey(page: Page, key: string): Promise<void> {
  // A string, because the specs are compiled without the DOM library.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press(key);
}

/** The gloss cell of a row in the work list. */
export function glossOf(row: Locator): Locator {
  return row.locator('.cell-gloss');
}

/** A bulk edit as the dialog's form takes it; `lang: ''` is every writing system. */
export interface BulkForm {
  readonly action: 'set' | 'clear' | 'append' | 'prepend' | 'replace';
  readonly field: string;
  readonly lang?: string;
  readonly value?: string;
  readonly pattern?: string;
  readonly replacement?: string;
}

/** Opens the bulk edit dialog, fills it in and asks for the preview; returns the dialog. */
export async function previewBulkEdit(page: Page, form: BulkForm): Promise<Locator> {
  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk edit/ });
  await dialog.getByLabel('Action').selectOption(form.action);
  await dialog.getByLabel('Field').selectOption(form.field);
  if (form.lang !== undefined) await dialog.getByLabel('Writing system').selectOption(form.lang);
  if (form.value !== undefined) await dialog.getByLabel('Value').fill(form.value);
  if (form.pattern !== undefined) await dialog.getByLabel('Pattern').fill(form.pattern);
  if (form.replacement !== undefined) await dialog.getByLabel('Replacement').fill(form.replacement);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  return dialog;
}
