import type { Command } from 'commander';
import type { AssignResult, AssignScope } from '../domain/worksets.js';
import { querySchema } from '../ipc/contract/query.js';
import { validateQuery } from '../worksets/query/validate.js';
import type { Queryable } from '../basex/queryable.js';
import { parseCount, parseId, parseJson } from './arguments.js';
import type { GlobalOptions } from './context.js';
import { report, type JsonOption } from './output.js';
import { withStore } from './with-store.js';

interface AssignOptions extends JsonOption {
  to?: string;
  unassign?: boolean;
  count?: number;
  from?: number;
  filter?: string;
}

/**
 * `worksets assign ID --to NAME[,NAME…]`: gives a workset's entries to people — all of them, the
 * next N not yet assigned (`--count`, from place `--from`), or those a query matches (`--filter`)
 * — split evenly when several are named. Assigning again reassigns; `--unassign` gives them back.
 */
export function addAssignCommand(worksets: Command, globals: () => GlobalOptions): void {
  worksets
    .command('assign')
    .description("assign a workset's entries to people: all, the next N unassigned, or those a filter matches; split evenly among several")
    .argument('<id>', 'workset id', parseId)
    .option('--to <names>', 'who: a name, or several separated by commas to split the entries evenly among them')
    .option('--unassign', 'give the chosen entries back to nobody')
    .option('--count <n>', 'only the next N entries nobody has yet (in the work list order)', parseCount)
    .option('--from <place>', 'with --count: start at this place of the work list (0-based)', parseCount)
    .option('--filter <json>', 'only the entries a query matches, e.g. {"field":"pos","op":"equals","value":"Noun"} or a whole query')
    .option('--json', 'print the result as JSON')
    .action((id: number, options: AssignOptions) =>
      withStore(globals(), async ({ session }, { worksets: service }) => {
        const to = people(options);
        const dictionary = await service.dictionaryOf(session, id);
        const scope = await scopeOf(session, dictionary, options);
        const result = await service.assign(session, id, { to, scope });
        report(options.json, { id, ...result }, () => describe(id, result));
      }),
    );
}

function people(options: AssignOptions): string[] {
  if (options.unassign && options.to !== undefined) throw new Error('give either --to or --unassign, not both');
  if (options.unassign) return [];
  if (options.to === undefined) throw new Error('say who to assign to with --to NAME (or --unassign)');
  const names = options.to.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Error('--to names nobody: give a name, or several separated by commas');
  return names;
}

async function scopeOf(session: Queryable, dictionary: string, options: AssignOptions): Promise<AssignScope> {
  if (options.filter !== undefined && (options.count !== undefined || options.from !== undefined)) throw new Error('give either --filter or --count/--from, not both');
  if (options.from !== undefined && options.count === undefined) throw new Error('--from needs --count: how many entries to assign from that place');
  if (options.count !== undefined) {
    if (options.count === 0) throw new Error('--count must be 1 or more');
    return { kind: 'unassigned', count: options.count, from: options.from };
  }
  if (options.filter === undefined) return { kind: 'all' };
  const given = parseJson(options.filter, '--filter');
  // One condition is the common case: a query of just it.
  const input = given !== null && typeof given === 'object' && 'field' in given ? { match: 'all', filters: [given] } : given;
  const validation = await validateQuery(session, dictionary, input);
  if (!validation.ok) throw new Error(`invalid --filter: ${validation.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
  return { kind: 'filter', query: querySchema.parse(input) };
}

function describe(id: number, result: AssignResult): string {
  if (result.total === 0) return `no entries of workset ${id} were chosen: nothing assigned`;
  return result.assigned.map((a) => `${a.count} ${a.count === 1 ? 'entry' : 'entries'} of workset ${id} assigned to ${a.who ?? 'nobody'}`).join('\n');
}
