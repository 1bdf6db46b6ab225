import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseXAddress } from './client-session.js';
import { describeAddress } from './server-url.js';

/**
 * Passwords of team BaseX servers saved in the data folder, so that none has to appear on a
 * command line (where `ps` shows it) or in a shell's history: `connections.json`, readable by its
 * owner only (mode 0600). In Electron a password is sealed with the OS keychain (`safeStorage`,
 * wired in index.ts); under Node it is kept as is, protected by the file's mode alone.
 */

/** Seals a password before it is written, and opens it again. */
export interface SecretCodec {
  /** Recorded with each password, so one sealed by another codec is refused, not misread. */
  readonly name: string;
  seal(password: string): string;
  open(sealed: string): string;
}

export const PLAIN_SECRETS: SecretCodec = { name: 'plain', seal: (password) => password, open: (sealed) => sealed };

export const CONNECTIONS_FILE = 'connections.json';

interface SavedConnection {
  readonly codec: string;
  readonly password: string;
  readonly saved: string;
}

/** A saved connection as listed: never its password. */
export interface ConnectionListing {
  readonly server: string;
  readonly saved: string;
  readonly sealed: boolean;
}

export class SavedConnections {
  private readonly file: string;

  constructor(
    private readonly dataFolder: string,
    private readonly codec: SecretCodec = PLAIN_SECRETS,
  ) {
    this.file = join(dataFolder, CONNECTIONS_FILE);
  }

  /** The saved password of the address's user on its server, if one was saved. */
  password(address: BaseXAddress): string | undefined {
    const saved = this.read()[describeAddress(address)];
    if (!saved) return undefined;
    if (saved.codec !== this.codec.name) {
      throw new Error(`the password saved for ${describeAddress(address)} was sealed by ${saved.codec}, which this program cannot open: save it again here`);
    }
    return this.codec.open(saved.password);
  }

  save(address: BaseXAddress): void {
    const all = this.read();
    all[describeAddress(address)] = { codec: this.codec.name, password: this.codec.seal(address.password), saved: new Date().toISOString() };
    this.write(all);
  }

  /** Forgets the address's saved password; false if there was none. */
  forget(address: BaseXAddress): boolean {
    const all = this.read();
    const key = describeAddress(address);
    if (!(key in all)) return false;
    delete all[key];
    this.write(all);
    return true;
  }

  list(): ConnectionListing[] {
    return Object.entries(this.read()).map(([server, saved]) => ({ server, saved: saved.saved, sealed: saved.codec !== PLAIN_SECRETS.name }));
  }

  private read(): Record<string, SavedConnection> {
    if (!existsSync(this.file)) return {};
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as { connections: Record<string, SavedConnection> }).connections;
    } catch {
      throw new Error(`${this.file} is not a file of saved connections: move it away and save the connections again`);
    }
  }

  /** Written whole to a file only its owner can read, then renamed over the old one. */
  private write(connections: Record<string, SavedConnection>): void {
    mkdirSync(this.dataFolder, { recursive: true, mode: 0o700 });
    const next = `${this.file}.${process.pid}.tmp`;
    writeFileSync(next, JSON.stringify({ connections }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(next, 0o600);
    renameSync(next, this.file);
  }
}
