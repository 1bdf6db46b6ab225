import { fileURLToPath } from 'node:url';

/**
 * The security rules of an app window, as plain data and pure functions so they are tested
 * without Electron (index.ts applies them): an isolated, sandboxed renderer without Node, that
 * shows our page only and whose IPC is trusted only from that page.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** A window may reload its own page or move within it (hash), never go anywhere else. */
export function isNavigationAllowed(currentUrl: string, targetUrl: string): boolean {
  return withoutHash(currentUrl) !== '' && withoutHash(currentUrl) === withoutHash(targetUrl);
}

/** IPC is answered only for a window we opened, from its top frame, showing our renderer file. */
export function isTrustedSender(sender: { readonly isOurWindow: boolean; readonly frameUrl: string | undefined }, rendererFile: string): boolean {
  if (!sender.isOurWindow || !sender.frameUrl) return false;
  try {
    const url = new URL(sender.frameUrl);
    return url.protocol === 'file:' && fileURLToPath(url) === rendererFile;
  } catch {
    return false;
  }
}

function withoutHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return '';
  }
}
