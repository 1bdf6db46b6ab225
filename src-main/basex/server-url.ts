import type { BaseXAddress } from './client-session.js';

/** The environment variable naming an existing (team) BaseX server instead of the embedded one. */
export const BASEX_URL_VARIABLE = 'BASEX_URL';

/** Parses `basex://user:password@host:port`; the port defaults to BaseX's 1984. */
export function parseBaseXUrl(text: string): BaseXAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`BaseX URL "${text}" is not a URL: expected basex://user:password@host:port`);
  }
  if (url.protocol !== 'basex:') throw new Error(`BaseX URL "${text}" must start with basex://`);
  if (!url.username) throw new Error(`BaseX URL "${text}" has no user name: expected basex://user:password@host:port`);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 1984,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** The URL of an address with its password left out, for status bars and logs. */
export function describeAddress(address: BaseXAddress): string {
  return `basex://${encodeURIComponent(address.user)}@${address.host}:${address.port}`;
}
