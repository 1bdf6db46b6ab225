import { useEffect, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { DuplicateGroup, MergeOutcome, MergePreview } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { MergePreviewView } from './MergePreviewView.js';

interface Props {
  readonly dictionary: string;
  readonly group: DuplicateGroup;
  readonly onClose: () => void;
  readonly onMerged: (outcome: MergeOutcome) => void;
}

/**
 * The merge of a group after its preview: which entry to keep, whose value each conflicting
 * single value takes, and what the kept entry becomes. The merge sends the versions the preview
 * saw, so a change made meanwhile is refused rather than merged unseen.
 */
export function MergeDialog({ dictionary, group, onClose, onMerged }: Props) {
  const api = useApi();
  const [keep, setKeep] = useState(group.guids[0]);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const merged = group.guids.filter((guid) => guid !== keep);
  const chosen = Object.entries(choices).map(([key, guid]) => `${key}=${guid}`);
  const request = { dictionary, keep, merged, choices: chosen };
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    let current = true;
    setError(null);
    api.duplicates.preview(JSON.parse(requestKey) as typeof request).then(
      (answer) => current && setPreview(answer),
      (e: unknown) => current && setError(asApiCallError('duplicates.preview', e)),
    );
    return () => {
      current = false;
    };
    // Keyed by the request's content, not its identity (a new object every render).
  }, [api, requestKey]);

  const merge = async (): Promise<void> => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      onMerged(await api.duplicates.merge({ ...request, versions: { ...preview.versions } }));
    } catch (e) {
      setError(asApiCallError('duplicates.merge', e));
      setBusy(false);
    }
  };
  const ready = preview !== null && preview.keep.guid === keep;
  return (
    <Dialog
      title="Merge duplicates"
      wide
      testId="merge-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={!ready || busy} onClick={() => void merge()}>
            Merge
          </button>
        </>
      }
    >
      <fieldset className="merge-keep">
        <legend>Keep</legend>
        {group.guids.map((guid, i) => (
          <label key={guid}>
            <input
              type="radio"
              name="keep"
              checked={guid === keep}
              onChange={() => {
                setKeep(guid);
                setChoices({});
              }}
            />{' '}
            <span dir="auto">{group.headwords[i] || guid}</span>
          </label>
        ))}
      </fieldset>
      {error && <ErrorMessage what="Could not merge:" error={error} />}
      {!ready && !error && <Loading what="Working out the merge" />}
      {ready && <MergePreviewView preview={preview} onChoose={(key, guid) => setChoices((c) => ({ ...c, [key]: guid }))} />}
    </Dialog>
  );
}
