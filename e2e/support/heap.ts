import type { Page } from '@playwright/test';

/**
 * The page's JS heap in use after a full garbage collection, in bytes (CDP: what DevTools'
 * memory panel shows after "Collect garbage"). Collected twice: the first pass can leave
 * objects whose finalisers the second one frees.
 */
export async function usedHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

export const MB = 1024 * 1024;
