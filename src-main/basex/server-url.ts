import type { BaseXAddress } from './client-session.js';

/** The environment variable naming an existing (team) BaseX server instead of the embedded one. */
export const BASEX_URL_VARIABLE = 'BASEX_URL';

/** Parses `basex://user[:password]@host:port`; the port defaults to BaseX's 1984. */
export function parseBaseXUrl(text: string): BaseXAddress {
  // An error names the URL as given, but never its password.
  const shown = withoutPassword(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`BaseX URL "${shown}" is not a URL: expected basex://user@host:port`);
  }
  if (url.protocol !== 'basex:') throw new Error(`BaseX URL "${shown}" must start with basex://`);
  if (!url.username) throw new Error(`BaseX URL "${shown}" has no user name: expected basex://user@host:port`);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 1984,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** `text` with whatever stands between `user:` and `@` masked. */
function withoutPassword(text: string): string {
  return text.replace(/^([a-z]+:\/\/[^/:@]*):[^@/]*@/i, '$1:***@');
}

/** The URL of an address with its password left out, for status bars and logs. */
export function describeAddress(address: BaseXAddress): string {
  return `basex://${encodeURIComponent(address.user)}@${address.host}:${address.port}`;
}
