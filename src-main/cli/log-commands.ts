import type { Command } from 'commander';
import type { ChangeRecord } from '../domain/changes.js';
import { changesSince, entryHistory } from '../lift/change-log.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { parseCount } from './arguments.js';
import { withSession, type GlobalOptions } from './context.js';
import { report } from './output.js';

interface JsonOption {
  readonly json?: boolean;
}

/** `history` and `log`: what the dictionary's change log holds, for people or (--json) other tools. */
export function addLogCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('history')
    .description("an entry's changes, newest first: who, when, from where, what")
    .argument('<db>', 'dictionary database')
    .argument('<guid>', 'the entry')
    .option('--json', 'print the changes as JSON')
    .action(async (db: string, guid: string, options: JsonOption) => {
      const changes = await withSession(globals(), async ({ session }) => {
        await dictionaryInfo(session, db);
        return entryHistory(session, db, guid);
      });
      report(options.json, changes, () => (changes.length === 0 ? `no changes recorded for entry ${guid}` : changes.map(describe).join('\n')));
    });

  program
    .command('log')
    .description("the dictionary's changes, oldest first")
    .argument('<db>', 'dictionary database')
    .option('--since <seq>', 'only changes after this sequence number', parseCount, 0)
    .option('--limit <n>', 'at most this many changes', parseCount, 1000)
    .option('--json', 'print the changes as JSON')
    .action(async (db: string, options: JsonOption & { since: number; limit: number }) => {
      const changes = await withSession(globals(), async ({ session }) => {
        await dictionaryInfo(session, db);
        return changesSince(session, db, options.since, options.limit);
      });
      report(options.json, changes, () => (changes.length === 0 ? 'no changes' : changes.map(describe).join('\n')));
    });
}

/** One change on one line: `12  2026-12-03T10:00:00.000Z  Ann (window 3 on desk)  bulk 4  gloss en  GUID`. */
export function describe(change: ChangeRecord): string {
  const what = [change.op, change.bulk === null ? '' : String(change.bulk), change.field, change.lang || change.name].filter(Boolean).join(' ');
  return `${change.seq}\t${change.at}\t${change.who} (${change.window} on ${change.host})\t${what}\t${change.guid}`;
}
