import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYCHAIN_CODEC, keychainSecrets } from '../../src-main/basex/keychain-secrets.js';
import { CONNECTIONS_FILE, SavedConnections } from '../../src-main/basex/saved-connections.js';
import { hasPassword, readPasswordFile, resolveServerAddress } from '../../src-main/basex/server-address.js';

const ANA = { host: 'team.example', port: 1984, user: 'ana', password: 's3cret words' };
const folders: string[] = [];
const folder = (): string => {
  const made = mkdtempSync(join(tmpdir(), 'wb-connections-'));
  folders.push(made);
  return made;
};
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

/** A keychain that seals by reversing and base64: enough to tell sealed from plain. */
const fakeKeychain = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from([...text].reverse().join('')),
  decryptString: (sealed: Buffer) => [...sealed.toString()].reverse().join(''),
});

describe('saved connections', () => {
  it('keep a password per user and server in a file only its owner can read, and never list it', () => {
    const data = folder();
    const saved = new SavedConnections(data);
    saved.save(ANA);
    expect(statSync(join(data, CONNECTIONS_FILE)).mode & 0o777).toBe(0o600);
    expect(saved.password(ANA)).toBe(ANA.password);
    expect(saved.password({ ...ANA, user: 'ben' })).toBeUndefined();
    expect(saved.password({ ...ANA, port: 1985 })).toBeUndefined();
    expect(JSON.stringify(saved.list())).not.toContain(ANA.password);
    expect(saved.list()).toEqual([{ server: 'basex://ana@team.example:1984', saved: expect.any(String), sealed: false }]);
    expect(saved.forget(ANA)).toBe(true);
    expect(saved.forget(ANA)).toBe(false);
    expect(saved.password(ANA)).toBeUndefined();
  });

  it('seal passwords with the keychain where there is one, and refuse one sealed by another', () => {
    const data = folder();
    const secrets = keychainSecrets(fakeKeychain(true));
    expect(secrets?.name).toBe(KEYCHAIN_CODEC);
    new SavedConnections(data, secrets).save(ANA);
    expect(readFileSync(join(data, CONNECTIONS_FILE), 'utf8')).not.toContain(ANA.password);
    expect(new SavedConnections(data, secrets).password(ANA)).toBe(ANA.password);
    expect(new SavedConnections(data, secrets).list()[0].sealed).toBe(true);
    expect(() => new SavedConnections(data).password(ANA)).toThrow(/sealed by electron-safe-storage, which this program cannot open: save it again here/);
    expect(keychainSecrets(fakeKeychain(false))).toBeUndefined();
  });

  it('say what to do with a file that is not theirs', () => {
    const data = folder();
    writeFileSync(join(data, CONNECTIONS_FILE), 'not json');
    expect(() => new SavedConnections(data).password(ANA)).toThrow(/is not a file of saved connections: move it away/);
  });
});

describe("a team server's password", () => {
  it('comes from the URL, else the password file, else the saved connection', () => {
    const data = folder();
    new SavedConnections(data).save(ANA);
    const file = join(data, 'pw');
    writeFileSync(file, 'from the file\nignored line\n');
    expect(resolveServerAddress('basex://ana:inline@team.example', { dataFolder: data, passwordFile: file }).password).toBe('inline');
    expect(resolveServerAddress('basex://ana@team.example', { dataFolder: data, passwordFile: file }).password).toBe('from the file');
    expect(resolveServerAddress('basex://ana@team.example:1984', { dataFolder: data })).toEqual(ANA);
 
    // Asking whether there is one does not read the file: standard input (`-`) is read once, by the resolution.
    expect(hasPassword('basex://ben@team.example', { dataFolder: data, passwordFile: join(data, 'not read') })).toBe(true);
    expect(hasPassword('basex://ben@team.example', { dataFolder: data })).toBe(false);
    expect(hasPassword('basex://ana@team.example', { dataFolder: data })).toBe(true);
  });

  it('missing, says how to give one', () => {
    expect(() => resolveServerAddress('basex://ben@team.example:1984', { dataFolder: folder() })).toThrow(
      'no password for basex://ben@team.example:1984: save one with "workset-browser connections save basex://ben@team.example:1984", or give --password-file FILE',
    );
  });

  it('from a file that is missing or empty, names the file and the problem', () => {
    const data = folder();
    expect(() => readPasswordFile(join(data, 'nope'))).toThrow(`cannot read the password file ${join(data, 'nope')}: there is no such file`);
    writeFileSync(join(data, 'empty'), '\n');
    expect(() => readPasswordFile(join(data, 'empty'))).toThrow(/is empty: its first line is the password/);
    writeFileSync(join(data, 'crlf'), 'pw\r\n');
    expect(readPasswordFile(join(data, 'crlf'))).toBe('pw');
  });
});
