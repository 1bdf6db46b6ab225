import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the embedded server keeps its home, data, password and state inside the data folder. */
export interface ServerFiles {
  /** BaseX home (`org.basex.path`): its .basex configuration and logs. */
  readonly home: string;
  readonly dbPath: string;
  /** The admin password, readable by its owner only (0600). */
  readonly passwordFile: string;
  /** Port and pid of the running server, for the next process to reuse. */
  readonly stateFile: string;
  /** One file per process using the server; the last to leave stops it. */
  readonly leasesDir: string;
  readonly lockFile: string;
  readonly logFile: string;
}

export function serverFiles(dataFolder: string): ServerFiles {
  const home = join(dataFolder, 'basex');
  return {
    home,
    dbPath: join(home, 'data'),
    passwordFile: join(home, 'admin-password'),
    stateFile: join(home, 'server.json'),
    leasesDir: join(home, 'users'),
    lockFile: join(home, 'launcher.lock'),
    logFile: join(home, 'server.log'),
  };
}

/**
 * The admin password, created on first use. BaseX's users.xml is written with its hashes
 * before the server first starts, so the server never runs with admin/admin, not even briefly.
 */
export function ensureAdminPassword(files: ServerFiles): string {
  mkdirSync(files.dbPath, { recursive: true, mode: 0o700 });
  const usersXml = join(files.dbPath, 'users.xml');
  if (existsSync(files.passwordFile) && existsSync(usersXml)) {
    chmodSync(files.passwordFile, 0o600);
    return readFileSync(files.passwordFile, 'utf8').trim();
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(files.passwordFile, password + '\n', { mode: 0o600 });
  chmodSync(files.passwordFile, 0o600);
  writeFileSync(usersXml, usersXmlFor('admin', password), { mode: 0o600 });
  return password;
}

/** users.xml as BaseX 9 writes it: a digest hash (for logins) and a salted SHA-256 one. */
function usersXmlFor(user: string, password: string): string {
  const digest = createHash('md5').update(`${user}:BaseX:${password}`).digest('hex');
  const salt = String(randomBytes(6).readUIntBE(0, 6));
  const sha = createHash('sha256').update(salt + password).digest('hex');
  return `<users>
  <user name="${user}" permission="admin">
    <password algorithm="digest">
      <hash>${digest}</hash>
    </password>
    <password algorithm="salted-sha256">
      <salt>${salt}</salt>
      <hash>${sha}</hash>
    </password>
  </user>
</users>
`;
}
