import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/static-files.js';
import { isNavigationAllowed, isTrustedSender, WEB_PREFERENCES } from '../../src-main/window-security.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer/index.html');
const page = pathToFileURL(RENDERER).href;

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // index.ts spreads these into every BrowserWindow it creates.
    expect(readFileSync(join(ROOT, 'src-main/index.ts'), 'utf8')).toMatch(/webPreferences: \{ \.\.\.WEB_PREFERENCES, preload: PRELOAD \}/);
  });

  it('gives each data folder its own Chromium profile: userData is set at load, before ready', () => {
    // Electron honours app.setPath('userData') only before the ready event.
    const source = readFileSync(join(ROOT, 'src-main/index.ts'), 'utf8');
    const setPath = source.search(/^app\.setPath\('userData', dataFolder\);$/m);
    expect(setPath).toBeGreaterThan(-1);
    expect(setPath).toBeLessThan(source.indexOf('app.whenReady()'));
    expect(source).toMatch(/^const dataFolder = resolveDataFolder\(\);$/m);
  });

  it('lets a window move within its page but never navigate elsewhere', () => {
    expect(isNavigationAllowed(page, `${page}#workset=3`)).toBe(true);
    expect(isNavigationAllowed(`${page}#workset=3`, page)).toBe(true);
    for (const target of ['https://example.com/', 'file:///etc/passwd', `${page}.evil.html`, 'javascript:alert(1)', 'data:text/html,<script>x</script>', '']) {
      expect(isNavigationAllowed(page, target), target).toBe(false);
    }
  });

  it('trusts IPC only from our window showing our renderer file', () => {
    expect(isTrustedSender({ isOurWindow: true, frameUrl: page }, RENDERER)).toBe(true);
    expect(isTrustedSender({ isOurWindow: true, frameUrl: `${page}#workset=1` }, RENDERER)).toBe(true);
    expect(isTrustedSender({ isOurWindow: false, frameUrl: page }, RENDERER)).toBe(false);
    for (const frameUrl of [undefined, 'https://example.com/', 'file:///tmp/index.html', pathToFileURL(join(ROOT, 'out/renderer/other.html')).href, 'not a url']) {
      expect(isTrustedSender({ isOurWindow: true, frameUrl }, RENDERER), String(frameUrl)).toBe(false);
    }
  });

  it('ships a strict Content-Security-Policy in the page, the same the browser host sends', () => {
    const html = readFileSync(join(ROOT, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const policy of [meta, CONTENT_SECURITY_POLICY]) {
      expect(policy).toMatch(/default-src 'self'/);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(policy).toMatch(/base-uri 'none'/);
    }
  });
});
