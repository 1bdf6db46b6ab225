import { useRef } from 'react';
import { useApi } from '../hooks/api-context.js';

/**
 * "Import LIFT…": Electron's native dialog gives a path; a browser page can only read a file
 * the user picks, so there it is a file input (styled as a button, labelled for tests).
 */
export function ImportControl({ busy, onFile, onPath }: { busy: boolean; onFile: (file: File) => void; onPath: (path: string) => void }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  if (api.platform === 'electron') {
    const pick = async (): Promise<void> => {
      const { file } = await api.dialogs.openLift();
      if (file) onPath(file);
    };
    return (
      <button type="button" className="button primary" disabled={busy} onClick={() => void pick()}>
        Import LIFT…
      </button>
    );
  }
  return (
    <label className={busy ? 'button primary disabled' : 'button primary'}>
      Import LIFT…
      <input
        ref={input}
        type="file"
        accept=".lift"
        className="visually-hidden"
        aria-label="Import LIFT file"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          // Picking the same file again should import it again.
          if (input.current) input.current.value = '';
        }}
      />
    </label>
  );
}
