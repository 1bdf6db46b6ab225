import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { ChangeAuthor, ChangeRecord } from '../domain/changes.js';
import type { FieldEdit } from '../domain/edits.js';
import type { EntryConflict, EntryDetail, NewEntry, RelationTarget, SavedEntry } from '../domain/entries.js';
import { changeRecord, entryHistory } from '../lift/change-log.js';
import { createEntry } from '../lift/entry-create.js';
import { relationTargets } from '../lift/relation-targets.js';
import { revertChange } from '../lift/revert.js';
import { entryViews } from '../lift/entry-view.js';
import { applyEdit, readEntries } from '../lift/entry-xml.js';
import { checkEdit } from './check-edit.js';
import { checkPartPlace, checkRelationTarget } from './check-part-edit.js';
import { changesSinceVersion, sameField, type SinceVersion } from './field-merge.js';
import type { Store } from './store/index.js';
import { updateSortKeys } from './sort-keys.js';

/**
 * One entry: read it, and edit one field of it with optimistic concurrency. The caller sends
 * the version it saw; a change since in another field merges, one in the same field is refused
 * with a Conflict carrying the current entry and that change — never a silent overwrite.
 */
export class EntryService {
  constructor(
    private readonly store: Store,
    private readonly author: ChangeAuthor,
  ) {}

  async get(session: Queryable, dictionary: string, guid: string): Promise<EntryDetail> {
    const detail = await readDetail(session, dictionary, guid);
    if (!detail) throw new AppError('NotFound', `entry ${guid} is not in ${dictionary} (deleted or never there)`);
    return detail;
  }

  /**
   * Saves one field against the version the user started from. If the entry changed since, but
   * only in other fields (as the change log tells), the edit applies to the entry as it is now;
   * a change to the same field is a Conflict naming it, with the current entry and that change.
   * `window` is where the edit came from, for the change log (`cli` for the command line).
   */
  async edit(session: Queryable, dictionary: string, guid: string, version: string, edit: FieldEdit, window = 'cli'): Promise<SavedEntry> {
    await checkEdit(session, edit);
    await checkRelationTarget(session, dictionary, guid, edit);
    const change = { author: this.author, window, op: 'edit' as const };
    let base = version;
    for (let merges = 0; ; merges++) {
      const [outcome] = await applyEdit(session, dictionary, edit, [{ guid, version: base }], change);
      if (outcome.state === 'missing') throw new AppError('NotFound', `entry ${guid} was deleted from ${dictionary}`);
      if (outcome.state !== 'changed') {
        if (outcome.state === 'applied') await updateSortKeys(this.store, session, dictionary, [guid]);
        else await checkPartPlace(session, dictionary, guid, edit);
        return savedEntry(session, dictionary, guid, outcome.seq);
      }
      const since = await changesSinceVersion(session, dictionary, guid, version, edit);
      // Changed again between the look at the log and the save: look again, a few times.
      if (since.kind === 'other-fields' && outcome.version && merges < MAX_MERGES) {
        base = outcome.version;
        continue;
      }
      const conflict: EntryConflict = { ...(await this.get(session, dictionary, guid)), ...(since.kind === 'same-field' ? { change: since.change } : {}) };
      throw new AppError('Conflict', conflictMessage(since), conflict);
    }
  }

  /**
   * Reverts change `seq` of the dictionary's log (an undo or redo, or "revert this change"):
   * what it changed goes back, what others changed since in other parts of the entry stays. A
   * part changed both by it and since is a Conflict naming the later change, unless `force`.
   */
  async revert(session: Queryable, dictionary: string, seq: number, options: { force?: boolean; window?: string } = {}): Promise<SavedEntry> {
    const record = await changeRecord(session, dictionary, seq);
    if (!record) throw new AppError('NotFound', `${dictionary} has no change ${seq} in its log`);
    if (record.guid === '') throw new AppError('Invalid', `change ${seq} replaced the whole dictionary (an ${record.op}): bring back what was there with “dictionaries restore”`);
    const change = { author: this.author, window: options.window ?? 'cli', op: 'revert' as const, field: record.field, lang: record.lang, name: record.name, reverts: seq };
    const outcome = await revertChange(session, dictionary, record, change, options.force ?? false);
    if (outcome.state === 'missing') throw new AppError('NotFound', `entry ${record.guid} was deleted from ${dictionary}`);
    if (outcome.state === 'compacted') throw new AppError('Invalid', `change ${seq} cannot be reverted: the log was compacted and no longer holds the entry as it was then`);
    if (outcome.state === 'replaced') throw new AppError('Invalid', `change ${seq} was made before ${dictionary} was replaced (change ${outcome.seq}): it cannot be reverted in the dictionary there now`);
    if (outcome.state === 'conflict') {
      const later = (await entryHistory(session, dictionary, record.guid)).filter((c) => c.seq > seq);
      const clash = later.find((c) => !c.field || sameField(c, { field: record.field, lang: record.lang, name: record.name })) ?? later[0];
      const conflict: EntryConflict = { ...(await this.get(session, dictionary, record.guid)), ...(clash ? { change: clash } : {}) };
      const by = clash ? `${clash.who} changed it again (change ${clash.seq})` : 'it was changed again';
      throw new AppError('Conflict', `change ${seq} cannot be reverted alone: ${by}`, conflict);
    }
    if (outcome.state === 'applied') await updateSortKeys(this.store, session, dictionary, [record.guid]);
    return savedEntry(session, dictionary, record.guid, outcome.seq);
  }

  /**
   * Adds an entry: its headword (trimmed, NFC) in a writing system and, if given, a first sense
   * with its gloss. One change in the log, undone like any other (which leaves a tombstone).
   */
  async create(session: Queryable, dictionary: string, entry: NewEntry, window = 'cli'): Promise<SavedEntry> {
    const headword = entry.headword.trim().normalize('NFC');
    if (headword === '') throw new AppError('Invalid', 'a new entry needs a headword');
    const gloss = entry.gloss && entry.gloss.text.trim() !== '' ? { lang: entry.gloss.lang, text: entry.gloss.text.trim().normalize('NFC') } : undefined;
    const created = await createEntry(session, dictionary, { lang: entry.lang, headword, gloss }, { author: this.author, window, op: 'edit' });
    await updateSortKeys(this.store, session, dictionary, [created.guid]);
    return savedEntry(session, dictionary, created.guid, created.seq);
  }

  /** What relations' refs point at, for showing each by its headword; refs that point nowhere are left out. */
  targets(session: Queryable, dictionary: string, refs: readonly string[]): Promise<RelationTarget[]> {
    return relationTargets(session, dictionary, refs);
  }

  /** The entry's changes, newest first. */
  history(session: Queryable, dictionary: string, guid: string): Promise<ChangeRecord[]> {
    return entryHistory(session, dictionary, guid);
  }
}

/** Saves retried on a newer version before giving up with a Conflict (each found other fields changed). */
const MAX_MERGES = 5;

function conflictMessage(since: SinceVersion): string {
  if (since.kind !== 'same-field') return 'this entry was changed elsewhere since you opened it: keep your version or take the current one';
  const by = since.change.op === 'undo' ? `an undo by ${since.change.who}` : since.change.who;
  return `${by} changed this field since you opened the entry: keep your version or take theirs`;
}

/** The entry as a save left it, with the save's record; a tombstone when the save deleted it. */
async function savedEntry(session: Queryable, dictionary: string, guid: string, seq: number | undefined): Promise<SavedEntry> {
  const change = seq ? { change: seq } : {};
  const detail = await readDetail(session, dictionary, guid);
  if (detail) return { ...detail, ...change };
  const view = { guid, id: '', headword: {}, pos: [], glosses: {}, definitions: {}, senses: 0 };
  return { view, xml: '', version: '', deleted: true, ...change };
}

async function readDetail(session: Queryable, dictionary: string, guid: string): Promise<EntryDetail | undefined> {
  const [xml] = await readEntries(session, dictionary, [guid]);
  if (!xml) return undefined;
  const [view] = await entryViews(session, dictionary, [guid]);
  return view ? { view, xml: xml.xml, version: xml.version } : undefined;
}
