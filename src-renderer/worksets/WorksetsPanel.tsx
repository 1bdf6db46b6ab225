import { useState } from 'react';
import type { WorksetSummary } from '../api/contract.js';
import { useWorksets } from '../hooks/use-data.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { namesOf, usePresence } from '../hooks/use-presence.js';
import { EmptyState } from '../ui/EmptyState.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { NameDialog } from './NameDialog.js';
import { NewWorksetDialog } from './NewWorksetDialog.js';
import { WorksetListRow } from './WorksetListRow.js';

type Pending = { kind: 'rename' | 'duplicate' | 'delete'; workset: WorksetSummary } | null;

interface Props {
  readonly dictionary: string;
  readonly onOpen: (id: number) => void;
  readonly onCleanUp: () => void;
  /** The dictionary's candidate duplicates. */
  readonly onOpenDuplicates: () => void;
  /** Set when the menu asked for a new workset. */
  readonly creating: boolean;
  readonly onCreatingChange: (creating: boolean) => void;
}

/** The worksets of one dictionary, with their progress, and what can be done with them. */
export function WorksetsPanel({ dictionary, onOpen, onCleanUp, onOpenDuplicates, creating, onCreatingChange }: Props) {
  const worksets = useWorksets(dictionary);
  const actions = useWorksetActions();
  const present = usePresence({ dictionary });
  const [pending, setPending] = useState<Pending>(null);
  const [openError, setOpenError] = useState<Error | null>(null);
  const openWindow = (id: number): void => {
    setOpenError(null);
    actions.openInNewWindow(id).catch((error: Error) => setOpenError(error));
  };
  return (
    <section className="content" aria-label={`Worksets of ${dictionary}`}>
      <div className="panel-header">
        <h2>
          Worksets <span className="muted">in {dictionary}</span>
        </h2>
        <div className="panel-actions">
          <button type="button" className="button" onClick={onCleanUp} title="Consistency checks of this dictionary, each with the entries it finds">
            Clean up…
          </button>
          <button type="button" className="button" onClick={onOpenDuplicates}>
            Duplicates…
          </button>
          <button type="button" className="button primary" onClick={() => onCreatingChange(true)}>
            New workset…
          </button>
        </div>
      </div>
      {worksets.error && <ErrorMessage what="Could not list the worksets:" error={worksets.error} onRetry={worksets.refetch} />}
      {openError && <ErrorMessage what="Could not open a new window:" error={openError} />}
      {!worksets.data && worksets.loading && <Loading what="Loading worksets" />}
      {worksets.data?.length === 0 && (
        <EmptyState title="No worksets yet">
          A workset is a saved query — “nouns without an English definition” — with a work list you go through.
          <div>
            <button type="button" className="button primary" onClick={() => onCreatingChange(true)}>
              Create the first one
            </button>
          </div>
        </EmptyState>
      )}
      {worksets.data && worksets.data.length > 0 && (
        <table className="list-table" aria-label="Worksets">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Progress</th>
              <th scope="col">Last change</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {worksets.data.map((workset) => (
              <WorksetListRow
                key={workset.id}
                workset={workset}
                present={namesOf(present.filter((p) => p.worksetId === workset.id))}
                onOpen={() => onOpen(workset.id)}
                onOpenWindow={() => openWindow(workset.id)}
                onRename={() => setPending({ kind: 'rename', workset })}
                onDuplicate={() => setPending({ kind: 'duplicate', workset })}
                onDelete={() => setPending({ kind: 'delete', workset })}
              />
            ))}
          </tbody>
        </table>
      )}
      {pending?.kind === 'rename' && (
        <NameDialog title={`Rename “${pending.workset.name}”`} initial={pending.workset.name} onSubmit={(name) => actions.rename(pending.workset.id, name)} onClose={() => setPending(null)} />
      )}
      {pending?.kind === 'duplicate' && (
        <NameDialog
          title={`Duplicate “${pending.workset.name}”`}
          initial={`${pending.workset.name} (copy)`}
          failure="Could not duplicate:"
          onSubmit={async (name) => onOpen((await actions.duplicate(pending.workset.id, name)).id)}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog title={`Delete “${pending.workset.name}”?`} confirm="Delete workset" onConfirm={() => actions.remove(pending.workset.id)} onClose={() => setPending(null)}>
          <p>
            Its work list — statuses, favourites and notes of {pending.workset.counts.total} entries — is deleted. The dictionary’s entries are not touched.
          </p>
        </ConfirmDialog>
      )}
      {creating && (
        <NewWorksetDialog
          dictionary={dictionary}
          onClose={() => onCreatingChange(false)}
          onCreated={(id) => {
            onCreatingChange(false);
            onOpen(id);
          }}
        />
      )}
    </section>
  );
}
