/**
 * `workset-browser`: the command line. Exit 0 on success, 1 with one line on stderr when the
 * work fails, 2 for a usage error. Its commands and their --json output are a fixed interface.
 */
import { Command, CommanderError } from 'commander';
import { addBenchCommand } from './cli/bench-command.js';
import { addBulkCommands } from './cli/bulk-commands.js';
import { addCheckCommand } from './cli/check-command.js';
import { addConnectionCommands } from './cli/connection-commands.js';
import { addCollationCommand } from './cli/collation-command.js';
import { addDictionaryCommands } from './cli/dictionary-commands.js';
import { addDuplicateCommands } from './cli/duplicate-commands.js';
import { addLogCommands } from './cli/log-commands.js';
import { addServeCommand } from './cli/serve-command.js';
import { addTeamCommands } from './cli/team-commands.js';
import { addWorksetCommands } from './cli/workset-commands.js';
import type { GlobalOptions } from './cli/context.js';
import { BaseXError } from './basex/errors.js';
import { refusalInWords } from './lift/server-refusal.js';
import { createAppShutdown } from './shutdown-app.js';
import { logToStderr, onQuitSignals, tolerateClosedTerminal, type Shutdown } from './shutdown.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const program = new Command('workset-browser')
  .description('Curate LIFT dictionaries in BaseX through saved worksets.')
  .option('--data <dir>', 'data folder (default: $WORKSET_BROWSER_DATA, else the user data folder)')
  .option('--basex <url>', 'use an existing BaseX server: basex://user@host:port (default: $BASEX_URL)')
  .option('--password-file <file>', "the --basex server's password, the file's first line ('-': standard input); else the saved connection's")
  .option('--user <name>', 'your name, as the change log records it (default: $WORKSET_BROWSER_USER, else the OS user)')
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.trim().replace(/^error: /, 'workset-browser: ') + '\n') });

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
// A signal to any command but `serve` (which quits its own way) releases this process's BaseX
// leases before it exits, so a command that started the embedded server never leaves it running.
let quitting: Shutdown | undefined;
program.hook('preAction', (_, command) => {
  if (command.name() === 'serve') return;
  tolerateClosedTerminal();
  quitting = createAppShutdown({ started: Promise.resolve(undefined), exit: (code) => process.exit(code), log: logToStderr });
  onQuitSignals(quitting);
});
addDictionaryCommands(program, globals);
addCollationCommand(program, globals);
addWorksetCommands(program, globals);
addBulkCommands(program, globals);
addLogCommands(program, globals);
addCheckCommand(program, globals);
addDuplicateCommands(program, globals);
addServeCommand(program, globals);
addBenchCommand(program, globals);
addConnectionCommands(program, globals);
addTeamCommands(program, globals);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const usage = error.code !== 'commander.helpDisplayed' && error.code !== 'commander.version';
    process.exit(usage ? EXIT_USAGE : 0);
  }
  // Failed because a signal is releasing BaseX under it: let the release finish; it exits.
  if (quitting?.reason) await quitting.begin('quit');
  const message = error instanceof BaseXError ? refusalInWords(error).message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`workset-browser: ${message}\n`);
  process.exit(EXIT_FAILURE);
}
