import type { Command } from 'commander';
import type { Queryable } from '../basex/queryable.js';
import type { WorksetQuery } from '../domain/query-model.js';
import { STATUSES, type Status } from '../domain/statuses.js';
import { querySchema } from '../ipc/contract/query.js';
import { validateQuery } from '../worksets/query/validate.js';
import { parseCount, parseId, parseJson } from './arguments.js';
import type { GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';
import { addAssignCommand } from './assign-command.js';
import { addSheetCommands } from './sheet-commands.js';

/** `worksets …`: creating, listing, paging and deleting worksets from the command line. */
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
      withStore(globals(), async ({ session }, { worksets }) => {
        const query = await checkedQuery(session, db, options.query);
        const created = await worksets.create(session, { dictionary: db, name: options.name, description: options.description, query });
        report(options.json, created, () => `workset ${created.id} "${created.name}": ${created.total} entries`);
      }),
    );

  worksets
    .command('list')
    .description('list the worksets of a dictionary')
    .argument('<db>', 'dictionary database')
    .option('--json', 'print the list as JSON')
    .action((db: string, options: JsonOption) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const list = await worksets.list(session, db);
        report(options.json, list, () =>
          list.length === 0
            ? `no worksets in ${db}`
            : list.flatMap((w) => [
                `${w.id}\t${w.name}\t${w.counts.done}/${w.counts.total} done`,
                ...w.people.map((p) => `\t${p.who ?? 'nobody'}\t${p.counts.done}/${p.counts.total} done`),
              ]).join('\n'),
        );
      }),
    );

  worksets
    .command('show')
    .description('show a page of a workset')
    .argument('<id>', 'workset id', parseId)
    .option('--offset <n>', 'first entry (0-based)', parseCount, 0)
    .option('--limit <n>', 'number of entries (at most 500)', parseCount, 50)
    .option('--assigned-to <name>', "only the entries assigned to this person (\"nobody\" for the ones nobody has)")
    .option('--json', 'print the page as JSON')
    .action((id: number, options: JsonOption & { offset: number; limit: number; assignedTo?: string }) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const service = worksets;
        const workset = await service.get(session, id);
        const assignedTo = options.assignedTo === undefined ? undefined : options.assignedTo.trim().normalize('NFC') === 'nobody' ? null : options.assignedTo.trim().normalize('NFC');
        const page = await service.page(session, id, { offset: options.offset, limit: options.limit, assignedTo });
        const result = { id, name: workset.name, total: page.total, entries: page.entries };
        const whose = assignedTo === undefined ? '' : ` assigned to ${assignedTo ?? 'nobody'}`;
        report(options.json, result, () =>
          [`workset ${id} "${workset.name}": ${page.total} entries${whose}`, ...page.entries.map((e) => `${e.position}\t${e.status}\t${headwordOf(e.entry?.headword)}\t${e.guid}${e.assignedTo ? `\t${e.assignedTo}` : ''}`)].join('\n'),
        );
      }),
    );

  worksets
    .command('status')
    .description("set an entry's status in a workset (pending, done, review)")
    .argument('<id>', 'workset id', parseId)
    .argument('<guid>', 'the entry')
    .argument('<status>', STATUSES.join(', '))
    .option('--json', 'print the entry as JSON')
    .action((id: number, guid: string, status: string, options: JsonOption) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const entry = await worksets.setStatus(session, id, guid, status as Status);
        report(options.json, entry, () => `${headwordOf(entry.entry?.headword)} (${guid}) is ${entry.status} in workset ${id}`);
      }),
    );

  worksets
    .command('edit')
    .description('give a workset a new query and re-run it (entries that still match keep their status and notes)')
    .argument('<id>', 'workset id', parseId)
    .requiredOption('--query <json>', 'the new query JSON')
    .option('--json', 'print the result as JSON')
    .action((id: number, options: JsonOption & { query: string }) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const query = await checkedQuery(session, await worksets.dictionaryOf(session, id), options.query);
        const counts = await worksets.setQuery(session, id, query);
        report(options.json, { id, ...counts }, () => `workset ${id}: ${counts.total} entries (${counts.added} added, ${counts.removed} no longer match)`);
      }),
    );

  worksets
    .command('duplicate')
    .description('copy a workset with its query and work list (statuses, favourites, notes, assignment)')
    .argument('<id>', 'workset id', parseId)
    .requiredOption('--name <name>', 'name of the copy')
    .option('--json', 'print the result as JSON')
    .action((id: number, options: JsonOption & { name: string }) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const made = await worksets.duplicate(session, id, options.name);
        report(options.json, made, () => `workset ${made.id} "${made.name}": ${made.total} entries, copied from workset ${id}`);
      }),
    );

  addAssignCommand(worksets, globals);
  addSheetCommands(worksets, globals);

  worksets
    .command('delete')
    .description('delete a workset (the dictionary is not touched)')
    .argument('<id>', 'workset id', parseId)
    .option('--json', 'print the result as JSON')
    .action((id: number, options: JsonOption) =>
      withStore(globals(), async ({ session }, { worksets }) => {
        const deleted = await worksets.delete(session, id);
        report(options.json, { id, deleted: true }, () => `deleted workset ${id} "${deleted.name}"`);
      }),
    );
}

/** The query JSON of `--query`, checked against the dictionary it will run on. */
async function checkedQuery(session: Queryable, db: string, json: string): Promise<WorksetQuery> {
  const input = parseJson(json, '--query');
  const validation = await validateQuery(session, db, input);
  if (!validation.ok) {
    const issues = validation.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    throw new Error(`invalid query: ${issues.join('; ')}`);
  }
  return querySchema.parse(input);
}

function headwordOf(headword: Record<string, string> | undefined): string {
  return headword ? (Object.values(headword)[0] ?? '') : '(deleted)';
}
