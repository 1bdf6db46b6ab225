import type { Command } from 'commander';
import { BaseXSession } from '../basex/client-session.js';
import { SavedConnections } from '../basex/saved-connections.js';
import { readPasswordFile } from '../basex/server-address.js';
import { describeAddress, parseBaseXUrl } from '../basex/server-url.js';
import { resolveDataFolder } from '../data-folder.js';
import type { GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { promptPassword } from './password-prompt.js';

/**
 * `connections save|list|forget`: the passwords of team servers kept in the data folder
 * (saved-connections.ts), so `--basex basex://user@host:port` needs no password on the line.
 */
export function addConnectionCommands(program: Command, globals: () => GlobalOptions): void {
  const connections = program.command('connections').description("team servers' passwords saved in the data folder (never shown)");

  connections
    .command('save')
    .description('check a password on a BaseX server and save it for that user and server')
    .argument('<url>', 'basex://user@host:port')
    .option('--json', 'print the outcome as JSON')
    .action(async (url: string, options: JsonOption) => {
      const { data, passwordFile } = globals();
      const named = parseBaseXUrl(url);
      const password = named.password || (passwordFile ? readPasswordFile(passwordFile) : await promptPassword(`Password of ${describeAddress(named)}: `));
      const address = { ...named, password };
      // Saved only once the server took it: a typo is not kept to fail later.
      const session = await BaseXSession.connect(address);
      await session.close();
      new SavedConnections(resolveDataFolder(data)).save(address);
      const server = describeAddress(address);
      report(options.json, { server, saved: true }, () => `saved the password of ${server}`);
    });

  connections
    .command('list')
    .description('the servers and users with a saved password')
    .option('--json', 'print them as JSON')
    .action((options: JsonOption) => {
      const listed = new SavedConnections(resolveDataFolder(globals().data)).list();
      report(options.json, { connections: listed }, () =>
        listed.length === 0 ? 'no saved connections' : listed.map((c) => `${c.server}  saved ${c.saved}${c.sealed ? ' (sealed by the OS keychain)' : ''}`).join('\n'),
      );
    });

  connections
    .command('forget')
    .description("forget a server's saved password")
    .argument('<url>', 'basex://user@host:port')
    .option('--json', 'print the outcome as JSON')
    .action((url: string, options: JsonOption) => {
      const address = parseBaseXUrl(url);
      const server = describeAddress(address);
      if (!new SavedConnections(resolveDataFolder(globals().data)).forget(address)) throw new Error(`no password is saved for ${server}`);
      report(options.json, { server, forgotten: true }, () => `forgot the password of ${server}`);
    });
}
