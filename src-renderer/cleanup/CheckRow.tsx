import { isBuiltInRule, RULE_DESCRIPTIONS, type RuleResult } from '../api/contract.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly result: RuleResult;
  readonly busy: boolean;
  readonly onOpen: () => void;
  readonly onDelete?: () => void;
}

/** One rule: what it flags, how many entries, and its findings to open as a workset. */
export function CheckRow({ result, busy, onOpen, onDelete }: Props) {
  const builtIn = isBuiltInRule(result.rule) && result.userRule === undefined;
  // A user rule's workset is its own query, worth opening even while it finds nothing.
  const canOpen = !busy && (result.count > 0 || !builtIn);
  return (
    <tr data-testid="check-row" data-rule={result.rule} data-count={result.count}>
      <td>
        <div>{builtIn ? <code>{result.rule}</code> : <strong>{result.rule}</strong>}</div>
        <div className="muted small">{builtIn && isBuiltInRule(result.rule) ? `Finds ${RULE_DESCRIPTIONS[result.rule]}` : 'Your check: the entries its query matches'}</div>
        {result.note && <div className="muted small" data-testid="check-note">{result.note}</div>}
      </td>
      <td className="num" data-testid="check-count">
        {formatCount(result.count, 'entry', 'entries')}
      </td>
      <td className="row-actions">
        <button type="button" className="button small" disabled={!canOpen} onClick={onOpen} aria-label={`Open what ${result.rule} finds as a workset`}>
          Open as workset
        </button>
        {onDelete && (
          <button type="button" className="button small danger-text" onClick={onDelete} aria-label={`Delete the check ${result.rule}`}>
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}
