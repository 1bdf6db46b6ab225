import type { Command } from 'commander';
import { AppError } from '../domain/app-error.js';
import type { ChangeRecord } from '../domain/changes.js';
import { changesSince, compactLog, entryHistory, lastChange } from '../lift/change-log.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { parseCount, parseDate } from './arguments.js';
import { withSession, type GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';

/** How often `watch` asks the log for new records. */
const WATCH_INTERVAL_MS = 250;

/**
 * `history`, `log` and `watch`: what the dictionary's change log holds, for people or (--json)
 * other tools; `revert`: undo one recorded change.
 */
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

  const log = program
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

  log
    .command('compact')
    .description('drop the pre-images of changes before a date, keeping who, when and what (they can no longer be reverted)')
    .argument('<db>', 'dictionary database')
    .requiredOption('--before <date>', 'a date (YYYY-MM-DD) or time (ISO 8601)', parseDate)
    .option('--json', 'print the outcome as JSON')
    .action(async (db: string, options: { before: Date }, command: Command) => {
      const { json } = command.optsWithGlobals<JsonOption>();
      const compacted = await withSession(globals(), async ({ session }) => {
        await dictionaryInfo(session, db);
        return compactLog(session, db, options.before);
      });
      report(json, { compacted, before: options.before.toISOString() }, () => `${db}: dropped the pre-images of ${compacted} changes before ${options.before.toISOString()}`);
    });

  program
    .command('watch')
    .description('print each change as it lands, from any process or desktop, until interrupted')
    .argument('<db>', 'dictionary database')
    .option('--since <seq>', 'start after this sequence number (default: the last one now)', parseCount)
    .option('--json', 'print one JSON line per change')
    .action(async (db: string, options: JsonOption & { since?: number }) => {
      await withSession(globals(), async ({ session }) => {
        await dictionaryInfo(session, db);
        let last = options.since ?? (await lastChange(session, db));
        // Ends when a signal releases the session (the CLI's quit handling exits then).
        for (;;) {
          const changes = await changesSince(session, db, last);
          for (const change of changes) process.stdout.write(`${options.json ? JSON.stringify(change) : describe(change)}\n`);
          last = changes.at(-1)?.seq ?? last;
          if (changes.length === 0) await new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS));
        }
      });
    });

  program
    .command('revert')
    .description('undo one recorded change: what it changed goes back, later changes elsewhere in the entry stay')
    .argument('<db>', 'dictionary database')
    .argument('<seq>', "the change's sequence number (see history, log)", parseCount)
    .option('--force', 'also put back parts changed again since (otherwise that is refused)')
    .option('--json', 'print the outcome as JSON')
    .action((db: string, seq: number, options: JsonOption & { force?: boolean }) =>
      withStore(globals(), async ({ session }, { entries }) => {
        await dictionaryInfo(session, db);
        const saved = await entries.revert(session, db, seq, { force: options.force }).catch((error: unknown) => {
          throw error instanceof AppError && error.code === 'Conflict' ? new Error(`${error.message} (--force reverts it anyway)`) : error;
        });
        const outcome = { reverted: seq, seq: saved.change ?? null, guid: saved.view.guid, version: saved.version };
        report(options.json, outcome, () =>
          saved.change === undefined ? `change ${seq}: entry ${saved.view.guid} is already as it was before it` : `reverted change ${seq} of entry ${saved.view.guid} (change ${saved.change})`);
      }),
    );
}

/** One change on one line: `12  2026-12-03T10:00:00.000Z  Ann (window 3 on desk)  bulk 4  gloss en  GUID`. */
export function describe(change: ChangeRecord): string {
  const what = [change.op, change.bulk === null ? '' : String(change.bulk), change.field, change.lang || change.name].filter(Boolean).join(' ');
  return `${change.seq}\t${change.at}\t${change.who} (${change.window} on ${change.host})\t${what}\t${change.guid}`;
}
