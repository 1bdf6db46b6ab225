import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { ChangeAuthor } from '../domain/changes.js';

/**
 * This process as the change log names it: the person given (--user), else the name set in the
 * app for this data folder (`saved`), else $WORKSET_BROWSER_USER, else the OS user; its pid and
 * host name.
 */
export function changeAuthor(who?: string, env: NodeJS.ProcessEnv = process.env, saved?: string): ChangeAuthor {
  const named = who?.trim() || saved?.trim() || env.WORKSET_BROWSER_USER?.trim();
  return { who: named || osUser(), process: process.pid, host: hostname(), instance: randomUUID() };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No entry in the password database (some containers): the name the shell gives, if any.
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
