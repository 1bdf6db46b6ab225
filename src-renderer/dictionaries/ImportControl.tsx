import { useRef } from 'react';
import { useApi } from '../hooks/api-context.js';

/**
 * "Import LIFT…": Electron's native dialog gives a path (main finds the .lift-ranges beside it);
 * a browser page can only read files the user picks, so there it is a file input (styled as a
 * button, labelled for tests) that takes the .lift together with its .lift-ranges.
 */
export function ImportControl({ busy, onFiles, onPath }: { busy: boolean; onFiles: (files: readonly File[]) => void; onPath: (path: string) => void }) {
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
        accept=".lift,.lift-ranges"
        multiple
        className="visually-hidden"
        aria-label="Import LIFT file"
        title="Choose the .lift file, and its .lift-ranges file with it to keep its ranges"
        disabled={busy}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          if (files.length > 0) onFiles(files);
          // Picking the same file again should import it again.
          if (input.current) input.current.value = '';
        }}
      />
    </label>
  );
}
