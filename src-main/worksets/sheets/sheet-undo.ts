import type { Queryable } from '../../basex/queryable.js';
import { AppError } from '../../domain/app-error.js';
import type { SheetUndoResult } from '../../domain/sheets.js';
import type { Status } from '../../domain/statuses.js';
import { changeRecord } from '../../lift/change-log.js';
import type { Curation } from '../../lift/workset-documents.js';
import type { WorksetServices } from '../workset-services.js';

/**
 * Undoes a spreadsheet import as a whole: its change-log records (what the import answered),
 * newest first. An entry's change is reverted as any change is (three-way, byte for byte when
 * nothing changed since); a curation goes back to its value before, unless someone set it
 * again since. A record someone changed the same part of since is listed, not forced.
 */
export async function undoSheetImport(session: Queryable, services: Pick<WorksetServices, 'worksets' | 'entries'>, dictionary: string, records: readonly number[], window = 'cli'): Promise<SheetUndoResult> {
  const reverted: number[] = [];
  const guids = new Set<string>();
  const conflicts: { seq: number; message: string }[] = [];
  for (const seq of [...records].sort((a, b) => b - a)) {
    const record = await changeRecord(session, dictionary, seq);
    if (!record) throw new AppError('NotFound', `${dictionary} has no change ${seq} in its log`);
    try {
      if (record.op === 'curate') await revertCuration(session, services, record.workset, record.guid, record.field, record.was[0] ?? '', record.now[0] ?? '', window);
      else await services.entries.revert(session, dictionary, seq, { window });
      reverted.push(seq);
      guids.add(record.guid);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'Conflict') throw error;
      conflicts.push({ seq, message: error.message });
    }
  }
  return { reverted, guids: [...guids], conflicts };
}

async function revertCuration(session: Queryable, services: Pick<WorksetServices, 'worksets'>, workset: number | undefined, guid: string, field: string, was: string, now: string, window: string): Promise<void> {
  if (workset === undefined) throw new AppError('Invalid', `a curation record without its workset cannot be undone`);
  const entry = await services.worksets.member(session, workset, guid);
  if (!entry) throw new AppError('Conflict', `entry ${guid} is no longer in workset ${workset}`);
  const current = field === 'status' ? entry.status : field === 'favourite' ? (entry.favourite ? '1' : '0') : entry.notes;
  if (current !== now) throw new AppError('Conflict', `the ${field} of entry ${guid} was set again since the import`);
  const curation: Curation = field === 'status' ? { status: was as Status } : field === 'favourite' ? { favourite: was === '1' } : { notes: was };
  await services.worksets.curateRecorded(session, workset, guid, curation, window);
}
