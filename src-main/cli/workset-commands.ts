import { InvalidArgumentError, type Command } from 'commander';
import { fieldEditSchema, type FieldEdit } from '../ipc/contract/edit.js';
import { formatIssuePath, querySchema } from '../ipc/contract/query.js';
import { BulkService } from '../worksets/bulk/bulk-service.js';
import { EntryService } from '../worksets/entry-service.js';
import { validateQuery } from '../worksets/query/validate.js';
import { openStore, type Store } from '../worksets/store/index.js';
import { WorksetService } from '../worksets/workset-service.js';
import { withSession, type CommandContext, type GlobalOptions } from './context.js';
import { endProgress, progressLine, report } from './output.js';

interface JsonOption {
  readonly json?: boolean;
}

/** `worksets …`, `bulk` and `undo`: the workset engine from the command line. */
export function addWorksetCommands(program: Command, globals: () => GlobalOptions): void {
  const worksets = program.command('worksets').description('create, list, show and delete worksets');

  worksets
    .command('create')
    .description('create a workset from a query over a dictionary')
    .argument('<db>', 'dictionary database')
    .requiredOption('--name <name>', 'workset name')
    .requiredOption('--query <json>', 'the query JSON, e.g. {"match":"all","filters":[{"field":"pos","op":"equals","value":"Noun"}]}')
    .option('--description <text>', 'what the workset is for')
    .option('--json', 'print the result as JSON')
    .action((db: string, options: JsonOption & { name: string; query: string; description?: string }) =>
      withStore(globals(), async ({ session }, store) => {
        const input = parseJson(options.query, '--query');
        const validation = await validateQuery(session, db, input);
        if (!validation.ok) {
          const issues = validation.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
          throw new Error(`invalid query: ${issues.join('; ')}`);
        }
        const query = querySchema.parse(input);
        const created = await new WorksetService(store).create(session, { dictionary: db, name: options.name, description: options.description, query });
        report(options.json, created, () => `workset ${created.id} "${created.name}": ${created.total} entries`);
      }),
    );

  worksets
    .command('list')
    .description('list the worksets of a dictionary')
    .argument('<db>', 'dictionary database')
    .option('--json', 'print the list as JSON')
    .action((db: string, options: JsonOption) =>
      withStore(globals(), async (_, store) => {
        const list = new WorksetService(store).list(db);
        report(options.json, list, () =>
          list.length === 0 ? `no worksets in ${db}` : list.map((w) => `${w.id}\t${w.name}\t${w.counts.done}/${w.counts.total} done`).join('\n'),
        );
      }),
    );

  worksets
    .command('show')
    .description('show a page of a workset')
    .argument('<id>', 'workset id', parseId)
    .option('--offset <n>', 'first entry (0-based)', parseCount, 0)
    .option('--limit <n>', 'number of entries (at most 500)', parseCount, 50)
    .option('--json', 'print the page as JSON')
    .action((id: number, options: JsonOption & { offset: number; limit: number }) =>
      withStore(globals(), async ({ session }, store) => {
        const service = new WorksetService(store);
        const workset = service.get(id);
        const page = await service.page(session, id, { offset: options.offset, limit: options.limit });
        const result = { id, name: workset.name, total: page.total, entries: page.entries };
        report(options.json, result, () =>
          [`workset ${id} "${workset.name}": ${page.total} entries`, ...page.entries.map((e) => `${e.position}\t${e.status}\t${headwordOf(e.entry?.headword)}\t${e.guid}`)].join('\n'),
        );
      }),
    );

  worksets
    .command('delete')
    .description('delete a workset (the dictionary is not touched)')
    .argument('<id>', 'workset id', parseId)
    .option('--json', 'print the result as JSON')
    .action((id: number, options: JsonOption) =>
      withStore(globals(), async (_, store) => {
        const deleted = new WorksetService(store).delete(id);
        report(options.json, { id, deleted: true }, () => `deleted workset ${id} "${deleted.name}"`);
      }),
    );

  program
    .command('bulk')
    .description('apply one edit to every entry of a workset (journalled: undo with `undo OP_ID`)')
    .argument('<id>', 'workset id', parseId)
    .requiredOption('--op <json>', 'the edit, e.g. {"action":"set","field":"pos","value":"Noun"}')
    .option('--json', 'print the result as JSON')
    .action((id: number, options: JsonOption & { op: string }) =>
      withStore(globals(), async ({ session }, store) => {
        const op = parseOp(options.op);
        const bulk = new BulkService(store);
        const entries = new EntryService(store);
        const hooks = {
          onProgress: (p: { phase: string; done: number; total: number }) => progressLine(`${p.phase} ${p.done}/${p.total}`),
          onWritten: (dictionary: string, guids: string[]) => entries.updateSortKeys(session, dictionary, guids),
        };
        const preview = await bulk.preview(session, id, op, hooks);
        const outcome = await bulk.run(session, preview.operation.id, hooks);
        endProgress();
        report(options.json, outcome, () => `bulk operation ${outcome.operation.id}: ${outcome.operation.changed} changed, ${outcome.operation.skipped} skipped`);
      }),
    );

  program
    .command('undo')
    .description('undo a bulk operation, restoring every entry it changed')
    .argument('<op-id>', 'bulk operation id', parseId)
    .option('--json', 'print the result as JSON')
    .action((opId: number, options: JsonOption) =>
      withStore(globals(), async ({ session }, store) => {
        const entries = new EntryService(store);
        const outcome = await new BulkService(store).undo(session, opId, {
          onProgress: (p) => progressLine(`undo ${p.done}/${p.total}`),
          onWritten: (dictionary, guids) => entries.updateSortKeys(session, dictionary, guids),
        });
        endProgress();
        report(options.json, outcome, () => `undid bulk operation ${opId}: ${outcome.skipped.length} entries left as they are`);
      }),
    );
}

async function withStore(options: GlobalOptions, work: (context: CommandContext, store: Store) => Promise<void>): Promise<void> {
  await withSession(options, async (context) => {
    const store = openStore(context.dataFolder);
    try {
      store.bulk.markInterrupted();
      await work(context, store);
    } finally {
      store.close();
    }
  });
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${option} is not JSON: ${(error as Error).message}`);
  }
}

function parseOp(text: string): FieldEdit {
  const parsed = fieldEditSchema.safeParse(parseJson(text, '--op'));
  if (parsed.success) return parsed.data;
  throw new Error(`invalid op: ${parsed.error.issues.map((i) => `${formatIssuePath(i.path) || 'op'}: ${i.message}`).join('; ')}`);
}

function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new InvalidArgumentError(`"${text}" is not an id (a positive whole number)`);
  return id;
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`"${text}" is not a count (a whole number, 0 or more)`);
  return n;
}

function headwordOf(headword: Record<string, string> | undefined): string {
  return headword ? (Object.values(headword)[0] ?? '') : '(deleted)';
}
