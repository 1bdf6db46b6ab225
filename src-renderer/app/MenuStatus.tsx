import { ExportStatus } from '../dictionaries/ExportStatus.js';
import type { ExportState } from '../hooks/use-export.js';
import type { MenuNotice } from '../hooks/use-file-menu.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';

interface Props {
  readonly exportState: ExportState;
  readonly onDismissExport: () => void;
  readonly onRetryExport: () => void;
  readonly notice: MenuNotice | null;
  readonly onDismissNotice: () => void;
}

/** What a File menu command did, above whichever view is showing. */
export function MenuStatus({ exportState, onDismissExport, onRetryExport, notice, onDismissNotice }: Props) {
  if (exportState.phase === 'idle' && notice === null) return null;
  return (
    <div className="app-notices" data-testid="menu-status">
      <ExportStatus state={exportState} onDismiss={onDismissExport} onRetry={onRetryExport} />
      {notice?.tone === 'info' && (
        <div className="notice" role="status">
          {notice.text}
          <button type="button" className="link-button" onClick={onDismissNotice}>
            OK
          </button>
        </div>
      )}
      {notice?.tone === 'error' && <ErrorMessage what={notice.what} error={notice.error} onRetry={onDismissNotice} retryLabel="OK" />}
    </div>
  );
}
