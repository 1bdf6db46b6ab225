import type { SecretCodec } from './saved-connections.js';

/** What the codec needs of Electron's `safeStorage` (index.ts passes it; only it imports electron). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export const KEYCHAIN_CODEC = 'electron-safe-storage';

/** Saved passwords sealed by the OS keychain, or undefined where it offers none (plain then, mode 0600). */
export function keychainSecrets(keychain: Keychain): SecretCodec | undefined {
  if (!keychain.isEncryptionAvailable()) return undefined;
  return {
    name: KEYCHAIN_CODEC,
    seal: (password) => keychain.encryptString(password).toString('base64'),
    open: (sealed) => keychain.decryptString(Buffer.from(sealed, 'base64')),
  };
}
