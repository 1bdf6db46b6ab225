import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { DuplicateGroup, MergeOutcome } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { EmptyState } from '../ui/EmptyState.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { MergeDialog } from './MergeDialog.js';
import { useDuplicates } from './use-duplicates.js';

interface Props {
  readonly dictionary: string;
  readonly onBack: () => void;
  readonly onOpenEntry: (guid: string) => void;
}

/** The dictionary's candidate duplicates, best first: each group merged after its preview, or set aside as not duplicates. */
export function DuplicatesView({ dictionary, onBack, onOpenEntry }: Props) {
  const api = useApi();
  const found = useDuplicates(dictionary);
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const [merged, setMerged] = useState<MergeOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const act = async (channel: 'duplicates.separate' | 'duplicates.undo', work: () => Promise<string>): Promise<void> => {
    setError(null);
    try {
      setNotice(await work());
      found.refetch();
    } catch (e) {
      setError(asApiCallError(channel, e));
    }
  };
  const separate = (group: DuplicateGroup): Promise<void> =>
    act('duplicates.separate', async () => {
      await api.duplicates.separate({ dictionary, guids: [...group.guids] });
      return `${group.headwords.join(' and ')}: not duplicates, not proposed again.`;
    });
  const undo = (outcome: MergeOutcome): Promise<void> =>
    act('duplicates.undo', async () => {
      await api.duplicates.undo({ operationId: outcome.operationId });
      setMerged(null);
      return `Merge undone: ${outcome.touched.length} entries are as they were.`;
    });
  return (
    <main className="content duplicates-view" aria-label={`Duplicates in ${dictionary}`}>
      <div className="workset-header">
        <button type="button" className="link-button back" onClick={onBack}>
          ‹ {dictionary}
        </button>
        <h1 className="workset-title">Duplicates</h1>
      </div>
      {merged && (
        <p className="notice" role="status" data-testid="merge-outcome">
          Merged into {merged.preview.keep.headword}: {merged.touched.length} entries written.{' '}
          <button type="button" className="button" onClick={() => void undo(merged)}>
            Undo merge
          </button>
        </p>
      )}
      {notice && !merged && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorMessage what="That did not work:" error={error} />}
      {found.error && <ErrorMessage what="Could not look for duplicates:" error={found.error} onRetry={found.refetch} />}
      {!found.data && found.loading && <Loading what="Looking for duplicates" />}
      {found.data?.groups.length === 0 && <EmptyState title="No candidate duplicates">No two entries look like one word entered twice.</EmptyState>}
      {found.data && found.data.groups.length > 0 && (
        <table className="list-table" aria-label="Candidate duplicates">
          <thead>
            <tr>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Entries</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {found.data.groups.map((group) => (
              <tr key={group.guids.join(' ')} data-testid="duplicate-group">
                <td className="num">{group.score.toFixed(2)}</td>
                <td>
                  {group.guids.map((guid, i) => (
                    <span key={guid}>
                      {i > 0 && ' · '}
                      <button type="button" className="link-button" dir="auto" onClick={() => onOpenEntry(guid)}>
                        {group.headwords[i] || guid}
                      </button>
                    </span>
                  ))}
                </td>
                <td>{group.reasons.join('; ')}</td>
                <td className="row-actions">
                  <button type="button" className="button" onClick={() => setMerging(group)}>
                    Merge…
                  </button>
                  <button type="button" className="button" onClick={() => void separate(group)}>
                    Not duplicates
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {merging && (
        <MergeDialog
          dictionary={dictionary}
          group={merging}
          onClose={() => setMerging(null)}
          onMerged={(outcome) => {
            setMerging(null);
            setNotice(null);
            setMerged(outcome);
            found.refetch();
          }}
        />
      )}
    </main>
  );
}
