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
import { EntryExtras } from './EntryExtras.js';
import { EntryHeader } from './EntryHeader.js';
import { EntryNotes } from './EntryNotes.js';
import { describeField, editFor, type FieldRef } from './field-ref.js';
import { HistoryPanel } from './HistoryPanel.js';
import { entryLanguages } from './languages.js';
import { SenseView } from './SenseView.js';
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
  const doc = useMemo(() => {
    try {
      return detail.data ? parseEntry(detail.data.xml) : null;
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
  return (
    <section className="entry-pane" aria-label="Entry" data-testid="entry-pane" data-guid={guid} data-version={detail.data?.version}>
      {curation && <CurationBar entry={curation.entry} busy={curation.busy} onStatus={curation.onStatus} onFavourite={curation.onFavourite} />}
      {detail.error && <ErrorMessage what="Could not open the entry:" error={detail.error} onRetry={detail.refetch} />}
      {!detail.data && detail.loading && <Loading what="Opening the entry" />}
      {detail.data && !doc && <ErrorMessage what="Could not show the entry:" error={new Error('its XML could not be read; export the dictionary to inspect it')} />}
      {detail.data && doc && (
        <div className="entry-body">
          <EntryHeader doc={doc} vernacular={langs.vernacular} version={detail.data.version} onSave={saveField} />
          {doc.senses.length === 0 && <p className="muted">This entry has no senses.</p>}
          <ol className="senses">
            {doc.senses.map((sense, i) => (
              <SenseView
                key={sense.id ?? i}
                sense={sense}
                index={i}
                langs={langs.analysis}
                offered={langs.offered}
                version={detail.data?.version ?? ''}
                partsOfSpeech={vocabulary.data?.partsOfSpeech.map((p) => p.id) ?? []}
                onSave={saveField}
              />
            ))}
          </ol>
          <EntryNotes doc={doc} langs={[...langs.analysis, ...langs.offered].slice(0, 1)} version={detail.data.version} onSave={saveField} />
          <EntryExtras doc={doc} />
          <p className="muted small dates">
            Created {formatDateTime(doc.dateCreated)} · Modified {formatDateTime(doc.dateModified)}
          </p>
        </div>
      )}
      <HistoryPanel key={`history-${guid}`} dictionary={dictionary} guid={guid} />
      {curation && <WorksetNotes key={guid} guid={guid} notes={curation.entry.notes} onSave={curation.onNotes} />}
      {conflict && <ConflictDialog field={conflict.field} mine={conflict.mine} current={conflict.current} busy={resolving} error={resolveError} onKeepMine={() => void keepMine()} onTakeCurrent={takeCurrent} />}
    </section>
  );
}
