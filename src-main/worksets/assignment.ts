import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { AssignScope } from '../domain/worksets.js';
import { querySchema } from '../ipc/contract/query.js';
import { matchKeys } from './query/run.js';
import type { Store } from './store/index.js';

/** The longest person's name an assignment takes (the app's own name setting has the same bound). */
const MAX_NAME = 200;

/** The people of an assignment: trimmed, NFC, each once, in the order given. */
export function assignees(names: readonly string[]): string[] {
  const people: string[] = [];
  for (const raw of names) {
    if (typeof raw !== 'string') throw new AppError('Invalid', 'a person to assign to must be a name');
    const name = raw.trim().normalize('NFC');
    if (name === '') throw new AppError('Invalid', 'a person to assign to has an empty name');
    if (name.length > MAX_NAME) throw new AppError('Invalid', `the name "${name.slice(0, 40)}…" is longer than ${MAX_NAME} characters`);
    if (!people.includes(name)) people.push(name);
  }
  return people;
}

/** The members (guids, in place order) an assignment's scope chooses from the copy `localId`. */
export async function chosenMembers(session: Queryable, store: Store, localId: number, dictionary: string, scope: AssignScope): Promise<string[]> {
  switch (scope.kind) {
    case 'all':
      return store.entries.guids(localId);
    case 'unassigned': {
      const count = scope.count ?? Number.MAX_SAFE_INTEGER;
      const from = scope.from ?? 0;
      if (!Number.isInteger(count) || count < 1) throw new AppError('Invalid', 'the number of entries to assign must be a whole number above 0');
      if (!Number.isInteger(from) || from < 0) throw new AppError('Invalid', 'the place to assign from must be a whole number, 0 or more');
      return store.entries.unassigned(localId, from, count);
    }
    case 'filter': {
      const parsed = querySchema.safeParse(scope.query);
      if (!parsed.success) throw new AppError('Invalid', `the filter is not a valid query: ${parsed.error.issues[0]?.message}`);
      const matching = new Set((await matchKeys(session, dictionary, parsed.data)).map((k) => k.guid));
      return store.entries.guids(localId).filter((guid) => matching.has(guid));
    }
    case 'guids': {
      const named = new Set(scope.guids);
      return store.entries.guids(localId).filter((guid) => named.has(guid));
    }
  }
}

/**
 * `members` split among `people` in runs of neighbours, as evenly as whole entries allow: the
 * first `members.length % people.length` people get one more.
 */
export function splitEvenly(members: readonly string[], people: readonly string[]): Map<string, string[]> {
  const shares = new Map<string, string[]>();
  const base = Math.floor(members.length / people.length);
  const extra = members.length % people.length;
  let next = 0;
  people.forEach((person, i) => {
    const size = base + (i < extra ? 1 : 0);
    shares.set(person, members.slice(next, next + size));
    next += size;
  });
  return shares;
}
