import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { RestoredWorkset } from '../domain/dictionaries.js';
import { STATUSES, type Status } from '../domain/statuses.js';
import { querySchema } from '../ipc/contract/query.js';
import type { ChangeMeta } from '../lift/change-log.js';
import { carriedAnnotations, type CarriedAnnotation } from '../lift/curation-annotations.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { createServerWorkset, type MovedMember } from '../lift/workset-documents.js';
import { foldKey } from './store/validate.js';

/** A workset as the annotations of a file describe it. */
interface CarriedWorkset {
  readonly name: string;
  query?: string;
  description: string;
  readonly members: Map<string, CarriedMember>;
}

interface CarriedMember {
  place: number;
  status: Status;
  favourite: boolean;
  notes: string;
  assignedTo: string | null;
  who: string;
  when: string | null;
}

/**
 * Makes worksets again of the curation a dictionary's entries carry (an export with curation,
 * imported): each with its query, its members in their places, and every member's status,
 * favourite, notes and assignment, stamped with who set them when, as annotated.
 *
 * The annotations stay in the dictionary: they are part of the file as imported (an export
 * without curation gives that file back), and an export with curation writes the worksets'
 * current curation in their place, so no file carries them twice. A name the dictionary already
 * has gets " (restored)" after it. Every workset is checked before any is made.
 */
export async function restoreCuration(session: Queryable, db: string, meta: ChangeMeta): Promise<RestoredWorkset[]> {
  await dictionaryInfo(session, db);
  const worksets = worksetsOf(await carriedAnnotations(session, db));
  const restored: RestoredWorkset[] = [];
  for (const workset of worksets) {
    const members: MovedMember[] = [...workset.members]
      .sort(([, a], [, b]) => a.place - b.place)
      .map(([guid, m]) => ({ guid, status: m.status, favourite: m.favourite, notes: m.notes, modified: m.when, assignedTo: m.assignedTo, by: m.who }));
    const made = await createUnderFreeName(session, db, workset, members, meta);
    restored.push({ id: made.id, name: made.name, total: members.length });
  }
  return restored;
}

async function createUnderFreeName(session: Queryable, db: string, workset: CarriedWorkset, members: MovedMember[], meta: ChangeMeta): Promise<{ id: number; name: string }> {
  const names = [workset.name, `${workset.name} (restored)`, ...Array.from({ length: 98 }, (_, i) => `${workset.name} (restored ${i + 2})`)];
  for (const name of names) {
    try {
      return await createServerWorkset(session, db, { name, nameKey: foldKey(name) ?? '', description: workset.description, query: workset.query ?? '', members }, meta);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'Conflict')) throw error;
    }
  }
  throw new AppError('Conflict', `dictionary ${db} already has worksets named "${workset.name}" and "${workset.name} (restored …)": rename some and restore again`);
}

/** The worksets the annotations describe, in the order they first appear; refuses any that cannot be made whole. */
function worksetsOf(annotations: readonly CarriedAnnotation[]): CarriedWorkset[] {
  const byName = new Map<string, CarriedWorkset>();
  // An entry is a member by its status annotation; the others only add to it.
  const statused = new Set<CarriedMember>();
  for (const a of annotations) {
    const workset = byName.get(a.workset) ?? { name: a.workset, description: '', members: new Map<string, CarriedMember>() };
    byName.set(a.workset, workset);
    const member = workset.members.get(a.guid) ?? { place: Number.MAX_SAFE_INTEGER, status: 'pending', favourite: false, notes: '', assignedTo: null, who: '', when: null };
    if (a.what === 'query') {
      workset.query = a.value;
      workset.description = a.text;
      continue;
    }
    workset.members.set(a.guid, member);
    if (a.what === 'status') {
      if (!(STATUSES as readonly string[]).includes(a.value)) throw invalid(a.workset, `an entry's status is "${a.value}", not one of ${STATUSES.join(', ')}`);
      member.status = a.value as Status;
      member.who = a.who;
      member.when = a.when === '' ? null : a.when;
      statused.add(member);
    } else if (a.what === 'place' && a.value.trim() !== '' && Number.isFinite(Number(a.value))) member.place = Number(a.value);
    else if (a.what === 'favourite') member.favourite = a.value === 'true';
    else if (a.what === 'assigned-to') member.assignedTo = a.value === '' ? null : a.value;
    else if (a.what === 'notes') member.notes = a.text;
    // Any other kind is one a later version writes: passed over.
  }
  const worksets = [...byName.values()];
  for (const workset of worksets) {
    for (const [guid, member] of [...workset.members]) if (!statused.has(member)) workset.members.delete(guid);
    if (workset.query === undefined) throw invalid(workset.name, 'its query is missing');
    const parsed = querySchema.safeParse(parseJson(workset.query));
    if (!parsed.success) throw invalid(workset.name, `its query is not valid: ${parsed.error.issues[0]?.message ?? 'not JSON'}`);
    workset.query = JSON.stringify(parsed.data);
  }
  return worksets.filter((w) => w.members.size > 0);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function invalid(workset: string, problem: string): AppError {
  return new AppError('Invalid', `the curation this dictionary carries for workset "${workset}" cannot be restored: ${problem}; nothing was restored`);
}
