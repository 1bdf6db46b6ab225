import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { RuleResult } from '../api/contract.js';
import { useChecks } from '../hooks/use-data.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { Loading } from '../ui/Loading.js';
import { ConfirmDialog } from '../worksets/ConfirmDialog.js';
import { CheckRow } from './CheckRow.js';
import { NewCheckDialog } from './NewCheckDialog.js';
import { RequiredGlossForm } from './RequiredGlossForm.js';
import { useCheckActions } from './use-check-actions.js';

interface Props {
  readonly dictionary: string;
  readonly onBack: () => void;
  readonly onOpenWorkset: (id: number) => void;
  /** The dictionary's candidate duplicates: the other half of cleaning up. */
  readonly onOpenDuplicates: () => void;
}

/**
 * A dictionary's Clean up area: each consistency check with the entries it finds. A check's
 * findings open as a workset, where they are fixed by normal edits or a bulk edit; the counts
 * follow every change, from any window or desktop.
 */
export function CleanUpView({ dictionary, onBack, onOpenWorkset, onOpenDuplicates }: Props) {
  const checks = useChecks(dictionary);
  const actions = useCheckActions(dictionary);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<RuleResult | null>(null);

  const open = async (rule: string): Promise<void> => {
    setOpening(rule);
    setError(null);
    try {
      onOpenWorkset((await actions.open(rule)).id);
    } catch (e) {
      setError(asApiCallError('checks.open', e));
      setOpening(null);
    }
  };

  const report = checks.data;
  return (
    <main className="content cleanup" aria-label={`Clean up ${dictionary}`}>
      <div className="panel-header">
        <button type="button" className="link-button back" onClick={onBack}>
          ‹ {dictionary}
        </button>
        <h2>
          Clean up <span className="muted">{dictionary}</span>
        </h2>
        <button type="button" className="button" onClick={onOpenDuplicates}>
          Duplicates…
        </button>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          New check…
        </button>
      </div>
      <p className="muted">Each check finds entries that need attention. Open its findings as a workset to fix them with edits or a bulk edit; the counts follow as you go.</p>
      {checks.error && <ErrorMessage what="Could not run the checks:" error={checks.error} onRetry={checks.refetch} />}
      {error && <ErrorMessage what="Could not open the check as a workset:" error={error} />}
      {!report && checks.loading && <Loading what="Running the checks" />}
      {report && (
        <>
          <RequiredGlossForm key={report.glossLangs.langs.join(' ') + report.glossLangs.source} glossLangs={report.glossLangs} onSave={actions.setRequiredGloss} />
          <table className="list-table" aria-label="Checks">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col" className="num">
                  Found
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rules.map((result) => (
                <CheckRow
                  key={result.userRule === undefined ? result.rule : `user-${result.userRule}`}
                  result={result}
                  busy={opening !== null}
                  onOpen={() => void open(result.rule)}
                  onDelete={result.userRule === undefined ? undefined : () => setDeleting(result)}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
      {adding && <NewCheckDialog dictionary={dictionary} onClose={() => setAdding(false)} />}
      {deleting?.userRule !== undefined && (
        <ConfirmDialog title={`Delete the check “${deleting.rule}”?`} confirm="Delete check" onConfirm={() => actions.deleteRule(deleting.userRule ?? 0)} onClose={() => setDeleting(null)}>
          <p>Worksets made from it stay; the dictionary’s entries are not touched.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
