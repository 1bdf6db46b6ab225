import { hasPassword } from '../basex/server-address.js';
import { useServer } from '../basex/server-launcher.js';
import { BASEX_URL_VARIABLE, describeAddress, parseBaseXUrl } from '../basex/server-url.js';
import { BaseXSession } from '../basex/client-session.js';
import { resolveDataFolder } from '../data-folder.js';
import { promptPassword } from './password-prompt.js';

/** Options every command accepts. */
export interface GlobalOptions {
  /** Data folder (default: $WORKSET_BROWSER_DATA, else the platform's user data folder). */
  readonly data?: string;
  /** An existing BaseX server, `basex://user@host:port` (default: $BASEX_URL, else embedded); its password from server-address.ts. */
  readonly basex?: string;
  /** A file holding the --basex server's password (its first line; `-`: standard input), when the URL has none. */
  readonly passwordFile?: string;
  /** The name the change log records for this command's writes (default: $WORKSET_BROWSER_USER, else the OS user). */
  readonly user?: string;
}

export interface CommandContext {
  readonly dataFolder: string;
  readonly session: BaseXSession;
}

/**
 * Runs one command with a BaseX session: the embedded server of the data folder (started if
 * the app is not running) or the server named by --basex. Everything is released afterwards.
 */
export async function withSession<T>(options: GlobalOptions, work: (context: CommandContext) => Promise<T>): Promise<T> {
  const dataFolder = resolveDataFolder(options.data);
  const lease = await useServer({ dataFolder, basexUrl: options.basex, passwordFile: options.passwordFile, password: await askedPassword(options, dataFolder) });
  try {
    const session = await BaseXSession.connect(lease.address, { timeoutMs: 30 * 60_000 });
    try {
      return await work({ dataFolder, session });
    } finally {
      await session.close();
    }
  } finally {
    await lease.release();
  }
}

/**
 * The password of the --basex (or $BASEX_URL) server, asked on the terminal when nothing else
 * gives one and a person is there to type it; undefined otherwise (the resolution then says how).
 */
export async function askedPassword(options: GlobalOptions, dataFolder: string): Promise<string | undefined> {
  const url = options.basex ?? process.env[BASEX_URL_VARIABLE];
  if (!url || !process.stdin.isTTY || hasPassword(url, { dataFolder, passwordFile: options.passwordFile })) return undefined;
  return promptPassword(`Password of ${describeAddress(parseBaseXUrl(url))}: `);
}
