import type { Command } from 'commander';
import type { Queryable } from '../basex/queryable.js';
import type { BulkOperation, BulkOutcome } from '../domain/bulk-operations.js';
import type { BulkService, BulkHooks } from '../worksets/bulk/bulk-service.js';
import { parseId, parseOp } from './arguments.js';
import type { GlobalOptions } from './context.js';
import { endProgress, progressLine, report } from './output.js';
import { withStore } from './with-store.js';

interface BulkOptions {
  readonly json?: boolean;
  readonly op?: string;
  readonly dryRun?: boolean;
  readonly guids?: string;
}

const BULK_HELP = `
  bulk ID --op JSON     apply the edit to every entry of workset ID
  bulk ID --op JSON --guids GUID,GUID
                        apply it to those entries of the workset only
  bulk ID --op JSON --dry-run
                        say how many entries it would change, and show the first, without writing any
  bulk pause OP_ID      pause a running operation after its current batch (in whichever process runs it)
  bulk resume OP_ID     finish a paused, interrupted or failed operation (any desktop's)
  bulk list [DB]        the operations on the dictionary server (of DB only, if given), newest first`;

/** `bulk`, `bulk pause`, `bulk resume` and `undo`: journalled edits of whole worksets. */
export function addBulkCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('bulk')
    .description('apply one edit to every entry of a workset (kept on the server: undo with `undo OP_ID`), pause / resume a run, or list them')
    .argument('<id|pause|resume|list>', 'workset id, or pause / resume / list')
    .argument('[op-id]', 'bulk operation id, after pause or resume; a dictionary, after list')
    .option('--op <json>', 'the edit, e.g. {"action":"set","field":"pos","value":"Noun"}')
    .option('--guids <list>', 'only these entries of the workset, comma-separated guids')
    .option('--dry-run', 'preview only: how many entries the edit would change, and the first of them; nothing is written')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', BULK_HELP)
    .action((first: string, opIdText: string | undefined, options: BulkOptions) =>
      withStore(globals(), async ({ session }, { bulk }) => {
        if (first === 'list') {
          if (options.op !== undefined) throw new Error('bulk list takes no --op');
          const operations = await bulk.list(session, { dictionary: opIdText });
          report(options.json, { operations }, () => operations.map(describe).join('\n') || (opIdText === undefined ? 'no bulk operations on this server' : `no bulk operations on ${opIdText}`));
          return;
        }
        if (first === 'pause' || first === 'resume') {
          if (opIdText === undefined) throw new Error(`bulk ${first} needs the bulk operation id: bulk ${first} OP_ID`);
          if (options.op !== undefined) throw new Error(`bulk ${first} takes no --op: the operation already has its edit`);
          const opId = parseId(opIdText);
          if (first === 'pause') await pause(bulk, session, opId, options.json);
          else reportOutcome(options.json, await bulk.resume(session, opId, hooks()));
          return;
        }
        if (opIdText !== undefined) throw new Error(`unexpected "${opIdText}": bulk ID --op JSON, bulk pause OP_ID or bulk resume OP_ID`);
        if (options.op === undefined) throw new Error('bulk ID needs the edit: --op JSON, e.g. {"action":"set","field":"pos","value":"Noun"}');
        const worksetId = parseId(first);
        const op = parseOp(options.op);
        const preview = await bulk.preview(session, worksetId, op, hooks(), parseGuids(options.guids));
        if (options.dryRun) {
          // The preview is dropped from the server's journal: a dry run leaves no operation to run.
          await bulk.cancel(session, preview.operation.id);
          endProgress();
          const { total } = preview.operation;
          const dry = { dryRun: true, total, changing: preview.changing, unchanged: total - preview.changing, rows: preview.rows };
          report(options.json, dry, () =>
            [
              `would change ${preview.changing} of ${total} entries (${total - preview.changing} unchanged); nothing was written`,
              ...preview.rows.map((row) => `${row.guid}\t${row.headword}\t${row.before.join(' · ')}\t→\t${row.after.join(' · ')}`),
            ].join('\n'),
          );
          return;
        }
        reportOutcome(options.json, await bulk.run(session, preview.operation.id, hooks()));
      }),
    );

  program
    .command('undo')
    .description('undo a bulk operation, restoring every entry it changed')
    .argument('<op-id>', 'bulk operation id', parseId)
    .option('--json', 'print the result as JSON')
    .action((opId: number, options: { json?: boolean }) =>
      withStore(globals(), async ({ session }, { bulk }) => {
        const outcome = await bulk.undo(session, opId, hooks('undo'));
        endProgress();
        report(options.json, outcome, () => `undid bulk operation ${opId}: ${outcome.skipped.length} entries left as they are`);
      }),
    );
}

/** Asks the run to pause and waits until its runner has finished the batch it was writing. */
async function pause(bulk: BulkService, session: Queryable, opId: number, json: boolean | undefined): Promise<void> {
  await bulk.pause(session, opId);
  const operation = await bulk.stopped(session, opId);
  if (operation.state !== 'paused') throw new Error(`bulk operation ${opId} is ${operation.state}: ${stoppedBefore(operation)}`);
  report(json, { operation }, () => `paused bulk operation ${opId}: ${written(operation)}; carry on with \`bulk resume ${opId}\``);
}

function stoppedBefore(operation: BulkOperation): string {
  if (operation.state === 'done') return `it finished before it could pause (${written(operation)})`;
  if (operation.state === 'interrupted') return `its run stopped before it could pause (${written(operation)}); \`bulk resume ${operation.id}\` finishes it`;
  return `it stopped before it could pause (${written(operation)})`;
}

function describe(operation: BulkOperation): string {
  const { op } = operation;
  const what = operation.merge
    ? `merge ${operation.merge.merged.join(' ')} into ${operation.merge.keep}`
    : [op.action, op.field, op.lang ?? op.name ?? ''].filter(Boolean).join(' ');
  return `${operation.id}\t${operation.dictionary}\t${operation.state}\t${what}\t${written(operation)}\t${operation.who}\t${operation.created}`;
}

function written(operation: BulkOperation): string {
  return `${operation.changed} of ${operation.total} changed, ${operation.skipped} skipped`;
}

function reportOutcome(json: boolean | undefined, outcome: BulkOutcome): void {
  endProgress();
  const { operation } = outcome;
  report(json, outcome, () =>
    operation.state === 'paused'
      ? `bulk operation ${operation.id} paused: ${written(operation)}; carry on with \`bulk resume ${operation.id}\``
      : `bulk operation ${operation.id}: ${operation.changed} changed, ${outcome.unchanged ?? 0} unchanged, ${operation.skipped - (outcome.unchanged ?? 0)} skipped`,
  );
}

/** `--guids a,b,c`: the chosen entries, or undefined for the whole workset. */
function parseGuids(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const guids = text.split(',').map((g) => g.trim()).filter((g) => g !== '');
  if (guids.length === 0) throw new Error('--guids needs at least one guid: --guids GUID,GUID');
  return guids;
}

function hooks(label?: string): BulkHooks {
  return { onProgress: (p) => progressLine(`${label ?? p.phase} ${p.done}/${p.total}`) };
}
