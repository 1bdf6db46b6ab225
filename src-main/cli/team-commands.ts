import type { Command } from 'commander';
import { addTeamUser, generatePassword, teamUsers, type MemberRight } from '../basex/team-users.js';
import { withSession, type GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';

interface AddUserOptions extends JsonOption {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly password?: string;
}

/** `team add-user` and `team users`: a team's accounts on its BaseX server, without BaseX commands. */
export function addTeamCommands(program: Command, globals: () => GlobalOptions): void {
  const team = program.command('team').description("the accounts of a team's BaseX server (run as its admin)");

  team
    .command('add-user')
    .description('create an account that may read (browse, search) or write (also edit, curate, bulk) every dictionary')
    .argument('<name>', 'the user name')
    .option('--read', 'read rights only')
    .option('--write', 'read and write rights')
    .option('--password <password>', 'its password (default: a generated one, printed once)')
    .option('--json', 'print the outcome as JSON')
    .action(async (name: string, options: AddUserOptions) => {
      if (options.read === options.write) throw new Error('say which rights the account gets: --read or --write');
      const right: MemberRight = options.write ? 'write' : 'read';
      const generated = options.password === undefined ? generatePassword() : undefined;
      await withSession(globals(), ({ session }) => addTeamUser(session, name, right, options.password ?? generated ?? ''));
      report(options.json, { user: name, right, ...(generated ? { password: generated } : {}) }, () =>
        `added ${name} with ${right} rights${generated ? `; password (shown only now): ${generated}` : ''}`,
      );
    });

  team
    .command('users')
    .description("the server's accounts and their rights")
    .option('--json', 'print them as JSON')
    .action(async (options: JsonOption) => {
      const users = await withSession(globals(), ({ session }) => teamUsers(session));
      report(options.json, { users }, () => users.map((u) => `${u.name}\t${u.right}`).join('\n'));
    });
}
