import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The serious and critical violations on the page now, one line each (rule, and where). */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${v.help}${process.env.AXE_DETAIL ? ` ${node.failureSummary ?? ''}` : ''}`));
}
