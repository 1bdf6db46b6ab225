import { useCallback, useState } from 'react';
import { ApiCallError, asApiCallError } from '../api/api-error.js';
import type { ExportResult } from '../api/contract.js';
import { startDownload } from '../api/download.js';
import { useApi } from './api-context.js';

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exporting'; readonly dictionary: string }
  | { readonly phase: 'done'; readonly dictionary: string; readonly result: ExportResult }
  | { readonly phase: 'failed'; readonly dictionary: string | null; readonly error: ApiCallError };

/**
 * Exports a dictionary: in Electron to a file the user picks in the save dialog (main grants
 * that path to this window, once); in the browser the host writes it into the data folder's
 * exports/ and offers it as a download, which starts by itself. `null` — the window shows no
 * dictionary — fails with a message saying so, since the File menu can ask from any view.
 */
export function useExport(dictionary: string | null) {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const run = useCallback(async (withCuration = false) => {
    if (dictionary === null) {
      setState({ phase: 'failed', dictionary, error: new ApiCallError('dictionaries.export', { code: 'Invalid', message: NO_DICTIONARY }) });
      return;
    }
    try {
      let file: string | undefined;
      if (api.platform === 'electron') {
        const picked = await api.dialogs.saveLift({ defaultName: `${dictionary}.lift` });
        if (picked.file === null) return;
        file = picked.file;
      }
      setState({ phase: 'exporting', dictionary });
      const result = await api.dictionaries.export({ database: dictionary, file, ...(withCuration ? { withCuration } : {}) });
      if (result.download) startDownload(result.download);
      setState({ phase: 'done', dictionary, result });
    } catch (error) {
      setState({ phase: 'failed', dictionary, error: asApiCallError('dictionaries.export', error) });
    }
  }, [api, dictionary]);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, run, dismiss };
}

const NO_DICTIONARY = 'this window shows no dictionary. Pick one under Dictionaries (or open a workset), then export again.';
