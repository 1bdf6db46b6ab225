import { readFileSync } from 'node:fs';
import type { BaseXAddress } from './client-session.js';
import { PLAIN_SECRETS, SavedConnections, type SecretCodec } from './saved-connections.js';
import { describeAddress, parseBaseXUrl } from './server-url.js';

/** Where the password of a team server's URL may come from besides the URL itself. */
export interface CredentialSources {
  readonly dataFolder: string;
  /** A file holding the password (its first line), `-` for standard input. */
  readonly passwordFile?: string;
  /** A password typed when asked (cli/password-prompt.ts). */
  readonly password?: string;
  readonly secrets?: SecretCodec;
}

/**
 * The address of `basex://user[:password]@host[:port]`: the password written in the URL (still
 * accepted, though `ps` shows it), else the password file's, else one typed when asked, else the
 * one saved for that user and server in the data folder (saved-connections.ts). None of them:
 * an error saying how.
 */
export function resolveServerAddress(url: string, sources: CredentialSources): BaseXAddress {
  const address = parseBaseXUrl(url);
  const password = passwordFrom(address, sources);
  if (password !== undefined) return { ...address, password };
  const server = describeAddress(address);
  throw new Error(`no password for ${server}: save one with "workset-browser connections save ${server}", or give --password-file FILE`);
}

/** Whether `url` has a password from somewhere, so nobody needs to be asked for one (a password file is not read here). */
export function hasPassword(url: string, sources: CredentialSources): boolean {
  const address = parseBaseXUrl(url);
  if (address.password || sources.passwordFile || sources.password) return true;
  return new SavedConnections(sources.dataFolder, sources.secrets ?? PLAIN_SECRETS).password(address) !== undefined;
}

function passwordFrom(address: BaseXAddress, sources: CredentialSources): string | undefined {
  if (address.password) return address.password;
  if (sources.passwordFile) return readPasswordFile(sources.passwordFile);
  if (sources.password) return sources.password;
  return new SavedConnections(sources.dataFolder, sources.secrets ?? PLAIN_SECRETS).password(address);
}

/** The first line of a password file (`-`: standard input), without its line end. */
export function readPasswordFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new Error(`cannot read the password file ${file}: ${reason}`);
  }
  const password = text.split(/\r?\n/)[0];
  if (!password) throw new Error(`the password file ${file} is empty: its first line is the password`);
  return password;
}
