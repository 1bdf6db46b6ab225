import { useMemo, useState } from 'react';
import type { EntryConflict, Status, WorksetEntry } from '../api/contract.js';
import { useVocabulary, useEntry } from '../hooks/use-data.js';
import { useEntryEdit } from '../hooks/use-entry-edit.js';
import { useUndoStack } from '../undo/use-undo.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/Loading.js';
import { ConflictDialog } from './ConflictDialog.js';
import { CurationBar } from './CurationBar.js';
import { parseEntry } from './entry-document.js';
import { EntryFields } from './EntryFields.js';
import { FontsButton } from '../settings/FontsButton.js';
import { EntryHeader } from './EntryHeader.js';
import { EntryNotes } from './EntryNotes.js';
import { FormPartsView } from './FormPartsView.js';
import type { PartChange } from './part-change.js';
import { RelationsView } from './RelationsView.js';
import { describeField, editFor, type FieldRef } from './field-ref.js';
import { HistoryPanel } from './HistoryPanel.js';
import { entryLanguages } from './languages.js';
import { SenseView } from './SenseView.js';
import type { ShapeChange } from './shape-edit.js';
import { useShapeEdit } from './use-shape-edit.js';
import { ConfirmDialog } from '../worksets/ConfirmDialog.js';
import { WorksetNotes } from './WorksetNotes.js';

/** The entry's curation in the workset it was opened from. */
export interface EntryCuration {
  readonly entry: WorksetEntry;
  readonly busy: boolean;
  readonly onStatus: (status: Status) => void;
  readonly onFavourite: () => void;
  readonly onNotes: (notes: string) => Promise<unknown>;
}

interface Props {
  readonly dictionary: string;
  readonly guid: string;
  /** Absent for an entry opened from a quick search: no workset, so no status or workset notes. */
  readonly curation?: EntryCuration;
}

type Conflict = { readonly field: FieldRef; readonly mine: string; readonly current: EntryConflict };

/** The open entry: its curation in the workset (when opened from one), and the whole LIFT entry with inline edits. */
export function EntryPane({ dictionary, guid, curation }: Props) {
  const detail = useEntry(dictionary, guid);
  const vocabulary = useVocabulary(dictionary);
  const { save, accept } = useEntryEdit(dictionary, guid);
  const undo = useUndoStack();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [resolving, setResolving] = useState(false);
  const [resolveError, setResolveError] = useState<Error | null>(null);
  const [deleting, setDeleting] = useState(false);
  const headword = detail.data ? (Object.values(detail.data.view.headword)[0] ?? '') : '';
  const shape = useShapeEdit(dictionary, guid, headword);
  const gone = detail.data?.deleted === true || detail.error?.code === 'NotFound';
  const doc = useMemo(() => {
    try {
      return detail.data && !detail.data.deleted ? parseEntry(detail.data.xml) : null;
    } catch {
      return null;
    }
  }, [detail.data]);

  const saveField = async (field: FieldRef, value: string, startedFrom: string): Promise<void> => {
    const outcome = await save(editFor(field, value), startedFrom);
    if ('conflict' in outcome) setConflict({ field, mine: value, current: outcome.conflict });
    else if (outcome.saved.change !== undefined) {
      const headword = Object.values(outcome.saved.view.headword)[0];
      undo.record({ dictionary, guid, seq: outcome.saved.change, label: headword ? `${describeField(field)} of ‘${headword}’` : describeField(field) });
    }
  };
  const keepMine = async (): Promise<void> => {
    if (!conflict) return;
    setResolving(true);
    setResolveError(null);
    try {
      // Against the version we were just shown: if it moved again, we ask again.
      await saveField(conflict.field, conflict.mine, conflict.current.version);
      setConflict((c) => (c === conflict ? null : c));
    } catch (error) {
      setResolveError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setResolving(false);
    }
  };
  const takeCurrent = (): void => {
    if (conflict) accept(conflict.current);
    setConflict(null);
  };

  const langs = doc ? entryLanguages(doc, vocabulary.data) : { vernacular: [], analysis: [], offered: [] };
  const version = detail.data?.version ?? '';
  const onShape: ShapeChange = (edit, label) => shape.change(edit, label, version);
  const onPart: PartChange = (edit, label, from) => shape.change(edit, label, from ?? version);
  const writingSystems = vocabulary.data?.writingSystems ?? langs.vernacular;
  return (
    <section className="entry-pane" aria-label="Entry" data-testid="entry-pane" data-guid={guid} data-version={detail.data?.version}>
      {curation && <CurationBar entry={curation.entry} busy={curation.busy} onStatus={curation.onStatus} onFavourite={curation.onFavourite} />}
      {gone && (
        <p className="notice" role="status" data-testid="entry-deleted">
          This entry was deleted (FLEx keeps its tombstone). Undo brings it back.
        </p>
      )}
      {detail.error && !gone && <ErrorMessage what="Could not open the entry:" error={detail.error} onRetry={detail.refetch} />}
      {shape.notice && (
        <p className="notice" role="status" data-testid="shape-notice">
          {shape.notice}
        </p>
      )}
      {shape.error && <ErrorMessage what="That was not done:" error={shape.error} />}
      {!detail.data && detail.loading && <Loading what="Opening the entry" />}
      {detail.data && !gone && !doc && <ErrorMessage what="Could not show the entry:" error={new Error('its XML could not be read; export the dictionary to inspect it')} />}
      {detail.data && doc && (
        <div className="entry-body">
          <EntryHeader doc={doc} vernacular={langs.vernacular} version={detail.data.version} onSave={saveField} />
          <FormPartsView kind="pronunciation" parts={doc.pronunciations} langs={writingSystems} version={version} onChange={onPart} />
          <FormPartsView kind="variant" parts={doc.variants} langs={writingSystems} version={version} onChange={onPart} />
          <EntryFields doc={doc} vocabulary={vocabulary.data} vernacular={langs.vernacular} analysis={[...langs.analysis, ...langs.offered]} version={detail.data.version} onSave={saveField} onShape={onShape} />
          {doc.senses.length === 0 && <p className="muted">This entry has no senses.</p>}
          <ol className="senses">
            {doc.senses.map((sense, i) => (
              <SenseView
                key={sense.id ?? i}
                sense={sense}
                index={i}
                count={doc.senses.length}
                vernacular={langs.vernacular}
                langs={langs.analysis}
                offered={langs.offered}
                version={detail.data?.version ?? ''}
                vocabulary={vocabulary.data}
                onSave={saveField}
                onShape={onShape}
              />
            ))}
          </ol>
          <p className="entry-actions">
            <button type="button" className="button" onClick={() => void onShape({ action: 'add', field: 'sense' }, 'add a sense')}>
              Add sense
            </button>
            <button type="button" className="button danger-text" onClick={() => setDeleting(true)}>
              Delete entry…
            </button>
            <FontsButton dictionary={dictionary} writingSystems={vocabulary.data?.writingSystems ?? langs.vernacular} />
          </p>
          <RelationsView dictionary={dictionary} guid={guid} xml={detail.data.xml} senseCount={doc.senses.length} types={vocabulary.data?.relationTypes ?? []} onChange={onPart} />
          <EntryNotes doc={doc} langs={[...langs.analysis, ...langs.offered].slice(0, 2)} noteTypes={vocabulary.data?.noteTypes ?? []} version={detail.data.version} onSave={saveField} />
          <p className="muted small dates">
            Created {formatDateTime(doc.dateCreated)} · Modified {formatDateTime(doc.dateModified)}
          </p>
        </div>
      )}
      <HistoryPanel key={`history-${guid}`} dictionary={dictionary} guid={guid} />
      {curation && <WorksetNotes key={guid} guid={guid} notes={curation.entry.notes} onSave={curation.onNotes} />}
      {deleting && (
        <ConfirmDialog title={`Delete ‘${headword || guid}’?`} confirm="Delete entry" onClose={() => setDeleting(false)} onConfirm={() => onShape({ action: 'delete', field: 'entry' }, 'delete the entry')}>
          <p>The entry leaves the dictionary; its tombstone (dateDeleted) stays, as FLEx expects. Undo (Ctrl+Z) brings it back.</p>
        </ConfirmDialog>
      )}
      {conflict && <ConflictDialog field={conflict.field} mine={conflict.mine} current={conflict.current} busy={resolving} error={resolveError} onKeepMine={() => void keepMine()} onTakeCurrent={takeCurrent} />}
    </section>
  );
}
