import type { Command } from 'commander';
import type { DuplicateGroup } from '../domain/duplicates.js';
import { previewLines } from '../worksets/duplicates/merge-plan.js';
import { parseId } from './arguments.js';
import type { GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';

/** `duplicates` (candidate duplicates, and "not duplicates") and `merge` (with its preview and undo). */
export function addDuplicateCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('duplicates')
    .description('candidate duplicate entries, best first, each with a score (0-1) and why; --not records entries that are not duplicates')
    .argument('<db>', 'dictionary database')
    .option('--not <guids...>', 'these entries are not duplicates of one another: never propose them together again')
    .option('--json', 'print the result as JSON')
    .action((db: string, options: JsonOption & { not?: string[] }) =>
      withStore(globals(), async ({ session }, { duplicates }) => {
        if (options.not) {
          const outcome = await duplicates.separate(session, db, options.not);
          report(options.json, outcome, () => `recorded: ${options.not?.join(', ') ?? ''} are not duplicates (${outcome.separated} pairs)`);
          return;
        }
        const found = await duplicates.find(session, db);
        report(options.json, found, () => (found.groups.length === 0 ? 'no candidate duplicates' : found.groups.map(groupLine).join('\n')));
      }),
    );

  program
    .command('merge')
    .description('merge entries into the one kept: senses combined, relations re-pointed, the others left as deleted entries; one operation, undone with `merge --undo OP_ID`')
    .argument('[db]', 'dictionary database')
    .argument('[keep]', 'the entry to keep')
    .argument('[merged...]', 'the entries to merge into it')
    .option('--choose <choices...>', 'FIELD=GUID: take this entry\'s value of a conflicting single value (lexeme:LANG, citation:LANG, trait:NAME); by default the kept entry\'s')
    .option('--dry-run', 'show what the merge would do, field by field; nothing is written')
    .option('--undo <op-id>', 'undo a merge: every entry it wrote goes back as it was', parseId)
    .option('--json', 'print the result as JSON')
    .action((db: string | undefined, keep: string | undefined, merged: string[], options: JsonOption & { choose?: string[]; dryRun?: boolean; undo?: number }) =>
      withStore(globals(), async ({ session }, { merges }) => {
        if (options.undo !== undefined) {
          if (db !== undefined) throw new Error('merge --undo OP_ID takes no dictionary or entries: the operation knows them');
          const outcome = await merges.undo(session, options.undo);
          report(options.json, outcome, () => `undid merge ${options.undo ?? ''}: ${outcome.operation.changed - outcome.skipped.length} entries put back, ${outcome.skipped.length} left as they are`);
          return;
        }
        if (db === undefined || keep === undefined || merged.length === 0) throw new Error('merge DB GUID_KEEP GUID… (or merge --undo OP_ID)');
        const request = { keep, merged, choices: options.choose ?? [] };
        if (options.dryRun) {
          const preview = await merges.preview(session, db, request);
          report(options.json, { dryRun: true, preview }, () => previewLines(preview).join('\n'));
          return;
        }
        const outcome = await merges.merge(session, db, request);
        report(options.json, outcome, () =>
          [...previewLines(outcome.preview), `merged: operation ${outcome.operationId} wrote ${outcome.touched.length} entries; undo with \`merge --undo ${outcome.operationId}\``].join('\n'),
        );
      }),
    );
}

function groupLine(group: DuplicateGroup): string {
  return `${group.score.toFixed(2)}\t${group.headwords.join(' / ')}\t${group.guids.join(' ')}\t${group.reasons.join('; ')}`;
}
