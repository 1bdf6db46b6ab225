import type { Status } from '../api/contract.js';
import { useRef, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { AssignDialog } from '../assign/AssignDialog.js';
import { BulkDialog } from '../bulk/BulkDialog.js';
import { UnfinishedBulk } from '../bulk/UnfinishedBulk.js';
import { EntryPane } from '../entry/EntryPane.js';
import { UndoControls } from '../undo/UndoControls.js';
import { useAppStatus, useWorkset } from '../hooks/use-data.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { namesOf, usePresence } from '../hooks/use-presence.js';
import { useWorksetRows, type RowsView } from '../hooks/use-workset-rows.js';
import { EmptyState } from '../ui/EmptyState.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { useEvent } from '../hooks/use-event.js';
import { useStoredFlag } from '../hooks/use-stored-flag.js';
import { EditQueryDialog, describeRerun } from '../worksets/EditQueryDialog.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { ColumnsDialog } from './ColumnsDialog.js';
import { SheetDialog } from '../sheets/SheetDialog.js';
import { useColumnChoice } from './column-choice.js';
import { sortableColumns } from './columns.js';
import { useCurationKeys } from './use-curation-keys.js';
import { useEntryCursor } from './use-entry-cursor.js';
import { useRowSelection } from './row-selection.js';
import { SelectionBar } from './SelectionBar.js';
import { useWorksetMenu } from './use-workset-menu.js';
import { ViewToolbar } from './ViewToolbar.js';
import { WorksetHeader } from './WorksetHeader.js';
import { WorksetTable, type TableHandle } from './WorksetTable.js';

const DEFAULT_VIEW: RowsView = { sort: { by: 'position', dir: 'asc' } };

/** One workset: its work list (virtual table), the open entry, keyboard curation and bulk edits. */
export function WorksetView({ worksetId, onBack }: { worksetId: number; onBack: (dictionary: string | null) => void }) {
  const workset = useWorkset(worksetId);
  const dictionary = workset.data?.dictionary ?? null;
  const actions = useWorksetActions();
  const [view, setView] = useState<RowsView>(DEFAULT_VIEW);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [editingQuery, setEditingQuery] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [choice, setChoice] = useColumnChoice(dictionary);
  const [rerun, setRerun] = useState<string | null>(null);
  const [moveOn, setMoveOn] = useStoredFlag('mark-and-move-on');
  const who = useAppStatus().data?.who ?? null;
  const [refreshing, setRefreshing] = useState(false);
  const [actionError, setActionError] = useState<ApiCallError | null>(null);
  const rows = useWorksetRows(worksetId, dictionary, view);
  const table = useRef<TableHandle | null>(null);
  const cursor = useEntryCursor(worksetId, view, rows, table);
  const selection = useRowSelection(worksetId);
  const openGuid = cursor.current?.guid;
  const present = usePresence(dictionary === null ? null : { dictionary, worksetId, guid: openGuid });
  const here = namesOf(present.filter((p) => p.worksetId === worksetId));
  const onEntry = namesOf(present.filter((p) => openGuid !== undefined && p.guid === openGuid));

  // Help › Keyboard Shortcuts in Electron's menu.
  useEvent('menu', ({ command }) => command === 'shortcuts' && setHelpOpen(true));

  const dialogOpen = bulkOpen || assignOpen || helpOpen || editingQuery || columnsOpen || sheetOpen;
  const markStatus = async (status: Status): Promise<void> => {
    if ((await cursor.setStatus(status)) && moveOn) await cursor.move('next');
  };
  useCurationKeys(
    {
      previous: () => void cursor.move('previous'),
      next: () => void cursor.move('next'),
      status: (status) => void markStatus(status),
      favourite: () => void cursor.toggleFavourite(),
      help: () => setHelpOpen(true),
    },
    workset.data !== undefined && !dialogOpen,
  );

  useWorksetMenu(
    {
      'previous-entry': () => void cursor.move('previous'),
      'next-entry': () => void cursor.move('next'),
      'mark-done': () => void markStatus('done'),
      'mark-review': () => void markStatus('review'),
      'mark-pending': () => void markStatus('pending'),
      favourite: () => void cursor.toggleFavourite(),
      'bulk-edit': () => setBulkOpen(true),
      spreadsheet: () => setSheetOpen(true),
      assign: () => setAssignOpen(true),
      'edit-query': () => setEditingQuery(true),
      'rerun-query': () => rerunQuery(),
      columns: () => setColumnsOpen(true),
      'open-in-new-window': () => void run('windows.open', () => actions.openInNewWindow(worksetId)),
    },
    workset.data !== undefined && !dialogOpen,
  );
  const rerunQuery = (): void => {
    setRefreshing(true);
    setRerun(null);
    void run('worksets.refresh', async () => setRerun(describeRerun(await actions.refresh(worksetId)))).finally(() => setRefreshing(false));
  };

  const run = async (what: 'worksets.refresh' | 'windows.open', work: () => Promise<unknown>): Promise<void> => {
    setActionError(null);
    try {
      await work();
    } catch (e) {
      setActionError(asApiCallError(what, e));
    }
  };

  if (!workset.data) {
    return (
      <main className="workset-view">
        {workset.error ? (
          <ErrorMessage what={`Could not open workset ${worksetId}:`} error={workset.error} onRetry={workset.refetch} />
        ) : (
          <Loading what="Opening the workset" />
        )}
        {workset.error && (
          <button type="button" className="button" onClick={() => onBack(null)}>
            Back to the dictionaries
          </button>
        )}
      </main>
    );
  }
  const ws = workset.data;
  return (
    <main className="workset-view" aria-label={`Workset ${ws.name}`}>
      <WorksetHeader
        workset={ws}
        refreshing={refreshing}
        onBack={() => onBack(ws.dictionary)}
        onBulk={() => setBulkOpen(true)}
        onSheet={() => setSheetOpen(true)}
        onAssign={() => setAssignOpen(true)}
        onOpenWindow={() => void run('windows.open', () => actions.openInNewWindow(ws.id))}
        onRefresh={rerunQuery}
        onEditQuery={() => setEditingQuery(true)}
      />
      {here && (
        <p className="presence small" data-testid="workset-presence">
          Also in this workset: {here}
        </p>
      )}
      <UnfinishedBulk worksetId={ws.id} />
      {actionError && <ErrorMessage what="That did not work:" error={actionError} />}
      {rerun && (
        <p className="notice small" role="status" data-testid="rerun-outcome">
          {rerun}
        </p>
      )}
      <div className="view-bar">
        <ViewToolbar view={view} onChange={setView} total={rows.total} loading={rows.loading} who={who} moveOn={moveOn} onMoveOn={setMoveOn} onHelp={() => setHelpOpen(true)} onColumns={() => setColumnsOpen(true)} />
        <SelectionBar count={selection.guids.size} onClear={selection.clear} />
        <UndoControls enabled={!bulkOpen} />
      </div>
      <div className="workset-split">
        <div className="list-pane">
          {rows.error && <ErrorMessage what="Could not load the entries:" error={rows.error} onRetry={rows.invalidate} />}
          {rows.total === null && !rows.error && <Loading what="Loading entries" />}
          {rows.total === 0 && <EmptyState title="No entries in this view">{view.status || view.favourite || view.assignedTo ? 'Clear the filter to see the others.' : 'The query matched nothing: re-run it after editing the dictionary.'}</EmptyState>}
          {rows.total !== null && rows.total > 0 && (
            <WorksetTable
              rows={rows}
              sort={view.sort}
              onSortChange={(sort) => setView({ ...view, sort })}
              openGuid={cursor.current?.guid ?? null}
              chosen={selection.guids}
              onPick={(slot, pick) => {
                if (!slot.row) return;
                if (pick === 'open') cursor.open(slot.row, slot.index);
                else if (pick === 'toggle') selection.toggle(slot.row.guid, slot.index);
                else void selection.extend(slot.index, rows.guidsBetween);
              }}
              handle={table}
              choice={choice}
            />
          )}
        </div>
        <div className="detail-pane">
          {cursor.error && <ErrorMessage what="That did not work:" error={cursor.error} />}
          {cursor.notice && (
            <p className="notice" role="status">
              {cursor.notice}
            </p>
          )}
          {cursor.current && onEntry && (
            <p className="presence" role="status" data-testid="entry-presence">
              {onEntry} {onEntry.includes(' and ') ? 'are' : 'is'} editing this entry
            </p>
          )}
          {cursor.current ? (
            <EntryPane
              dictionary={ws.dictionary}
              guid={cursor.current.guid}
              curation={{ entry: cursor.current, busy: cursor.busy, onStatus: (status) => void markStatus(status), onFavourite: () => void cursor.toggleFavourite(), onNotes: cursor.saveNotes }}
            />
          ) : (
            <EmptyState title="No entry open">
              Pick an entry in the list, or press <kbd>→</kbd> to open the first one.
            </EmptyState>
          )}
        </div>
      </div>
      {editingQuery && (
        <EditQueryDialog
          workset={ws}
          onClose={() => setEditingQuery(false)}
          onChanged={(result) => {
            setEditingQuery(false);
            setRerun(describeRerun(result));
          }}
        />
      )}
      {columnsOpen && (
        <ColumnsDialog
          dictionary={ws.dictionary}
          choice={choice}
          onClose={() => setColumnsOpen(false)}
          onChange={(next) => {
            setChoice(next);
            // A column that no longer sorts (or shows) gives the order back to the query's.
            const by = view.sort.by;
            if (by !== 'position' && (!sortableColumns(next).includes(by) || !next.shown.includes(by))) setView({ ...view, sort: DEFAULT_VIEW.sort });
          }}
        />
      )}
      {sheetOpen && <SheetDialog worksetId={ws.id} worksetName={ws.name} onClose={() => setSheetOpen(false)} />}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {assignOpen && <AssignDialog worksetId={ws.id} total={ws.counts.total} openGuid={cursor.current?.guid ?? null} onClose={() => setAssignOpen(false)} />}
      {bulkOpen && <BulkDialog worksetId={ws.id} worksetName={ws.name} dictionary={ws.dictionary} total={ws.counts.total} selected={[...selection.guids]} onClose={() => setBulkOpen(false)} />}
    </main>
  );
}
